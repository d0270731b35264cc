package contract_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

// TestMemoGivesTheSameContracts assembles a varied synthetic site with
// the memo and without it: every clause text, FAQ answer, refund rule in
// words and problem must be the same.
func TestMemoGivesTheSameContracts(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 400, 3); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	var a *contract.Assembler
	assemble := func(memo bool) []*contract.Contract {
		defer contract.SetMemo(true)
		contract.SetMemo(memo)
		a = contract.New(s)
		var out []*contract.Contract
		for _, c := range s.Courses {
			out = append(out, a.Assemble(c))
		}
		return out
	}
	without, with := assemble(false), assemble(true)
	if n := contract.MemoTexts(a); n == 0 || n > len(s.Courses)*len(with[0].Clauses)/2 {
		t.Errorf("the memos hold %d texts for %d courses: not shared", n, len(s.Courses))
	}
	for i := range with {
		w, o := with[i], without[i]
		if len(w.Clauses) != len(o.Clauses) {
			t.Fatalf("%s: %d clauses with the memo, %d without", w.Course.File, len(w.Clauses), len(o.Clauses))
		}
		for j := range w.Clauses {
			if w.Clauses[j].Markdown != o.Clauses[j].Markdown {
				t.Errorf("%s: clause %s differs with the memo:\n%s\n---\n%s", w.Course.File, w.Clauses[j].Source.ID, w.Clauses[j].Markdown, o.Clauses[j].Markdown)
			}
		}
		for j := range w.FAQ {
			if w.FAQ[j].Answer != o.FAQ[j].Answer {
				t.Errorf("%s: FAQ answer %d differs with the memo", w.Course.File, j)
			}
		}
		if w.FormulaText != o.FormulaText || w.FlatText != o.FlatText || w.Example != o.Example {
			t.Errorf("%s: the refund rule in words differs with the memo:\n%s\n%s\n%s\n---\n%s\n%s\n%s", w.Course.File, w.FormulaText, w.FlatText, w.Example, o.FormulaText, o.FlatText, o.Example)
		}
		if !reflect.DeepEqual(w.Problems, o.Problems) {
			t.Errorf("%s: problems differ with the memo: %v, %v", w.Course.File, w.Problems, o.Problems)
		}
	}
}

// TestMemoInputs: a template that sets variables from the data and ranges
// over a value is keyed by the values it reads; one that reads the dot
// inside a range or the whole data is not memoized.
func TestMemoInputs(t *testing.T) {
	for _, c := range []struct {
		src   string
		paths []string
		ok    bool
	}{
		{`{{ $u := .course.unit }}{{ if eq $u "week" }}{{ $u = "неделя" }}{{ end }}{{ $u }}`, []string{"course.unit"}, true},
		{`{{ range $i, $l := .course.translations }}{{ if $i }}, {{ end }}{{ $l }}{{ end }} {{ $.course.title }}`, []string{"course.translations", "course.title"}, true},
		{`{{ range .course.translations }}{{ .name }}{{ end }}`, nil, false},
		{`{{ range .course.translations }}{{ . }}{{ end }}`, nil, false},
		{`{{ $ }}`, nil, false},
		{`{{ with .course }}{{ .title }}{{ end }}`, nil, false},
	} {
		paths, ok := contract.MemoInputs(c.src)
		if ok != c.ok || ok && !reflect.DeepEqual(paths, c.paths) {
			t.Errorf("%s: inputs %v, %v; want %v, %v", c.src, paths, ok, c.paths, c.ok)
		}
	}
}

// TestNextKeepsUnchangedMemos edits a clause every course includes and
// reassembles every contract with the next assembler: no other clause
// template runs again, the edited one runs (once per different set of
// values it reads, not once per course), and the contracts are those a
// fresh assembler gives.
func TestNextKeepsUnchangedMemos(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 200, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.EditSharedClause(dir, builtin, 0); err != nil {
		t.Fatal(err)
	}
	s1, err := site.Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	a := contract.New(s1)
	for _, c := range s1.Courses {
		a.Assemble(c)
	}
	files, err := synth.EditSharedClause(dir, builtin, 1)
	if err != nil {
		t.Fatal(err)
	}
	s2, ok, err := site.ReloadFiles(s1, builtin, files)
	if !ok || err != nil {
		t.Fatalf("ReloadFiles: ok=%v err=%v", ok, err)
	}
	b := a.Next(s2)
	before := contract.MemoMisses(b) // the kept memos still count a's runs
	var got []*contract.Contract
	for _, c := range s2.Courses {
		got = append(got, b.Assemble(c))
	}
	after := contract.MemoMisses(b)
	seen := 0
	for id, n := range after {
		edited := strings.HasSuffix(id, "/"+synth.SharedClause)
		if edited {
			seen++
		}
		switch {
		case edited && (n == 0 || n >= int64(len(s2.Courses))):
			t.Errorf("%s: the edited clause ran %d times for %d courses", id, n, len(s2.Courses))
		case !edited && n != before[id]:
			t.Errorf("%s ran %d times again, though it did not change", id, n-before[id])
		}
	}
	if seen == 0 || len(after) < 20 {
		t.Fatalf("the memos of %d templates, %d of the edited clause: the test checks nothing", len(after), seen)
	}
	fresh := contract.New(s2)
	for i, c := range s2.Courses {
		want := fresh.Assemble(c)
		if len(want.Clauses) != len(got[i].Clauses) {
			t.Fatalf("%s: %d clauses, want %d", c.File, len(got[i].Clauses), len(want.Clauses))
		}
		for j, cl := range want.Clauses {
			if got[i].Clauses[j].Markdown != cl.Markdown || got[i].Clauses[j].Number != cl.Number {
				t.Errorf("%s: clause %s differs from a fresh assembler's", c.File, cl.Source.ID)
			}
		}
	}
}
