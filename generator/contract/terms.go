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

// describe returns the course's refund rule in words. Every sentence
// follows from the formula's actual terms: a text says the whole amount
// is refunded only when nothing is deducted (Civil Code art. 431 reads an
// ambiguous contract for the consumer).
func describe(k *Contract) Wording {
	t := k.Terms
	if t == nil {
		return Wording{}
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
	hasFee := c.Refund.BankFeePercent.Sign() > 0
	hasRet := c.Refund.RetentionPercent.Sign() > 0
	hasDed := len(c.Refund.Deductions) > 0

	// The deductions with their amounts, named as the course names them.
	var ded []string
	for _, d := range c.Refund.Deductions {
		ded = append(ded, "«"+d.Name+"» — "+money.FormatRat(d.Amount, t.Currency, l))
	}
	dedList := strings.Join(ded, "; ")
	if !ru {
		ded = ded[:0]
		for _, d := range c.Refund.Deductions {
			ded = append(ded, "“"+d.Name+"”, "+money.FormatRat(d.Amount, t.Currency, l))
		}
		dedList = strings.Join(ded, "; ")
	}
	// Shares of the amount paid withheld at most, as the clauses on the
	// acquirer's fee and on documented costs set them out.
	var shares []string
	if hasFee {
		if ru {
			shares = append(shares, "комиссия банка-эквайера (платёжного агрегатора), фактически удержанная с платежа Клиента, — не более "+fee+" от уплаченной суммы")
		} else {
			shares = append(shares, "the fee the acquiring bank (payment aggregator) actually withheld on the client's payment, at most "+fee+" of the amount paid")
		}
	}
	if hasRet {
		if ru {
			shares = append(shares, "фактически понесённые Исполнителем и подтверждённые документами расходы — не более "+ret+" от уплаченной суммы")
		} else {
			shares = append(shares, "the seller's actual costs supported by documents, at most "+ret+" of the amount paid")
		}
	}

	var w Wording
	// The flat rule: paid - paid * (bank_fee + retention) - deductions.
	var flatLess []string
	if hasDed {
		if ru {
			flatLess = append(flatLess, "расходы, указанные в договоре, если они фактически понесены: "+dedList)
		} else {
			flatLess = append(flatLess, "the costs stated in this contract, if actually incurred: "+dedList)
		}
	}
	flatLess = append(flatLess, shares...)
	switch {
	case len(flatLess) == 0 && ru:
		w.Flat = "Возвращается вся уплаченная сумма, независимо от того, сколько единиц курса использовано."
	case len(flatLess) == 0:
		w.Flat = "The whole amount paid is refunded, however many units of the course have been used."
	case ru:
		w.Flat = "Возвращается уплаченная сумма, независимо от того, сколько единиц курса использовано, за вычетом следующих сумм: " + strings.Join(flatLess, "; ") + ". Сумма возврата не может быть меньше нуля."
	default:
		w.Flat = "The amount paid is refunded, however many units of the course have been used, less the following: " + strings.Join(flatLess, "; ") + ". The refund is never below zero."
	}

	switch t.PolicyID {
	case "refund.policy.prorata":
		// (paid - deductions) * (total - used) / total - paid * (bank_fee + retention)
		var b strings.Builder
		if ru {
			if hasDed {
				fmt.Fprintf(&b, "Из уплаченной суммы вычитаются расходы, указанные в договоре, если они фактически понесены: %s. Оставшаяся сумма делится на число единиц курса (%s), и Клиенту возвращается её часть, приходящаяся на единицы курса, не использованные на день получения заявления.", dedList, unitsTotal)
			} else {
				fmt.Fprintf(&b, "Уплаченная сумма делится на число единиц курса (%s), и Клиенту возвращается её часть, приходящаяся на единицы курса, не использованные на день получения заявления.", unitsTotal)
			}
			if len(shares) > 0 {
				fmt.Fprintf(&b, " Из этой части вычитается: %s.", strings.Join(shares, "; "))
			}
			b.WriteString(" Сумма возврата не может быть меньше нуля.")
		} else {
			if hasDed {
				fmt.Fprintf(&b, "The costs stated in this contract, if actually incurred, are deducted from the amount paid: %s. The rest is divided by the number of units of the course (%s), and the client gets back the part of it that falls on the units not used by the day the statement is received.", dedList, unitsTotal)
			} else {
				fmt.Fprintf(&b, "The amount paid is divided by the number of units of the course (%s), and the client gets back the part of it that falls on the units not used by the day the statement is received.", unitsTotal)
			}
			if len(shares) > 0 {
				fmt.Fprintf(&b, " From that part the following is deducted: %s.", strings.Join(shares, "; "))
			}
			b.WriteString(" The refund is never below zero.")
		}
		w.Formula = b.String()
	case "refund.policy.flat":
		w.Formula = w.Flat
	case "refund.policy.none":
		if ru {
			w.Formula = "Договор не устанавливает собственной формулы расчёта суммы возврата."
		} else {
			w.Formula = "This contract sets no refund formula of its own."
		}
	default:
		if ru {
			w.Formula = fmt.Sprintf("Сумма возврата считается по формуле %s, где paid — уплаченная сумма, used — единицы курса, использованные на день получения заявления, total — %s.", t.Policy.String(), unitsTotal)
		} else {
			w.Formula = fmt.Sprintf("The refund is computed by the formula %s, where paid is the amount paid, used the units of the course used by the day the statement is received and total is %s.", t.Policy.String(), unitsTotal)
		}
	}

	used := ExampleUsed(t.Total)
	res, err := refund.Compute(t, refund.Request{Used: used})
	if err != nil {
		return w
	}
	usedText, _ := lang.UnitsGenitive(l, used, c.Duration.Unit)
	paid := money.FormatRat(t.Price, t.Currency, l)
	got := money.Format(res.Amount, l)
	// A fee, a share or a cost is withheld at most as stated: if it was
	// less, or not incurred, the client gets more.
	atLeast := hasFee || hasRet || hasDed
	if ru {
		q := ""
		if atLeast {
			q = "не менее "
		}
		w.Example = fmt.Sprintf("Например, при оплате %s и отказе от договора после использования %s курса из %d возвращается %s%s.", paid, usedText, t.Total, q, got)
	} else {
		q := ""
		if atLeast {
			q = "at least "
		}
		w.Example = fmt.Sprintf("For example, if %s was paid and the client withdraws after %s of %d have been used, %s%s is refunded.", paid, usedText, t.Total, q, got)
	}
	return w
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
	w := euWording(&u, describe(&u))
	u.FormulaText, u.FlatText, u.Example = w.Formula, w.Flat, w.Example
	return &u
}
