package contract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

// holeSite is the example school's settings, courses that differ in
// every value a clause may print or test, and a clause with body.
func holeSite(t *testing.T, body string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) { sitetest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), data) }
	cfg, err := os.ReadFile("../../oferta.toml")
	if err != nil {
		t.Fatal(err)
	}
	write("oferta.toml", string(cfg))
	for i := range 12 {
		start := ""
		if i%3 == 1 {
			start = fmt.Sprintf("start = 2027-0%d-15\n", 1+i%9)
		}
		unit := []string{"week", "month", "lesson"}[i%3]
		title := fmt.Sprintf("Курс %d", i/2) // two courses share a title
		write(fmt.Sprintf("content/c%02d.toml", i), fmt.Sprintf(`title = %q
format = "personal"
price = %d
includes = ["урок %d", "разбор"]
%s[duration]
unit = %q
count = %d
[refund]
policy = "prorata"
channel = %q
`, title, 10000+1000*(i%4), i%2, start, unit, 4+i%5, []string{"email", "post"}[i%2]))
	}
	write("clauses/ru/final/holes.md", "+++\nid = \"final.holes\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"Пункт с подстановками\"\nweight = 99\n+++\n"+body+"\n")
	s, err := site.Load(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMemoHoles: a clause whose printed values (title, price, start
// date, units, a ref, the channel, a value inside a range) differ from
// course to course gives each course its own text, the text the template
// gives without the memo, with the same problems; and courses that agree
// on every value share one string.
func TestMemoHoles(t *testing.T) {
	for _, body := range []string{
		`«{{ .course.title }}» за {{ money .course.price }} ({{ words .course.price }}), {{ units .course.duration.count .course.duration.unit }}{{ if .course.start }}, с {{ date .course.start }}{{ end }}; см. {{ ref "final.holes" }}; заявление {{ channel }} на {{ .seller.email }}.
{{ range $i, $x := .course.includes }}{{ if $i }}, {{ end }}{{ $x }} ({{ $.course.title }}){{ end }}`,
		// A hole that fails for some courses: the template runs and says why.
		`Начало: {{ date .course.start }}, «{{ .course.title }}».`,
		// A hole that names a clause not in the contract: no text, a
		// problem for every course.
		`См. {{ ref "final.none" }} для «{{ .course.title }}».`,
		// A value both tested and printed.
		`{{ if .course.start }}С {{ date .course.start }}{{ else }}Сразу{{ end }}: {{ .course.title }}`,
	} {
		s := holeSite(t, body)
		assemble := func(memo bool) []*contract.Contract {
			defer contract.SetMemo(true)
			contract.SetMemo(memo)
			a := contract.New(s)
			var out []*contract.Contract
			for _, c := range s.Courses {
				out = append(out, a.Assemble(c))
			}
			return out
		}
		without, with := assemble(false), assemble(true)
		texts := map[string]string{} // the clause's text by course
		for i := range with {
			w, o := with[i], without[i]
			if !reflect.DeepEqual(w.Problems, o.Problems) {
				t.Errorf("%s: problems differ with the memo:\n%v\n%v", w.Course.File, w.Problems, o.Problems)
			}
			if len(w.Clauses) != len(o.Clauses) {
				t.Fatalf("%s: %d clauses with the memo, %d without", w.Course.File, len(w.Clauses), len(o.Clauses))
			}
			for j := range w.Clauses {
				if w.Clauses[j].Markdown != o.Clauses[j].Markdown {
					t.Errorf("%s: clause %s differs with the memo:\n%s\n---\n%s", w.Course.File, w.Clauses[j].Source.ID, w.Clauses[j].Markdown, o.Clauses[j].Markdown)
				}
			}
			if cl, ok := w.Clause("final.holes"); ok && cl.Markdown != "" {
				if !strings.Contains(cl.Markdown, w.Course.Title) {
					t.Errorf("%s: the text does not name the course: %s", w.Course.File, cl.Markdown)
				}
				texts[w.Course.File] = cl.Markdown
			}
		}
		if len(texts) < 4 && !strings.Contains(body, "final.none") {
			t.Errorf("%s: the clause has a text for %d courses: the test checks little", body, len(texts))
		}
	}
}

// TestMemoHolesShareStrings: courses whose printed values are all the
// same share the clause's string, as the memo did before it had holes.
func TestMemoHolesShareStrings(t *testing.T) {
	s := holeSite(t, `Стоимость — {{ money .course.price }}; {{ ref "final.holes" }}.`)
	a := contract.New(s)
	byText := map[string][]*contract.Clause{}
	for _, c := range s.Courses {
		k := a.Assemble(c)
		cl, ok := k.Clause("final.holes")
		if !ok {
			t.Fatalf("%s: no clause final.holes", c.File)
		}
		byText[cl.Markdown] = append(byText[cl.Markdown], cl)
	}
	if len(byText) != 4 { // four prices
		t.Fatalf("%d different texts, want 4", len(byText))
	}
	for text, list := range byText {
		for _, cl := range list[1:] {
			if !contract.SameString(cl.Markdown, list[0].Markdown) {
				t.Errorf("%q: two copies of the same text", text)
			}
		}
	}
}

// TestForOtherSettings: the memo leaves the values of the site's settings
// (the seller, the site) in its texts, so an assembler for a site with
// other settings must not reuse them, even through For.
func TestForOtherSettings(t *testing.T) {
	s := holeSite(t, `Пишите на {{ .seller.email }} о курсе «{{ .course.title }}».`)
	a := contract.New(s)
	for _, c := range s.Courses {
		a.Assemble(c)
	}
	s2 := *s
	cfg := *s.Config
	cfg.Seller.Email = "other@example.org"
	s2.Config = &cfg
	for _, b := range []*contract.Assembler{a.For(&s2), a.Next(&s2)} {
		k := b.Assemble(s2.Courses[0])
		cl, ok := k.Clause("final.holes")
		if !ok || !strings.Contains(cl.Markdown, `other\@example\.org`) {
			t.Errorf("the clause does not name the new e-mail: %q", cl.Markdown)
		}
	}
}

// TestAssembleConcurrently: contracts assembled on several goroutines
// with one assembler (its memos, wordings and pooled templates shared)
// are those assembled one by one. Run with -race.
func TestAssembleConcurrently(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 120, 7); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	seq := contract.New(s)
	want := make([]*contract.Contract, len(s.Courses))
	for i, c := range s.Courses {
		want[i] = seq.Assemble(c)
	}
	a := contract.New(s)
	got := make([]*contract.Contract, len(s.Courses))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(s.Courses); i += 4 {
				got[i] = a.Assemble(s.Courses[i])
			}
		})
	}
	wg.Wait()
	for i := range want {
		if len(got[i].Clauses) != len(want[i].Clauses) || len(got[i].FAQ) != len(want[i].FAQ) {
			t.Fatalf("%s: %d clauses and %d answers, want %d and %d", s.Courses[i].File, len(got[i].Clauses), len(got[i].FAQ), len(want[i].Clauses), len(want[i].FAQ))
		}
		for j := range want[i].Clauses {
			if got[i].Clauses[j].Markdown != want[i].Clauses[j].Markdown {
				t.Errorf("%s: clause %s differs", s.Courses[i].File, want[i].Clauses[j].Source.ID)
			}
		}
		for j := range want[i].FAQ {
			if got[i].FAQ[j].Answer != want[i].FAQ[j].Answer {
				t.Errorf("%s: answer %d differs", s.Courses[i].File, j)
			}
		}
		if !reflect.DeepEqual(got[i].Problems, want[i].Problems) || got[i].Example != want[i].Example {
			t.Errorf("%s: problems or example differ", s.Courses[i].File)
		}
	}
}
