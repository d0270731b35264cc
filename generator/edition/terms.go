package edition

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// Terms are a course's refund terms as an edition records them beside its
// text (editions/<date>/<lang>/<slug>.toml): everything `oferta calc
// --paid-on` needs to compute a refund under that edition. Numbers are
// exact decimals kept as strings, so the file reads as the course file
// did and nothing is rounded.
type Terms struct {
	File          string // the terms file, for messages
	Course        string
	Language      string
	Edition       time.Time
	Policy        string // the policy clause's id, "refund.policy.prorata"
	Formula       string // the policy's formula, as expr writes it
	FlatFormula   string // the formula inside the guarantee period
	Currency      string
	Price         string
	DurationUnit  string
	DurationCount int
	BankFee       string // percent: "3" is 3 %
	Retention     string // percent
	GuaranteeDays int
	ReviewDays    int
	PayoutDays    int
	Params        map[string]string
	Deductions    []TermsDeduction
}

// TermsDeduction is one documented cost of recorded terms.
type TermsDeduction struct {
	Name   string `toml:"name"`
	Amount string `toml:"amount"`
}

// TermsFromContract records the refund terms of an assembled contract, or
// returns nil when the contract has no computable formula.
func TermsFromContract(k *contract.Contract, date time.Time) *Terms {
	t := k.Terms
	if t == nil {
		return nil
	}
	c := k.Course
	rec := &Terms{
		Course: c.Slug, Language: k.Lang, Edition: date,
		Policy: t.PolicyID, Formula: t.Policy.String(),
		Currency: t.Currency.Code, Price: expr.RatString(t.Price),
		DurationUnit: c.Duration.Unit, DurationCount: t.Total,
		BankFee:       percent(t.BankFee),
		Retention:     percent(t.Retention),
		GuaranteeDays: t.GuaranteeDays,
		ReviewDays:    c.Refund.ReviewDays, PayoutDays: c.Refund.PayoutDays,
	}
	if t.Flat != nil {
		rec.FlatFormula = t.Flat.String()
	}
	if len(t.Params) > 0 {
		rec.Params = map[string]string{}
		for name, v := range t.Params {
			rec.Params[name] = expr.RatString(v)
		}
	}
	for _, d := range t.Deductions {
		rec.Deductions = append(rec.Deductions, TermsDeduction{Name: d.Name, Amount: expr.RatString(d.Amount)})
	}
	return rec
}

// percent writes a fraction as a percentage: 3/100 is "3".
func percent(x *big.Rat) string {
	if x == nil {
		return "0"
	}
	return expr.RatString(new(big.Rat).Mul(x, big.NewRat(100, 1)))
}

// Marshal writes the terms file: TOML with a comment saying what it is,
// keys in a fixed order.
func (t *Terms) Marshal() []byte {
	var b bytes.Buffer
	date := t.Edition.Format("2006-01-02")
	fmt.Fprintf(&b, "# Refund terms of %s (%s) in the edition of %s, recorded by oferta freeze\n", t.Course, t.Language, date)
	fmt.Fprintf(&b, "# beside the contract text %s.md. `oferta calc --paid-on DATE` computes a\n", t.Course)
	b.WriteString("# refund under the edition in force on the day of payment with these numbers.\n")
	b.WriteString("# Amounts and percentages are exact decimals; percentages are of the price paid.\n")
	fmt.Fprintf(&b, "course = %s\n", quote(t.Course))
	fmt.Fprintf(&b, "language = %s\n", quote(t.Language))
	fmt.Fprintf(&b, "edition = %s\n", date)
	fmt.Fprintf(&b, "policy = %s\n", quote(t.Policy))
	fmt.Fprintf(&b, "formula = %s\n", quote(t.Formula))
	if t.FlatFormula != "" {
		fmt.Fprintf(&b, "flat_formula = %s\n", quote(t.FlatFormula))
	}
	fmt.Fprintf(&b, "currency = %s\n", quote(t.Currency))
	fmt.Fprintf(&b, "price = %s\n", quote(t.Price))
	fmt.Fprintf(&b, "duration = { unit = %s, count = %d }\n", quote(t.DurationUnit), t.DurationCount)
	fmt.Fprintf(&b, "bank_fee_percent = %s\n", quote(t.BankFee))
	fmt.Fprintf(&b, "retention_percent = %s\n", quote(t.Retention))
	fmt.Fprintf(&b, "guarantee_days = %d\n", t.GuaranteeDays)
	fmt.Fprintf(&b, "review_days = %d\n", t.ReviewDays)
	fmt.Fprintf(&b, "payout_days = %d\n", t.PayoutDays)
	if len(t.Params) > 0 {
		names := make([]string, 0, len(t.Params))
		for n := range t.Params {
			names = append(names, n)
		}
		sort.Strings(names)
		var parts []string
		for _, n := range names {
			parts = append(parts, quote(n)+" = "+quote(t.Params[n]))
		}
		fmt.Fprintf(&b, "params = { %s }\n", strings.Join(parts, ", "))
	}
	for _, d := range t.Deductions {
		fmt.Fprintf(&b, "\n[[deductions]]\nname = %s\namount = %s\n", quote(d.Name), quote(d.Amount))
	}
	return b.Bytes()
}

