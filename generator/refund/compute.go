package refund

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
)

// Request is one client's refund request.
type Request struct {
	Used   int      // units of the course consumed, 0..Total
	Paid   *big.Rat // amount actually paid; nil means the price
	Day    int      // days since the client's start; counts only if HasDay
	HasDay bool     // without a day the request is outside the guarantee
}

// Result is the refund for one request.
type Result struct {
	Paid      money.Amount
	Amount    money.Amount // the refund: the formula's exact value, rounded once
	Guarantee bool         // the request fell inside the guarantee period
	Steps     []Step
}

// Step is one line of the breakdown shown to the client.
type Step struct {
	Kind   string       // one of the Step* constants
	Name   string       // the deduction's name for StepDeduction; else ""
	Amount money.Amount // signed: what the step adds to the refund
}

// Step kinds. For the built-in policies the steps before StepResult add up
// to the result: paid, minus the delivered share (prorata outside the
// guarantee), the bank fee, the retention and each deduction, plus a floor
// when max(0, …) lifted a negative value, plus a rounding step when the
// separately rounded lines miss the result by a minor unit. For policy none
// the steps are paid and withheld. For any other formula they are paid,
// StepFormula carrying the formula's rounded value, and the result.
const (
	StepPaid      = "paid"
	StepDelivered = "delivered"
	StepBankFee   = "bank_fee"
	StepRetention = "retention"
	StepDeduction = "deduction"
	StepWithheld  = "withheld"
	StepFloor     = "floor"
	StepRounding  = "rounding"
	StepFormula   = "formula"
	StepResult    = "result"
)

// Compute returns the refund for request r: the policy formula (the flat
// one inside the guarantee period) evaluated exactly and rounded once.
func Compute(t *Terms, r Request) (Result, error) {
	if err := t.check(); err != nil {
		return Result{}, err
	}
	paid, err := t.paid(r.Paid)
	if err != nil {
		return Result{}, err
	}
	if r.Used < 0 || r.Used > t.Total {
		return Result{}, fmt.Errorf("used must be from 0 to %d, got %d", t.Total, r.Used)
	}
	if r.HasDay && r.Day < 0 {
		return Result{}, fmt.Errorf("day must be 0 or more, got %d", r.Day)
	}
	guarantee := r.HasDay && t.GuaranteeDays > 0 && r.Day <= t.GuaranteeDays
	v := t.vars()
	v.paid = expr.Num(paid)
	v.used = expr.Int(int64(r.Used))
	v.guarantee = guarantee
	value, err := t.eval(v, guarantee)
	if err != nil {
		return Result{}, err
	}
	res := Result{
		Paid:      money.Round(paid, t.Currency),
		Amount:    money.Round(value, t.Currency),
		Guarantee: guarantee,
	}
	// A refund is never negative nor more than was paid: a formula that
	// says otherwise is wrong (lint reports it as formula/out-of-bounds),
	// and no amount is better than a wrong one.
	if res.Amount.Sign() < 0 || res.Amount.Cmp(res.Paid) > 0 {
		return Result{}, fmt.Errorf("the refund formula gives %s for this request, outside 0..%s (the amount paid); the contract's formula must be fixed", res.Amount, res.Paid)
	}
	res.Steps = t.steps(v, value, res.Amount, guarantee)
	return res, nil
}

// paid returns the amount paid, checked against the price.
func (t *Terms) paid(p *big.Rat) (*big.Rat, error) {
	if p == nil {
		return t.Price, nil
	}
	switch {
	case p.Sign() <= 0:
		return nil, fmt.Errorf("paid must be greater than 0, got %s", expr.RatString(p))
	case p.Cmp(t.Price) > 0:
		return nil, fmt.Errorf("paid %s is more than the price %s", expr.RatString(p), expr.RatString(t.Price))
	case !money.IsWhole(p, t.Currency):
		return nil, fmt.Errorf("paid %s has more decimals than %s allows (%d)", expr.RatString(p), t.Currency.Code, t.Currency.Digits)
	}
	return p, nil
}

// eval evaluates the formula that applies and checks that it is a number.
func (t *Terms) eval(v *vars, guarantee bool) (*big.Rat, error) {
	val, err := t.evalValue(v, guarantee)
	if err != nil {
		return nil, err
	}
	x, _ := val.Num()
	return x, nil
}

// evalValue is eval returning the number as an expr.Value, which Analyze
// rounds without making a big.Rat (see round).
func (t *Terms) evalValue(v *vars, guarantee bool) (expr.Value, error) {
	f, which := t.formula(guarantee)
	val, err := f.Eval(v)
	if err != nil {
		return expr.Value{}, fmt.Errorf("%s formula: %w", which, err)
	}
	if val.Kind() != expr.Number {
		return expr.Value{}, fmt.Errorf("%s formula: the result is a %s, not an amount", which, val.Kind())
	}
	return val, nil
}

// formula returns the formula that applies and its name for messages.
func (t *Terms) formula(guarantee bool) (f *expr.Expr, which string) {
	if guarantee {
		return t.Flat, "flat"
	}
	return t.Policy, "policy"
}

// round is money.Round of a number Value; it computes in machine words
// when the value fits in them, as a course's amounts do.
func round(val expr.Value, c money.Currency) money.Amount {
	if n, d, ok := val.Frac64(); ok {
		return money.RoundFrac64(n, d, c)
	}
	x, _ := val.Num()
	return money.Round(x, c)
}

// vars are a formula's variables for one request. A struct with a switch
// rather than a map: Compute runs for every row of every FAQ table, and
// Analyze evaluates a formula four times per unit of the course.
//
// The variables are expr Values, made once for all the evaluations of one
// call: expr.Num prepares a rational for the fast evaluator, work that
// should not be repeated at every lookup. Only paid, used and guarantee
// change from one request to the next. Each call of Compute or Analyze
// makes its own vars and Terms is only read, so both may run on the same
// Terms from several goroutines.
type vars struct {
	price, total, bankFee, retention, ded expr.Value
	paid, used                            expr.Value
	guarantee                             bool
	params                                map[string]*big.Rat
}

// vars returns the variables that do not depend on the request; the
// caller sets paid, used and guarantee.
func (t *Terms) vars() *vars {
	return &vars{
		price:     expr.Num(t.Price),
		total:     expr.Int(int64(t.Total)),
		bankFee:   expr.Num(orZero(t.BankFee)),
		retention: expr.Num(orZero(t.Retention)),
		ded:       expr.Num(t.deductionSum()),
		params:    t.Params,
	}
}

// Lookup implements expr.Env.
func (v *vars) Lookup(name string) (expr.Value, bool) {
	switch name {
	case "price":
		return v.price, true
	case "paid":
		return v.paid, true
	case "used":
		return v.used, true
	case "total":
		return v.total, true
	case "bank_fee":
		return v.bankFee, true
	case "retention":
		return v.retention, true
	case "deductions":
		return v.ded, true
	case "guarantee":
		return expr.Bool(v.guarantee), true
	}
	if p, ok := strings.CutPrefix(name, "params."); ok {
		if x, ok := v.params[p]; ok {
			return expr.Num(x), true
		}
	}
	return expr.Value{}, false
}

// ratOf returns the rational of a variable that is a number.
func ratOf(v expr.Value) *big.Rat {
	x, _ := v.Num()
	return x
}
