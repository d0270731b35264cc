package contract

import (
	"fmt"
	"math/big"
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

// describe returns the course's refund formula in words, with its
// numbers, and one worked example.
func describe(k *Contract) (formulaText, example string) {
	t := k.Terms
	if t == nil {
		return "", ""
	}
	c := k.Course
	l := c.Language
	if w, ok := describeTable[l]; ok {
		return describeIn(k, w)
	}
	ru := l == "ru"
	unitsTotal, _ := lang.Units(l, t.Total, c.Duration.Unit)
	fee := lang.Percent(l, c.Refund.BankFeePercent)
	ret := lang.Percent(l, c.Refund.RetentionPercent)
	var less []string
	if c.Refund.BankFeePercent.Sign() > 0 {
		if ru {
			less = append(less, "комиссия платёжной системы — "+fee+" от оплаченной суммы")
		} else {
			less = append(less, "the payment-processing fee of "+fee+" of the amount paid")
		}
	}
	if c.Refund.RetentionPercent.Sign() > 0 {
		if ru {
			less = append(less, "удерживаемая доля — "+ret+" от оплаченной суммы")
		} else {
			less = append(less, "a retained share of "+ret+" of the amount paid")
		}
	}
	if len(c.Refund.Deductions) > 0 {
		if ru {
			less = append(less, "документально подтверждённые расходы, перечисленные в договоре, если они фактически понесены")
		} else {
			less = append(less, "the documented costs listed in this contract, if actually incurred")
		}
	}
	lessText := ""
	if len(less) > 0 {
		if ru {
			lessText = "; из неё вычитаются: " + strings.Join(less, "; ")
		} else {
			lessText = "; from it we deduct " + strings.Join(less, "; ")
		}
	}
	switch t.PolicyID {
	case "refund.policy.prorata":
		if ru {
			formulaText = fmt.Sprintf("Курс рассчитан на %s. Возвращается доля оплаченной суммы, равная доле ещё не пройденной части курса%s. Сумма возврата не бывает меньше нуля.", unitsTotal, lessText)
		} else {
			formulaText = fmt.Sprintf("The course runs for %s. You get back the share of the amount paid that equals the share of the course not yet delivered%s. The refund is never below zero.", unitsTotal, lessText)
		}
	case "refund.policy.flat":
		if ru {
			formulaText = fmt.Sprintf("Возвращается вся оплаченная сумма, сколько бы курса ни было пройдено%s. Сумма возврата не бывает меньше нуля.", lessText)
		} else {
			formulaText = fmt.Sprintf("You get back the whole amount paid, however much of the course was delivered%s. The refund is never below zero.", lessText)
		}
	case "refund.policy.none":
		if ru {
			formulaText = "Договор не устанавливает собственной формулы возврата."
		} else {
			formulaText = "This contract sets no refund formula of its own."
		}
	default:
		if ru {
			formulaText = fmt.Sprintf("Сумма возврата считается по формуле %s, где paid — оплаченная сумма, used — пройденные единицы курса, total — %s.", t.Policy.String(), unitsTotal)
		} else {
			formulaText = fmt.Sprintf("The refund is computed by the formula %s, where paid is the amount paid, used the units of the course delivered and total is %s.", t.Policy.String(), unitsTotal)
		}
	}
	used := ExampleUsed(t.Total)
	res, err := refund.Compute(t, refund.Request{Used: used})
	if err != nil {
		return formulaText, ""
	}
	usedText, _ := lang.UnitsGenitive(l, used, c.Duration.Unit)
	paid := money.FormatRat(t.Price, t.Currency, l)
	got := money.Format(res.Amount, l)
	if ru {
		example = fmt.Sprintf("Например, если вы оплатили %s и отказались от курса после %s из %d, вам вернут %s.", paid, usedText, t.Total, got)
	} else {
		example = fmt.Sprintf("For example, if you paid %s and leave after %s of %d, you get %s back.", paid, usedText, t.Total, got)
	}
	return formulaText, example
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
	u.FormulaText, u.Example = describe(&u)
	return &u
}
