package refund

import (
	_ "embed"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
)

// The ids of the built-in policy clauses. Compute explains their results
// step by step; any other policy is shown as one formula step.
const (
	PolicyProrata = "refund.policy.prorata"
	PolicyFlat    = "refund.policy.flat"
	PolicyNone    = "refund.policy.none"
)

// Terms are a course's refund terms, already decoded and validated for
// syntax by the site loader.
type Terms struct {
	Currency      money.Currency
	Price         *big.Rat
	Total         int                 // course duration count, in units
	BankFee       *big.Rat            // fraction: 3 % is 3/100; nil is 0
	Retention     *big.Rat            // fraction; nil is 0
	Deductions    []Deduction         // documented costs withheld
	GuaranteeDays int                 // 0: no guarantee period
	Params        map[string]*big.Rat // params.<name>
	PolicyID      string              // e.g. "refund.policy.prorata"
	Policy        *expr.Expr          // the course's formula
	Flat          *expr.Expr          // the flat formula, applied inside the guarantee
}

// Deduction is a documented cost withheld from the refund.
type Deduction struct {
	Name   string
	Amount *big.Rat
}

// CalcJS is the browser calculator: window.OfertaCalc with evaluate,
// refund and format. It computes from Terms.Model exactly what Compute does.
//
//go:embed calc.js
var CalcJS []byte

// Variables returns the names a refund formula may use besides
// params.<name>, in the SPEC's order.
func Variables() []string {
	return []string{"price", "paid", "used", "total", "bank_fee", "retention", "deductions", "guarantee"}
}

// Known returns every variable name a formula of these terms may use:
// Variables and then params.<name> for each parameter, sorted. Pass it to
// expr.Check.
func (t *Terms) Known() []string {
	names := Variables()
	params := make([]string, 0, len(t.Params))
	for name := range t.Params {
		params = append(params, "params."+name)
	}
	slices.Sort(params)
	return append(names, params...)
}

// check reports terms that no formula can be evaluated over.
func (t *Terms) check() error {
	if t.Currency.Code == "" {
		return fmt.Errorf("refund terms: no currency")
	}
	if t.Price == nil || t.Price.Sign() <= 0 {
		return fmt.Errorf("refund terms: price must be greater than 0")
	}
	if !money.IsWhole(t.Price, t.Currency) {
		return fmt.Errorf("refund terms: price %s has more decimals than %s allows (%d)",
			expr.RatString(t.Price), t.Currency.Code, t.Currency.Digits)
	}
	if t.Total < 1 {
		return fmt.Errorf("refund terms: total (duration count) must be at least 1, got %d", t.Total)
	}
	for _, f := range []struct {
		name string
		x    *big.Rat
	}{{"bank fee", t.BankFee}, {"retention", t.Retention}} {
		if f.x != nil && (f.x.Sign() < 0 || f.x.Cmp(big.NewRat(1, 1)) > 0) {
			return fmt.Errorf("refund terms: %s must be a fraction from 0 to 1, got %s", f.name, expr.RatString(f.x))
		}
	}
	for _, d := range t.Deductions {
		if d.Amount == nil || d.Amount.Sign() < 0 {
			return fmt.Errorf("refund terms: deduction %q must be an amount of 0 or more", d.Name)
		}
		if !money.IsWhole(d.Amount, t.Currency) {
			return fmt.Errorf("refund terms: deduction %q has more decimals than %s allows", d.Name, t.Currency.Code)
		}
	}
	for name, v := range t.Params {
		if v == nil {
			return fmt.Errorf("refund terms: params.%s has no value", name)
		}
	}
	if t.GuaranteeDays < 0 {
		return fmt.Errorf("refund terms: guarantee days must be 0 or more")
	}
	if t.Policy == nil {
		return fmt.Errorf("refund terms: no policy formula")
	}
	if t.GuaranteeDays > 0 && t.Flat == nil {
		return fmt.Errorf("refund terms: a guarantee period needs the flat formula")
	}
	return nil
}

// orZero returns x, or 0 for nil.
func orZero(x *big.Rat) *big.Rat {
	if x == nil {
		return new(big.Rat)
	}
	return x
}

// deductionSum returns the sum of all deductions.
func (t *Terms) deductionSum() *big.Rat {
	sum := new(big.Rat)
	for _, d := range t.Deductions {
		sum.Add(sum, d.Amount)
	}
	return sum
}

// ForClient returns the terms of one client's request when they differ
// from the course's: heldBefore units of a group course all took place
// before the client paid (a late joiner's course is the total less
// those, and the payment is shared out over the rest), and the named
// deductions in skip were not incurred for this client, so they are not
// withheld. t itself is not changed; with nothing to adjust it is
// returned as is. A name in skip that is not one of the deductions, or
// that is named twice, is an error, as is heldBefore outside 0..total-1.
func (t *Terms) ForClient(heldBefore int, skip []string) (*Terms, error) {
	if heldBefore == 0 && len(skip) == 0 {
		return t, nil
	}
	if heldBefore < 0 || heldBefore >= t.Total {
		return nil, fmt.Errorf("units held before the client paid must be from 0 to %d (the course has %d), got %d", t.Total-1, t.Total, heldBefore)
	}
	u := *t
	u.Total = t.Total - heldBefore
	if len(skip) > 0 {
		seen := make(map[string]bool, len(skip))
		for _, name := range skip {
			if seen[name] {
				return nil, fmt.Errorf("deduction %q is named twice", name)
			}
			seen[name] = true
			if !slices.ContainsFunc(t.Deductions, func(d Deduction) bool { return d.Name == name }) {
				names := make([]string, len(t.Deductions))
				for i, d := range t.Deductions {
					names[i] = fmt.Sprintf("%q", d.Name)
				}
				if len(names) == 0 {
					return nil, fmt.Errorf("deduction %q: the contract lists no deductions", name)
				}
				return nil, fmt.Errorf("deduction %q is not in the contract; its deductions: %s", name, strings.Join(names, ", "))
			}
		}
		u.Deductions = nil
		for _, d := range t.Deductions {
			if !seen[d.Name] {
				u.Deductions = append(u.Deductions, d)
			}
		}
	}
	return &u, nil
}
