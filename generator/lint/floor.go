package lint

import (
	"math/big"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/internal/checked"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
)

// maxBankFeePercent is the highest payment fee a Russian seller can show
// as actually withheld on a card payment: internet acquiring and payment
// aggregators (ЮKassa, CloudPayments, Prodamus, Robokassa) charge about
// 2.5–3.9 % for cards in 2024–2026, the СБП a fraction of that (at most
// 0.7 % under the Bank of Russia's caps). Above 4 % a "bank fee" is not a
// cost the seller incurred but a retention under another name.
var maxBankFeePercent = big.NewRat(4, 1)

// maxRetentionPercent is where a flat retention stops being defensible as
// an estimate of documented costs: above 10 % of the price, before any
// lesson, it is the sliding or fixed percentage courts strike down.
var maxRetentionPercent = big.NewRat(10, 1)

// floorLine is the lawful floor of a refund as a function of used: at
// used u it is max(0, (a - b*u) / d), in the currency's major units.
type floorLine struct {
	a, b, d int64 // fast path; ok64 reports whether they hold the floor
	ok64    bool
	ra, rb  *big.Rat // a/d and b/d, always set
}

// lawfulFloor is the least a course's refund may be at each used.
//
// ru: the SPEC's prorata, (paid - deductions) * (total - used) / total -
// paid * (bank_fee + retention), with the bank fee counted at most at
// maxBankFeePercent: the undelivered share of the price less the items
// provided in full, less the allowed fee.
//
// eu, de, ro: the art. 14(3) share, (paid - deductions) * (total - used) /
// total: the consumer pays for what was provided, no fee (art. 13).
func lawfulFloor(t *refund.Terms, jurisdiction string) floorLine {
	paid := t.Price
	ded := new(big.Rat)
	for _, d := range t.Deductions {
		if d.Amount != nil {
			ded.Add(ded, d.Amount)
		}
	}
	fee := new(big.Rat)
	if jurisdiction == "ru" {
		if t.BankFee != nil {
			fee.Set(t.BankFee)
			if limit := new(big.Rat).Quo(maxBankFeePercent, big.NewRat(100, 1)); fee.Cmp(limit) > 0 {
				fee.Set(limit)
			}
		}
		if t.Retention != nil {
			fee.Add(fee, t.Retention)
		}
	}
	total := big.NewRat(int64(t.Total), 1)
	base := new(big.Rat).Sub(paid, ded)
	// floor(u) = base - base*u/total - paid*fee = A - B*u
	A := new(big.Rat).Sub(base, new(big.Rat).Mul(paid, fee))
	B := new(big.Rat).Quo(base, total)
	f := floorLine{ra: A, rb: B}
	// A = an/ad, B = bn/bd → (an*bd - bn*ad*u) / (ad*bd)
	if A.Num().IsInt64() && A.Denom().IsInt64() && B.Num().IsInt64() && B.Denom().IsInt64() {
		an, ad, bn, bd := A.Num().Int64(), A.Denom().Int64(), B.Num().Int64(), B.Denom().Int64()
		x, ok1 := checked.Mul(an, bd)
		y, ok2 := checked.Mul(bn, ad)
		d, ok3 := checked.Mul(ad, bd)
		// y*total must fit as well.
		_, ok4 := checked.Mul(y, int64(t.Total))
		if ok1 && ok2 && ok3 && ok4 {
			f.a, f.b, f.d, f.ok64 = x, y, d, true
		}
	}
	return f
}

// at is the floor at used, rounded to the currency's minor unit like a
// refund.
func (f floorLine) at(used int, c money.Currency) money.Amount {
	if f.ok64 {
		n := f.a - f.b*int64(used)
		if n <= 0 {
			return money.Zero(c)
		}
		return money.RoundFrac64(n, f.d, c)
	}
	x := new(big.Rat).Sub(f.ra, new(big.Rat).Mul(f.rb, big.NewRat(int64(used), 1)))
	if x.Sign() <= 0 {
		return money.Zero(c)
	}
	return money.Round(x, c)
}

