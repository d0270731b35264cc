package refund

import (
	"fmt"
	"math/big"

	"github.com/oferta-dev/oferta/generator/expr"
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
	an := newAnalysis(t)
	var a Analysis
	var err error
	if a.Outside, err = an.curve(false); err != nil {
		return Analysis{}, err
	}
	if t.GuaranteeDays > 0 {
		c, err := an.curve(true)
		if err != nil {
			return Analysis{}, err
		}
		a.Inside = &c
	}
	return a, nil
}

// analysis is one call of Analyze: the variables, and the values of used
// and paid, made once for all its evaluations. It is that call's own, so
// Analyze may run on the same Terms from several goroutines.
type analysis struct {
	t    *Terms
	vars *vars
	used []expr.Value // used[i] is the number i
	// The payments the bounds are checked at: the price, and the smallest
	// payment (one minor unit).
	paid [2]expr.Value
}

func newAnalysis(t *Terms) *analysis {
	an := &analysis{t: t, vars: t.vars(), used: make([]expr.Value, t.Total+1)}
	for i := range an.used {
		an.used[i] = expr.Int(int64(i))
	}
	minor := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(t.Currency.Digits)), nil))
	an.paid = [2]expr.Value{expr.Num(t.Price), expr.Num(minor)}
	return an
}

func (an *analysis) curve(guarantee bool) (Curve, error) {
	c := Curve{Guarantee: guarantee, BelowZero: -1, AbovePaid: -1, NotMonotonic: -1}
	// Only used changes along a curve, so a formula that does not read it
	// (the flat one) has the same value at every used.
	f, _ := an.t.formula(guarantee)
	once := !reads(f, "used")
	// First at the price: the figures the FAQ table shows.
	atPrice, err := an.amounts(0, guarantee, once)
	if err != nil {
		return Curve{}, err
	}
	for used, a := range atPrice {
		if used == 0 || a.Cmp(c.Min) < 0 {
			c.Min = a
		}
		if used == 0 || a.Cmp(c.Max) > 0 {
			c.Max = a
		}
		if c.NotMonotonic < 0 && used > 0 && a.Cmp(atPrice[used-1]) > 0 {
			c.NotMonotonic = used
		}
	}
	c.Amounts = atPrice
	// Then the bounds, at the price and at the smallest payment.
	atMinor, err := an.amounts(1, guarantee, once)
	if err != nil {
		return Curve{}, err
	}
	for i, amounts := range [2][]money.Amount{atPrice, atMinor} {
		x, _ := an.paid[i].Num()
		p := money.Round(x, an.t.Currency)
		for used, a := range amounts {
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

// amounts returns the rounded refund at every used = 0..Total for the
// payment an.paid[p]; with once, the formula is evaluated at used = 0
// only, its value at every used.
func (an *analysis) amounts(p int, guarantee, once bool) ([]money.Amount, error) {
	t, v := an.t, an.vars
	v.paid, v.guarantee = an.paid[p], guarantee
	out := make([]money.Amount, t.Total+1)
	for used := range out {
		if once && used > 0 {
			out[used] = out[0]
			continue
		}
		v.used = an.used[used]
		x, err := t.evalValue(v, guarantee)
		if err != nil {
			return nil, &EvalError{Used: used, Guarantee: guarantee, Err: err}
		}
		out[used] = round(x, t.Currency)
	}
	return out, nil
}

// reads reports whether formula f uses the variable name.
func reads(f *expr.Expr, name string) bool {
	for _, ref := range f.Vars() {
		if ref.Name == name {
			return true
		}
	}
	return false
}
