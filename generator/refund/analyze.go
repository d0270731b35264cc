package refund

import (
	"fmt"

	"github.com/oferta-dev/oferta/generator/money"
)

// Analysis is the refund over every `used` from 0 to Total at paid = price,
// for the lint rules and the FAQ table.
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
	price := money.Round(t.Price, t.Currency)
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
		if c.BelowZero < 0 && a.Sign() < 0 {
			c.BelowZero = used
		}
		if c.AbovePaid < 0 && a.Cmp(price) > 0 {
			c.AbovePaid = used
		}
		if c.NotMonotonic < 0 && used > 0 && a.Cmp(c.Amounts[used-1]) > 0 {
			c.NotMonotonic = used
		}
		c.Amounts = append(c.Amounts, a)
	}
	return c, nil
}