// SameTerms reports whether two recordings state the same refund terms,
// whatever their edition dates.
func SameTerms(a, b *Terms) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a, *b
	x.Edition, y.Edition = time.Time{}, time.Time{}
	x.File, y.File = "", ""
	return bytes.Equal(x.Marshal(), y.Marshal())
}

// ParseTerms reads a terms file written by freeze.
func ParseTerms(file string, data []byte) (*Terms, error) {
	var raw struct {
		Course      string    `toml:"course"`
		Language    string    `toml:"language"`
		Edition     time.Time `toml:"edition"`
		Policy      string    `toml:"policy"`
		Formula     string    `toml:"formula"`
		FlatFormula string    `toml:"flat_formula"`
		Currency    string    `toml:"currency"`
		Price       string    `toml:"price"`
		Duration    struct {
			Unit  string
			Count int
		} `toml:"duration"`
		BankFee    string            `toml:"bank_fee_percent"`
		Retention  string            `toml:"retention_percent"`
		Guarantee  int               `toml:"guarantee_days"`
		Review     int               `toml:"review_days"`
		Payout     int               `toml:"payout_days"`
		Params     map[string]string `toml:"params"`
		Deductions []TermsDeduction  `toml:"deductions"`
	}
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, tomlError(file, string(data), 0, pe, "")
		}
		return nil, site.Errorf(site.Pos{File: file, Line: 1}, "%v", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, site.Errorf(site.Pos{File: file, Line: 1}, "unknown key %q: a terms file holds what oferta freeze wrote", und[0].String())
	}
	t := &Terms{File: file, Course: raw.Course, Language: raw.Language, Edition: raw.Edition,
		Policy: raw.Policy, Formula: raw.Formula, FlatFormula: raw.FlatFormula, Currency: raw.Currency,
		Price: raw.Price, DurationUnit: raw.Duration.Unit, DurationCount: raw.Duration.Count,
		BankFee: raw.BankFee, Retention: raw.Retention, GuaranteeDays: raw.Guarantee,
		ReviewDays: raw.Review, PayoutDays: raw.Payout, Params: raw.Params, Deductions: raw.Deductions}
	if _, err := t.Refund(); err != nil {
		return nil, site.Errorf(site.Pos{File: file, Line: 1}, "%v", err)
	}
	return t, nil
}

