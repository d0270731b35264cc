package refund

import (
	"math/big"

	"github.com/oferta-dev/oferta/generator/money"
)

// part is one exact component of the breakdown.
type part struct {
	kind, name string
	x          *big.Rat
}

// steps explains value. For the built-in policies it rebuilds the refund
// from its components; if they do not give exactly the formula's value (a
// library clause whose formula differs from the SPEC's), it falls back to
// the single formula step rather than show a breakdown that is not what was
// computed.
func (t *Terms) steps(v *vars, value *big.Rat, result money.Amount, guarantee bool) []Step {
	policy := t.PolicyID
	if guarantee {
		policy = PolicyFlat
	}
	parts, ok := t.breakdown(policy, v)
	if ok {
		sum := new(big.Rat)
		for _, p := range parts {
			sum.Add(sum, p.x)
		}
		if policy != PolicyNone && sum.Sign() < 0 {
			parts = append(parts, part{kind: StepFloor, x: new(big.Rat).Neg(sum)})
			sum.SetInt64(0)
		}
		ok = sum.Cmp(value) == 0
	}
	cur := t.Currency
	if !ok {
		return []Step{
			{Kind: StepPaid, Amount: money.Round(ratOf(v.paid), cur)},
			{Kind: StepFormula, Amount: result},
			{Kind: StepResult, Amount: result},
		}
	}
	steps := make([]Step, 0, len(parts)+2)
	shown := money.Zero(cur)
	for _, p := range parts {
		a := money.Round(p.x, cur)
		steps = append(steps, Step{Kind: p.kind, Name: p.name, Amount: a})
		shown = shown.Add(a)
	}
	// Each line is rounded for display; the result is rounded once from the
	// exact value. When the lines miss it, say so instead of hiding it.
	if diff := result.Sub(shown); diff.Sign() != 0 {
		steps = append(steps, Step{Kind: StepRounding, Amount: diff})
	}
	return append(steps, Step{Kind: StepResult, Amount: result})
}

// breakdown returns the signed exact components of a built-in policy, zero
// components left out, or false for a policy it does not know.
func (t *Terms) breakdown(policy string, v *vars) ([]part, bool) {
	neg := func(x *big.Rat) *big.Rat { return x.Neg(x) }
	paid := ratOf(v.paid)
	parts := []part{{kind: StepPaid, x: paid}}
	add := func(kind, name string, x *big.Rat) {
		if x.Sign() != 0 {
			parts = append(parts, part{kind: kind, name: name, x: x})
		}
	}
	switch policy {
	case PolicyNone:
		add(StepWithheld, "", neg(new(big.Rat).Set(paid)))
		return parts, true
	case PolicyProrata:
		// (paid - deductions) * used / total: the share already delivered.
		// Deductions are items provided in full, so only the rest of the
		// payment is shared out over the units; they are withheld below,
		// once.
		d := new(big.Rat).Sub(paid, ratOf(v.ded))
		d.Mul(d, ratOf(v.used))
		add(StepDelivered, "", neg(d.Quo(d, ratOf(v.total))))
	case PolicyFlat:
	default:
		return nil, false
	}
	add(StepBankFee, "", neg(new(big.Rat).Mul(paid, ratOf(v.bankFee))))
	add(StepRetention, "", neg(new(big.Rat).Mul(paid, ratOf(v.retention))))
	for _, d := range t.Deductions {
		add(StepDeduction, d.Name, neg(new(big.Rat).Set(d.Amount)))
	}
	return parts, true
}