// BelowProrata: the refund is below the lawful floor for some used.
var BelowProrata = &Rule{
	Name:            "formula/below-prorata",
	DefaultSeverity: Error,
	Doc: `For some number of units used, from 0 to the course's total, inside or outside the guarantee period, the course's formula refunds less than the law allows (checked exactly, at paid = price, like the other formula rules). The floor:

ru: max(0, (paid - deductions) * (total - used) / total - paid * (bank_fee + retention)), the SPEC's prorata, with the bank fee counted at most at 4 % (see refund/bank-fee).
eu, de, ro: max(0, (paid - deductions) * (total - used) / total), the share of the price for what was not provided (art. 14(3)), without fees.

Why: ru — the client who withdraws pays for the part of the service actually rendered and the costs actually incurred, nothing more (Civil Code art. 782(1); ЗоЗПП art. 32); courts strike down sliding percentages and terms leaving the buyer less, and a formula that stays "in bounds" (never below 0) can still keep far more than that. eu/de/ro — a consumer who withdraws from a started service pays the share proportional to what was provided, on the total price (Directive 2011/83/EU art. 14(3); CJEU C-641/19), and no fee (art. 13).

Fires: formula = "max(0, paid*0.8*(total-used)/total)" (80 % of the prorated share: below the floor at used = 0); formula = "if(used > 0, paid*0.1, paid - paid*bank_fee)" (10 % after the first unit).

Silent: the library's prorata and flat policies.

Fix: use policy "prorata" or "flat", or make the formula at least the floor; the message names the first used where it falls short, the refund and the floor.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			a, ok, err := p.Analysis(k)
			if !ok || err != nil || k.Terms.PolicyID == refund.PolicyNone || a.Outside.Max.Sign() == 0 {
				continue // refund/waiver reports a formula that refunds nothing
			}
			if atFloor(p.texts, k, p.Site.Config.Jurisdiction) {
				continue
			}
			belowProrata(p, k, a)
		}
		return nil
	},
}

func belowProrata(p *Pass, k *contract.Contract, a refund.Analysis) {
	t := k.Terms
	f := lawfulFloor(t, p.Site.Config.Jurisdiction)
	for _, c := range curves(a) {
		for used, got := range c.Amounts {
			floor := f.at(used, t.Currency)
			if got.Cmp(floor) < 0 {
				p.Report(formulaPos(k), k.Course.Slug, "course %q: the refund is %s at used = %d%s, below the lawful floor of %s (%s)", k.Course.Slug, amountText(got), used, inGuarantee(c), amountText(floor), floorWords(p.Site.Config.Jurisdiction))
				break
			}
		}
	}
}

func floorWords(j string) string {
	if j == "ru" {
		return "the undelivered share of the price less deductions, less the allowed fee: ГК РФ ст. 782, ЗоЗПП ст. 32"
	}
	return "the share of the price for what was not provided: Directive 2011/83/EU art. 14(3)"
}

// The library's formulas, as the SPEC writes them: prorata is the ru
// floor itself, and flat never less (it refunds the undelivered share and
// the delivered one).
const (
	specProrata = "max(0, (paid - deductions) * (total - used) / total - paid * (bank_fee + retention))"
	specFlat    = "max(0, paid - paid * (bank_fee + retention) - deductions)"
)

// atFloor reports whether a contract's refund is at least the lawful
// floor by construction, so that the amounts need not be compared: its
// policy and guarantee formulas are the SPEC's prorata or flat, and the
// fee they withhold is one the floor allows (ru: a bank fee of at most
// maxBankFeePercent; eu, de, ro: no fee or retention at all).
func atFloor(c *textCache, k *contract.Contract, jurisdiction string) bool {
	t := k.Terms
	for _, f := range []*expr.Expr{t.Policy, t.Flat} {
		if f != nil && !c.specFormula(f) {
			return false
		}
	}
	if jurisdiction == "ru" {
		if t.BankFee == nil {
			return true
		}
		limit := new(big.Rat).Quo(maxBankFeePercent, big.NewRat(100, 1))
		return t.BankFee.Cmp(limit) <= 0
	}
	return (t.BankFee == nil || t.BankFee.Sign() == 0) && (t.Retention == nil || t.Retention.Sign() == 0)
}

// specFormula reports whether f prints as the SPEC's prorata or flat; the
// answer is kept per formula, which the courses of a policy share.
func (c *textCache) specFormula(f *expr.Expr) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.formulas == nil {
		c.formulas = map[*expr.Expr]bool{}
	}
	spec, ok := c.formulas[f]
	if !ok {
		s := f.String()
		spec = s == specProrata || s == specFlat
		c.formulas[f] = spec
	}
	return spec
}
