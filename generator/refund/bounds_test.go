package refund

import (
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/expr"
)

// TestFormulaOverThePrice checks a formula written over the price where it
// should use the amount paid: it is right at the full price, so only the
// check at a small payment shows it, and Compute refuses the amount.
func TestFormulaOverThePrice(t *testing.T) {
	terms := with(func(t *Terms) {
		t.PolicyID = "refund.policy.custom"
		t.Policy = expr.MustParse("price * (total - used) / total")
	})
	a, err := Analyze(terms)
	if err != nil {
		t.Fatal(err)
	}
	if a.Outside.AbovePaid != 0 || a.Outside.AbovePaidPaid.String() != "0.01" {
		t.Errorf("AbovePaid = %d at %s paid, want 0 at 0.01", a.Outside.AbovePaid, a.Outside.AbovePaidPaid)
	}
	_, err = Compute(terms, Request{Used: 0, Paid: rat("1000")})
	if err == nil || !strings.Contains(err.Error(), "outside 0..1000.00") {
		t.Errorf("Compute with 1000 paid: got %v, want an out-of-bounds error", err)
	}
	if res, err := Compute(terms, Request{Used: 2}); err != nil || res.Amount.String() != "60000.00" {
		t.Errorf("Compute at the full price: %v, %v", res.Amount, err)
	}
}
