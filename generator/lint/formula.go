package lint

import (
	"errors"
	"fmt"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// Rules on the refund a course's formula gives for every used = 0..total,
// at paid = price (see refund.Analyze).

// formulaPos is the formula key of the course's policy clause.
func formulaPos(k *contract.Contract) site.Pos {
	if k.Policy != nil {
		return k.Policy.Source.KeyPos("formula")
	}
	return refundPos(k.Course, "policy")
}

func amountText(a money.Amount) string { return a.String() + " " + a.Currency().Code }

// curves returns the analysed curves of a contract: outside the guarantee
// period, then inside it when the course has one.
func curves(a refund.Analysis) []refund.Curve {
	out := []refund.Curve{a.Outside}
	if a.Inside != nil {
		out = append(out, *a.Inside)
	}
	return out
}

func inGuarantee(c refund.Curve) string {
	if c.Guarantee {
		return " inside the guarantee period"
	}
	return ""
}

// OutOfBounds: the refund is below 0 or above the amount paid.
var OutOfBounds = &Rule{
	Name:            "formula/out-of-bounds",
	DefaultSeverity: Error,
	Doc: `For some number of units used, from 0 to the course's total, the course's refund formula gives less than 0 or more than the amount paid (checked at paid = price and at the smallest payment of one minor unit, inside and outside the guarantee period).

Why: a negative refund would mean the client owes money for leaving, which no law allows: ru — the client pays at most the seller's actual costs (Civil Code art. 782(1), ЗоЗПП art. 32); eu/de/ro — at most the share of the price for what was delivered (Directive 2011/83/EU art. 14(3)). A refund above the amount paid is a mistake that the seller's payment platform will refuse and the calculator would still promise.

Fires: formula = "paid - used * 400" for a course of 1,000 RUB and four lessons: at used = 3 the refund is -200 RUB.

Silent: formula = "max(0, paid - used * 400)".

Fix: wrap the formula in max(0, …) and min(paid, …), or correct the deductions: documented costs larger than the price show up here too. The message names the used value and the amount.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			a, ok, err := p.Analysis(k)
			if !ok || err != nil {
				continue
			}
			for _, c := range curves(a) {
				if u := c.BelowZero; u >= 0 {
					p.Report(formulaPos(k), k.Course.Slug, "course %q: the refund is %s at used = %d%s with %s paid, below 0", k.Course.Slug, amountText(c.BelowZeroAmount), u, inGuarantee(c), amountText(c.BelowZeroPaid))
				}
				if u := c.AbovePaid; u >= 0 {
					p.Report(formulaPos(k), k.Course.Slug, "course %q: the refund is %s at used = %d%s, above the %s paid", k.Course.Slug, amountText(c.AbovePaidAmount), u, inGuarantee(c), amountText(c.AbovePaidPaid))
				}
			}
		}
		return nil
	},
}

// NotMonotonic: the refund grows as more of the course is used.
var NotMonotonic = &Rule{
	Name:            "formula/not-monotonic",
	DefaultSeverity: Warning,
	Doc: `The course's refund formula gives more money back after more of the course was used: the refund at some used is greater than at used - 1.

Why: a refund pays for the part of the course not delivered (Civil Code art. 782(1); Directive 2011/83/EU art. 14(3), time-based on the total price per the Court of Justice in C-641/19), so it can only stay the same or fall as the course goes on. A formula that rises invites clients to wait before leaving and is almost always a typo (a swapped used and total, a wrong sign). It is a warning because a deliberate bonus (e.g. a larger refund for finishing a module) is lawful.

Fires: formula = "paid * used / total" (used and total swapped): the refund grows from 0 at used = 0.

Silent: the built-in prorata policy, whose refund falls as the course goes on.

Fix: check the formula at the used value in the message; if the rise is intended, add a [lint] ignore to the course with the reason.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			a, ok, err := p.Analysis(k)
			if !ok || err != nil {
				continue
			}
			for _, c := range curves(a) {
				if u := c.NotMonotonic; u >= 0 {
					p.Report(formulaPos(k), k.Course.Slug, "course %q: the refund grows from %s at used = %d to %s at used = %d%s", k.Course.Slug, amountText(c.Amounts[u-1]), u-1, amountText(c.Amounts[u]), u, inGuarantee(c))
				}
			}
		}
		return nil
	},
}

// formulaInvalid reports the assembler's formula problems and every
// formula that fails to evaluate for some used.
func formulaInvalid(p *Pass) error {
	if err := problemRule("formula/invalid")(p); err != nil {
		return err
	}
	for _, k := range p.Contracts {
		_, ok, err := p.Analysis(k)
		if !ok || err == nil {
			continue
		}
		var ee *refund.EvalError
		msg := err.Error()
		if errors.As(err, &ee) {
			msg = fmt.Sprintf("the formula cannot be evaluated %v", ee)
		}
		p.Report(formulaPos(k), k.Course.Slug, "course %q: %s", k.Course.Slug, msg)
	}
	return nil
}
