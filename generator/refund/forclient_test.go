package refund

import (
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/expr"
)

// TestForClient: a late joiner's course is the units left when they paid,
// and a deduction not incurred is not withheld; the course's terms stay
// as they were.
func TestForClient(t *testing.T) {
	base := &Terms{
		Currency: cur("RUB"), Price: rat("12000"), Total: 8,
		Deductions: []Deduction{{"Test", rat("1500")}, {"Book", rat("500")}},
		PolicyID:   PolicyProrata, Policy: expr.MustParse(prorataSrc), Flat: expr.MustParse(flatSrc),
	}
	if same, err := base.ForClient(0, nil); err != nil || same != base {
		t.Fatalf("nothing to adjust: %v, same terms %v", err, same == base)
	}
	refundOf := func(terms *Terms, used int) string {
		t.Helper()
		res, err := Compute(terms, Request{Used: used})
		if err != nil {
			t.Fatal(err)
		}
		return res.Amount.String()
	}
	late, err := base.ForClient(3, []string{"Book"})
	if err != nil {
		t.Fatal(err)
	}
	// (12000 - 1500) * (5 - 2) / 5 = 6300.
	if got := refundOf(late, 2); got != "6300.00" {
		t.Errorf("late joiner, 2 of 5 used, the book skipped: %s, want 6300.00", got)
	}
	if got := refundOf(late, 5); got != "0.00" {
		t.Errorf("late joiner at the end: %s, want 0.00", got)
	}
	// The course's own terms are untouched: (12000 - 2000) * 6/8 = 7500.
	if base.Total != 8 || len(base.Deductions) != 2 || refundOf(base, 2) != "7500.00" {
		t.Errorf("ForClient changed the course's terms: %+v", base)
	}
	for _, c := range []struct {
		held int
		skip []string
		want string
	}{
		{8, nil, "must be from 0 to 7"},
		{-1, nil, "must be from 0 to 7"},
		{0, []string{"Tset"}, `deduction "Tset" is not in the contract; its deductions: "Test", "Book"`},
		{0, []string{"Test", "Test"}, `deduction "Test" is named twice`},
	} {
		if _, err := base.ForClient(c.held, c.skip); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ForClient(%d, %q): %v, want %q", c.held, c.skip, err, c.want)
		}
	}
}
