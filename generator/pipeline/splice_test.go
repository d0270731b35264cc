package pipeline_test

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestSharedClauseEditMatchesCheck saves, one after another, edits of
// clauses that every Russian course of the example school includes, and
// checks after each that the incremental check — which splices the new
// clause text into the kept contracts and lints again only what reads
// texts — gives exactly what a fresh full Check gives: the same findings
// in the same order, field for field, the same contracts, standings and
// pages. The editions are copied too, so that every text change makes
// the contracts stale (edition/stale). A step that must be spliced says
// so, so that the test cannot pass by falling back to assembling.
func TestSharedClauseEditMatchesCheck(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := sitetest.ExampleSite(t)
	sitetest.CopyTree(t, filepath.Join(sitetest.Root(t), "editions"), filepath.Join(dir, "editions"))
	read := func(name string) string {
		b, err := fs.ReadFile(oferta.Clauses(), name)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimRight(string(b), "\n") + "\n"
	}
	const terms, payout = "ru/definitions/terms.md", "ru/refund/process/payout.md"
	termsText, payoutText := read(terms), read(payout)
	write := func(name, text string) func() {
		return func() { sitetest.WriteFile(t, filepath.Join(dir, "clauses", filepath.FromSlash(name)), text) }
	}
	steps := []struct {
		name   string
		edit   func()
		file   string
		splice bool // every contract that includes the clause is spliced
		rule   string
	}{
		{name: "override the built-in clause", edit: write(terms, termsText), file: terms},
		{name: "text change", edit: write(terms, termsText+"\nЭтот раздел поясняет слова договора.\n"), file: terms, splice: true, rule: "edition/stale"},
		{name: "a finding", edit: write(terms, termsText+"\nОплата возврату не подлежит.\n"), file: terms, splice: true, rule: "text/waiver"},
		{name: "the finding removed", edit: write(terms, termsText+"\nЭтот раздел поясняет слова договора.\n"), file: terms, splice: true},
		{name: "course values", edit: write(terms, termsText+"\nКурс «{{ .course.title }}» стоит {{ money .course.price }}.\n"), file: terms, splice: true},
		{name: "course values and a finding", edit: write(terms, termsText+"\nЗа курс «{{ .course.title }}» оплата возврату не подлежит.\n"), file: terms, splice: true, rule: "text/waiver"},
		{name: "a template problem", edit: write(terms, termsText+"\nКурс «{{ .course.titel }}».\n"), file: terms, rule: "template/undefined"},
		{name: "the problem fixed", edit: write(terms, termsText+"\nКурс «{{ .course.title }}».\n"), file: terms},
		{name: "again", edit: write(terms, termsText+"\nКурс «{{ .course.title }}»!\n"), file: terms, splice: true},
		{name: "a clause with a question", edit: write(payout, payoutText), file: payout},
		{name: "its text", edit: write(payout, payoutText+"\nИсполнитель возвращает деньги в течение 30 банковских дней.\n"), file: payout, splice: true, rule: "text/deadline-mismatch"},
		{name: "its text again", edit: write(payout, payoutText+"\nДенежные средства не возвращаются.\n"), file: payout, splice: true, rule: "text/waiver"},
		{name: "its question", edit: write(payout, strings.Replace(payoutText, "Сколько ждать", "Как долго ждать", 1)), file: payout},
	}
	prev, _, err := pipeline.Recheck(context.Background(), nil, dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pipeline.RenderChanged(context.Background(), nil, prev, pipeline.Delta{All: true}, true, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		st.edit()
		c, d, err := pipeline.RecheckFiles(context.Background(), prev, dir, builtin, []string{"clauses/" + st.file})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full, err := pipeline.Check(dir, builtin)
		if err != nil {
			t.Fatal(err)
		}
		spliced := 0
		for i, a := range d.Assembled {
			if a && i < len(d.Spliced) && d.Spliced[i] {
				spliced++
			}
		}
		if st.splice && (spliced == 0 || spliced != d.Count()) {
			t.Errorf("%s: %d of %d contracts assembled again were spliced, want all", st.name, spliced, d.Count())
		}
		if !st.splice && spliced != 0 {
			t.Errorf("%s: %d contracts spliced, want none", st.name, spliced)
		}
		if !reflect.DeepEqual(full.Findings, c.Findings) {
			t.Errorf("%s: findings differ from a full check:\nfull:\n%s\nincremental:\n%s", st.name, listFindings(full), listFindings(c))
		}
		if st.rule != "" && !strings.Contains(listFindings(c), " "+st.rule+" ") {
			t.Errorf("%s: no %s finding:\n%s", st.name, st.rule, listFindings(c))
		}
		if len(full.Contracts) != len(c.Contracts) {
			t.Fatalf("%s: %d contracts, want %d", st.name, len(c.Contracts), len(full.Contracts))
		}
		for i := range full.Contracts {
			if w, g := describeContract(full.Contracts[i]), describeContract(c.Contracts[i]); w != g {
				t.Errorf("%s: contract of %s differs from a full check:\nfull:\n%s\nincremental:\n%s", st.name, full.Contracts[i].Course.File, w, g)
			}
			if w, g := fmt.Sprint(full.Status[i].Stale, full.Status[i].InForce), fmt.Sprint(c.Status[i].Stale, c.Status[i].InForce); w != g {
				t.Errorf("%s: standing of %s is %s, want %s", st.name, full.Contracts[i].Course.File, g, w)
			}
		}
		p, err := pipeline.RenderChanged(context.Background(), pages, c, d, false, false)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		files, err := pipeline.Render(full, false)
		if err != nil {
			t.Fatal(err)
		}
		compareFiles(t, st.name, files, p.Files)
		prev, pages = c, p
	}
}

// listFindings prints findings a line each, every field.
func listFindings(c *pipeline.Checked) string {
	var b strings.Builder
	for _, f := range c.Findings {
		fmt.Fprintf(&b, "%s:%d:%d %s %s [%s] %s\n", f.File, f.Line, f.Col, f.Rule, f.Severity, f.Course, f.Message)
	}
	return b.String()
}

// describeContract prints what a contract holds that pages and lint read.
func describeContract(k *contract.Contract) string {
	var b strings.Builder
	fmt.Fprintf(&b, "course %s lang %s phrases %v\n", k.Course.File, k.Lang, k.Phrases == k.Site.Library.Lang(k.Lang).Phrases)
	for _, s := range k.Sections {
		fmt.Fprintf(&b, "section %d %s:", s.Number, s.Def.ID)
		for _, cl := range s.Clauses {
			b.WriteString(" " + cl.Number)
		}
		b.WriteString("\n")
	}
	for _, cl := range k.Clauses {
		fmt.Fprintf(&b, "clause %s %s %s\n%s\n", cl.Number, cl.Anchor, cl.Source.ID, cl.Markdown)
	}
	if k.Policy != nil {
		p, _ := k.Clause(k.Policy.Source.ID)
		fmt.Fprintf(&b, "policy %s same=%v\n", k.Policy.Source.ID, p == k.Policy)
	}
	fmt.Fprintf(&b, "terms %v\nformula %s\nflat %s\nexample %s\n", k.Terms != nil, k.FormulaText, k.FlatText, k.Example)
	if k.Terms != nil {
		a, err := k.Analysis()
		fmt.Fprintf(&b, "analysis %+v %+v %v\n", a.Outside, reflect.Indirect(reflect.ValueOf(a.Inside)), err)
	}
	for _, f := range k.FAQ {
		id := ""
		if f.Clause != nil {
			id = f.Clause.Source.ID
			if own, ok := k.Clause(id); !ok || own != f.Clause {
				id += " (not the contract's clause)"
			}
		}
		fmt.Fprintf(&b, "faq %q %v %v %s\n%s\n", f.Question, f.Pos, f.FromCourse, id, f.Answer)
	}
	for _, p := range k.Problems {
		fmt.Fprintf(&b, "problem %s %v %s\n", p.Rule, p.Pos, p.Message)
	}
	return b.String()
}
