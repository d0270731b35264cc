package contract_test

import (
	"reflect"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

// TestMemoGivesTheSameContracts assembles a varied synthetic site with
// the memo and without it: every clause text, FAQ answer and problem must
// be the same.
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
