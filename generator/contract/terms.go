package contract

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// flatFormula is the SPEC's flat policy, used inside a guarantee period
// when the library has no refund.policy.flat clause.
var flatFormula = expr.MustParse("max(0, paid - paid * (bank_fee + retention) - deductions)")

// terms builds the refund computation of a course from its policy clause.
func (a *Assembler) terms(k *Contract, policy *site.Clause, ll *site.LangLibrary) *refund.Terms {
	p := a.parsed[policy]
	if p == nil || p.formula == nil {
		return nil
	}
	c := k.Course
	for _, v := range p.formula.Vars() {
		name, isParam := strings.CutPrefix(v.Name, "params.")
		if !isParam {
			continue
		}
		if _, ok := c.Refund.Params[name]; !ok {
			k.problem("formula/invalid", refundPos(c, "policy"), "the formula of %s reads params.%s, which this course does not set in [refund.params]", policy.ID, name)
			return nil
		}
	}
	flat := flatFormula
	if fc, ok := ll.Clause("refund.policy.flat"); ok {
		if fp := a.parsed[fc]; fp != nil && fp.formula != nil {
			flat = fp.formula
		}
	}
	cur, _ := money.Lookup(c.Currency)
	hundred := big.NewRat(100, 1)
	t := &refund.Terms{
		Currency:      cur,
		Price:         c.Price,
		Total:         c.Duration.Count,
		BankFee:       new(big.Rat).Quo(c.Refund.BankFeePercent, hundred),
		Retention:     new(big.Rat).Quo(c.Refund.RetentionPercent, hundred),
		GuaranteeDays: c.Refund.GuaranteeDays,
		Params:        c.Refund.Params,
		PolicyID:      policy.ID,
		Policy:        p.formula,
		Flat:          flat,
	}
	for _, d := range c.Refund.Deductions {
		t.Deductions = append(t.Deductions, refund.Deduction{Name: d.Name, Amount: d.Amount})
	}
	return t
}

// ExampleUsed is the number of units the worked example assumes: three
// eighths of the course, at least one unit ("3 of 8 weeks").
func ExampleUsed(total int) int {
	n := total * 3 / 8
	if n < 1 {
		n = 1
	}
	if n > total {
		n = total
	}
	return n
}

// Wording is the course's refund rule in words, with its numbers.
type Wording struct {
	// Formula is the policy's rule: what is refunded on withdrawal.
	Formula string
	// Flat is what the flat rule refunds (the guarantee period's rule):
	// "the whole amount paid" only when nothing at all is deducted.
	Flat string
	// Example is one worked example of the policy, in the third person so
	// that the contract and the FAQ may both print it.
	Example string
}

// describe returns the course's refund rule in words, from the phrases
// of the course's library (phrases.toml, [rule]). Every sentence follows
// from the formula's actual terms: a text says the whole amount is
// refunded only when nothing is deducted (Civil Code art. 431 reads an
// ambiguous contract for the consumer), and the example says "at least"
// when a fee, a share or a cost may be withheld. Sentences are joined
// with a space, the items of a list with rule.list_separator.
func describe(k *Contract) Wording {
	if k.Terms == nil {
		return Wording{}
	}
	w := describeRule(k)
	w.Example = describeExample(k)
	return w
}

// describeRule is describe's Formula and Flat, which do not depend on
// the course's price.
func describeRule(k *Contract) Wording {
	t := k.Terms
	c := k.Course
	l := c.Language
	p := k.Phrases
	unitsTotal, _ := lang.Units(l, t.Total, c.Duration.Unit)
	sep := p.Text("rule.list_separator")
	hasDed := len(c.Refund.Deductions) > 0

	// The deductions with their amounts, named as the course names them.
	var items []string
	for _, d := range c.Refund.Deductions {
		items = append(items, p.Text("rule.item", "name", d.Name, "amount", money.FormatRat(d.Amount, t.Currency, l)))
	}
	itemList := strings.Join(items, sep)

	// Shares of the amount paid withheld at most, as the clauses on the
	// acquirer's fee and on documented costs set them out.
	var shares []string
	if c.Refund.BankFeePercent.Sign() > 0 {
		shares = append(shares, p.Text("rule.fee", "percent", lang.Percent(l, c.Refund.BankFeePercent)))
	}
	if c.Refund.RetentionPercent.Sign() > 0 {
		shares = append(shares, p.Text("rule.retention", "percent", lang.Percent(l, c.Refund.RetentionPercent)))
	}
	floor := p.Text("rule.floor")

	var w Wording
	// The flat rule: paid - paid * (bank_fee + retention) - deductions.
	var flatLess []string
	if hasDed {
		flatLess = append(flatLess, p.Text("rule.deductions", "items", itemList))
	}
	flatLess = append(flatLess, shares...)
	if len(flatLess) == 0 {
		w.Flat = p.Text("rule.flat_whole")
	} else {
		w.Flat = p.Text("rule.flat_less", "list", strings.Join(flatLess, sep)) + " " + floor
	}

	switch t.PolicyID {
	case refund.PolicyProrata:
		// (paid - deductions) * (total - used) / total - paid * (bank_fee + retention)
		var b strings.Builder
		if hasDed {
			b.WriteString(p.Text("rule.prorata_deductions", "items", itemList, "units", unitsTotal))
		} else {
			b.WriteString(p.Text("rule.prorata_plain", "units", unitsTotal))
		}
		if len(shares) > 0 {
			b.WriteString(" " + p.Text("rule.shares", "list", strings.Join(shares, sep)))
		}
		b.WriteString(" " + floor)
		w.Formula = b.String()
	case refund.PolicyFlat:
		w.Formula = w.Flat
	case refund.PolicyNone:
		w.Formula = p.Text("rule.none")
	default:
		w.Formula = p.Text("rule.custom", "formula", t.Policy.String(), "units", unitsTotal)
	}

	return w
}

// describeExample is describe's Example.
func describeExample(k *Contract) string {
	t := k.Terms
	c := k.Course
	l := c.Language
	p := k.Phrases
	hasDed := len(c.Refund.Deductions) > 0
	hasShares := c.Refund.BankFeePercent.Sign() > 0 || c.Refund.RetentionPercent.Sign() > 0
	used := ExampleUsed(t.Total)
	res, err := refund.Compute(t, refund.Request{Used: used})
	if err != nil {
		return ""
	}
	usedText, _ := lang.UnitsGenitive(l, used, c.Duration.Unit)
	// A fee, a share or a cost is withheld at most as stated: if it was
	// less, or not incurred, the client gets more.
	key := "rule.example"
	if hasDed || hasShares {
		key = "rule.example_at_least"
	}
	return p.Text(key, "paid", money.FormatRat(t.Price, t.Currency, l), "used", usedText, "total", strconv.Itoa(t.Total), "refund", money.Format(res.Amount, l))
}

// Under returns a copy of k that computes refunds under other terms: an
// earlier edition's, recorded when it was frozen. c is the course as that
// edition stated it (price, duration, refund settings) and policy the
// edition's policy clause (its number and title), or nil to keep k's.
// The copy's text is k's; only its terms, formula text and worked example
// are those of t. k is not modified.
func (k *Contract) Under(c *site.Course, t *refund.Terms, policy *Clause) *Contract {
	u := *k
	u.Course = c
	u.Terms = t
	u.analysis = nil // computed from t, not shared with k
	if policy != nil {
		u.Policy = policy
	}
	w := describe(&u)
	u.FormulaText, u.FlatText, u.Example = w.Formula, w.Flat, w.Example
	return &u
}
