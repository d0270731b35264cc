package contract

import (
	"reflect"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestSplicerStaticSteps pins what Splicer assumes of the step bound: a
// template without a range takes the same steps for every course, so the
// count made once without data is the count for each course of the
// example school.
func TestSplicerStaticSteps(t *testing.T) {
	s, err := site.Load(sitetest.ExampleSite(t), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	a := New(s)
	sp := a.Splicer(nil)
	if len(sp.static) < 100 {
		t.Fatalf("%d templates have static steps, want most of the library's", len(sp.static))
	}
	for _, c := range s.Courses {
		k := a.Assemble(c)
		data := templateData(s, c, Wording{Formula: escapeMarkdown(k.FormulaText), Flat: escapeMarkdown(k.FlatText), Example: escapeMarkdown(k.Example)}, a.shared)
		exists := func(string) bool { return true }
		for cl, p := range a.parsed {
			if cl.Lang != c.Language {
				continue
			}
			for _, x := range []struct {
				tree *parsedClause
				ans  bool
			}{{p, false}, {p, true}} {
				tree, at := x.tree.body, x.tree.bodyAt
				if x.ans {
					tree, at = x.tree.answer, x.tree.answerAt
				}
				want, ok := sp.static[tree]
				if tree == nil || !ok {
					continue
				}
				b := &budget{}
				checkTree(tree, data, exists, at, b)
				if b.steps != want {
					t.Errorf("%s (answer %v) for %s: %d steps, static count %d", cl.ID, x.ans, c.File, b.steps, want)
				}
			}
		}
	}
}

// TestSpliceKnowsContract fails when Contract, Clause, Section or FAQ
// gains a field: Splice builds each of them field by field, and a field
// it does not know would be left empty in a spliced contract.
func TestSpliceKnowsContract(t *testing.T) {
	for _, x := range []struct {
		v    any
		want int
	}{{Contract{}, 14}, {Clause{}, 4}, {Section{}, 3}, {FAQ{}, 5}} {
		if n := reflect.TypeOf(x.v).NumField(); n != x.want {
			t.Errorf("%T has %d fields, Splice knows %d: copy the new ones in splice.go, then update this test", x.v, n, x.want)
		}
	}
}
