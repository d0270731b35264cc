package render

import (
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

// TestTableAmountsMatchCompute checks that the FAQ table, which takes its
// amounts from refund.Analyze, shows for every row exactly what
// refund.Compute gives for that request (and what `oferta calc` prints),
// over courses with every built-in policy, guarantee periods, deductions
// and currencies with and without cents.
func TestTableAmountsMatchCompute(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 300, 7); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	a := contract.New(s)
	guarantees := 0
	for _, c := range s.Courses {
		k := a.Assemble(c)
		if k.Terms == nil {
			t.Fatalf("%s: no refund terms", c.File)
		}
		got, gotIn, err := tableAmounts(k)
		want, wantIn, wantErr := computeAmounts(k.Terms)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%s: error %v, Compute's %v", c.File, err, wantErr)
		}
		if len(got) != len(want) || len(got) != k.Terms.Total+1 {
			t.Fatalf("%s: %d rows, Compute %d, total %d", c.File, len(got), len(want), k.Terms.Total)
		}
		for used := range want {
			if got[used].String() != want[used].String() {
				t.Errorf("%s: used %d: table %s, Compute %s", c.File, used, got[used], want[used])
			}
		}
		if k.Terms.GuaranteeDays > 0 {
			guarantees++
			if gotIn.String() != wantIn.String() {
				t.Errorf("%s: inside the guarantee: table %s, Compute %s", c.File, gotIn, wantIn)
			}
		}
	}
	if guarantees == 0 {
		t.Error("no course with a guarantee period was checked")
	}
}
