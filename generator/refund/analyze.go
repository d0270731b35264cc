package refund

import (
	"fmt"
	"math/big"

	"github.com/oferta-dev/oferta/generator/money"
)

// Analysis is the refund over every `used` from 0 to Total at paid = price,
// for the lint rules and the FAQ table. The bounds are also checked at the
// smallest payment (one minor unit), which catches a formula written over
// the price where it should use the amount paid.
type Analysis struct {
	Outside Curve  // outside the guarantee period: the policy formula
	Inside  *Curve // inside it (the flat formula); nil without a guarantee period
}

// Curve is the rounded refund for each used = 0..Total in one guarantee mode.
type Curve struct {
	Guarantee bool
	Amounts   []money.Amount // index: used
	Min, Max  money.Amount
	// The first `used` where the refund is below 0, above the price, or
	// greater than at used-1; -1 if never.
	BelowZero, AbovePaid, NotMonotonic int
	// For BelowZero and AbovePaid: the amount paid at which the bound was
	// crossed (the price, or one minor unit when the formula holds at the
	// price) and the refund the formula gave there.
	BelowZeroPaid, BelowZeroAmount money.Amount
	AbovePaidPaid, AbovePaidAmount money.Amount
}

// EvalError is a formula that failed for one `used`.
type EvalError struct {
	Used      int
	Guarantee bool
	Err       error
}

func (e *EvalError) Error() string {
	where := ""
	if e.Guarantee {
		where = " inside the guarantee period"
	}
	return fmt.Sprintf("for used = %d%s: %v", e.Used, where, e.Err)
}

func (e *EvalError) Unwrap() error { return e.Err }

// Analyze evaluates the terms at every used = 0..Total, paid = price, inside
// and outside the guarantee period. Evaluation errors come back as
// *EvalError naming the `used` that failed.
func Analyze(t *Terms) (Analysis, error) {
	if err := t.check(); err != nil {
		return Analysis{}, err
	}
	var a Analysis
	var err error
	if a.Outside, err = t.curve(false); err != nil {
		return Analysis{}, err
	}
	if t.GuaranteeDays > 0 {
		in, err := t.curve(true)
		if err != nil {
			return Analysis{}, err
		}
		a.Inside = &in
	}
	return a, nil
}

func (t *Terms) curve(guarantee bool) (Curve, error) {
	c := Curve{Guarantee: guarantee, BelowZero: -1, AbovePaid: -1, NotMonotonic: -1}
	minPaid := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(t.Currency.Digits)), nil))
	// First at the price: the figures the FAQ table shows.
	for used := 0; used <= t.Total; used++ {
		x, err := t.eval(t.vars(t.Price, used, guarantee), guarantee)
		if err != nil {
			return Curve{}, &EvalError{Used: used, Guarantee: guarantee, Err: err}
		}
		a := money.Round(x, t.Currency)
		if used == 0 || a.Cmp(c.Min) < 0 {
			c.Min = a
		}
		if used == 0 || a.Cmp(c.Max) > 0 {
			c.Max = a
		}
		if c.NotMonotonic < 0 && used > 0 && a.Cmp(c.Amounts[used-1]) > 0 {
			c.NotMonotonic = used
		}
		c.Amounts = append(c.Amounts, a)
	}
	// Then the bounds, at the price and at the smallest payment.
	for _, paid := range []*big.Rat{t.Price, minPaid} {
		p := money.Round(paid, t.Currency)
		for used := 0; used <= t.Total; used++ {
			a := c.Amounts[used]
			if paid != t.Price {
				x, err := t.eval(t.vars(paid, used, guarantee), guarantee)
				if err != nil {
					return Curve{}, &EvalError{Used: used, Guarantee: guarantee, Err: err}
				}
				a = money.Round(x, t.Currency)
			}
			if c.BelowZero < 0 && a.Sign() < 0 {
				c.BelowZero, c.BelowZeroPaid, c.BelowZeroAmount = used, p, a
			}
			if c.AbovePaid < 0 && a.Cmp(p) > 0 {
				c.AbovePaid, c.AbovePaidPaid, c.AbovePaidAmount = used, p, a
			}
		}
	}
	return c, nil
}