// Refund returns the recorded terms in the form refund.Compute takes.
func (t *Terms) Refund() (*refund.Terms, error) {
	cur, ok := money.Lookup(t.Currency)
	if !ok {
		return nil, fmt.Errorf("unknown currency %q", t.Currency)
	}
	num := func(key, s string) (*big.Rat, error) {
		if s == "" {
			return nil, fmt.Errorf("%s is missing", key)
		}
		x, err := money.ParseDecimal(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", key, err)
		}
		return x, nil
	}
	price, err := num("price", t.Price)
	if err != nil {
		return nil, err
	}
	fee, err := num("bank_fee_percent", t.BankFee)
	if err != nil {
		return nil, err
	}
	ret, err := num("retention_percent", t.Retention)
	if err != nil {
		return nil, err
	}
	if t.Formula == "" {
		return nil, fmt.Errorf("formula is missing")
	}
	policy, err := expr.Parse(t.Formula)
	if err != nil {
		return nil, fmt.Errorf("formula: %v", err)
	}
	hundred := big.NewRat(100, 1)
	r := &refund.Terms{Currency: cur, Price: price, Total: t.DurationCount,
		BankFee: fee.Quo(fee, hundred), Retention: ret.Quo(ret, hundred),
		GuaranteeDays: t.GuaranteeDays, PolicyID: t.Policy, Policy: policy}
	if t.FlatFormula != "" {
		if r.Flat, err = expr.Parse(t.FlatFormula); err != nil {
			return nil, fmt.Errorf("flat_formula: %v", err)
		}
	}
	if len(t.Params) > 0 {
		r.Params = map[string]*big.Rat{}
		for name, s := range t.Params {
			if r.Params[name], err = num("params."+name, s); err != nil {
				return nil, err
			}
		}
	}
	for _, d := range t.Deductions {
		amt, err := num("deduction "+d.Name, d.Amount)
		if err != nil {
			return nil, err
		}
		r.Deductions = append(r.Deductions, refund.Deduction{Name: d.Name, Amount: amt})
	}
	if err := r.Policy.Check(r.Known()); err != nil {
		return nil, fmt.Errorf("formula: %v", err)
	}
	return r, nil
}

// ErrNoTerms is returned for an edition frozen before oferta recorded
// refund terms beside the text.
var ErrNoTerms = errors.New("the edition was frozen without its refund terms")

// Contract returns the course's contract computing under this edition's
// recorded terms: k's text with the price, duration, percentages,
// deductions, deadlines and formula the edition recorded, and the policy
// clause's number and title as the edition numbered it. k is the course's
// current contract. An edition without recorded terms gives ErrNoTerms.
func (d *Doc) Contract(k *contract.Contract) (*contract.Contract, error) {
	if d.Terms == nil {
		return nil, ErrNoTerms
	}
	rt, err := d.Terms.Refund()
	if err != nil {
		return nil, err
	}
	rec := d.Terms
	c := *k.Course
	c.Price = rt.Price
	c.Currency = rec.Currency
	c.Duration = site.Duration{Unit: rec.DurationUnit, Count: rec.DurationCount}
	r := c.Refund
	r.BankFeePercent = new(big.Rat).Mul(rt.BankFee, big.NewRat(100, 1))
	r.RetentionPercent = new(big.Rat).Mul(rt.Retention, big.NewRat(100, 1))
	r.GuaranteeDays = rec.GuaranteeDays
	r.ReviewDays, r.PayoutDays = rec.ReviewDays, rec.PayoutDays
	r.Params = rt.Params
	r.Deductions = nil
	for _, x := range rt.Deductions {
		r.Deductions = append(r.Deductions, site.Deduction{Name: x.Name, Amount: x.Amount})
	}
	c.Refund = r
	var policy *contract.Clause
	for _, cl := range d.Clauses() {
		if cl.ID == rec.Policy {
			src := &site.Clause{ID: cl.ID, Title: cl.Title, Kind: "proration", Formula: rec.Formula}
			if k.Policy != nil && k.Policy.Source != nil {
				cp := *k.Policy.Source
				cp.Title, cp.Formula = cl.Title, rec.Formula
				src = &cp
			}
			policy = &contract.Clause{Source: src, Number: cl.Number, Anchor: contract.Anchor(cl.ID), Markdown: cl.Body}
			break
		}
	}
	return k.Under(&c, rt, policy), nil
}
