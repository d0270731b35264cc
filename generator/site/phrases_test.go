package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestSitePhrasesOverride: a site's clauses/<lang>/phrases.toml replaces
// single phrases of the built-in one and keeps the others.
func TestSitePhrasesOverride(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "clauses/ru/phrases.toml"), "[calc]\nresult = \"Итого к возврату\"\n")
	s, err := Load(dir, testBuiltin)
	if err != nil {
		t.Fatal(err)
	}
	p := s.Library.Lang("ru").Phrases
	if got := p.Text("calc.result"); got != "Итого к возврату" {
		t.Errorf("calc.result = %q, want the site's", got)
	}
	if got := p.Text("calc.cost", "name", "Тест"); got != "Расход: Тест" {
		t.Errorf("calc.cost = %q, want the built-in phrase", got)
	}
	if got := s.Library.Lang("en").Phrases.Text("calc.result"); got != "Refund" {
		t.Errorf("en calc.result = %q", got)
	}
}

// TestPhrasesErrors: an unknown phrase, a wrong or lost {argument} and a
// value that is not a string are reported at their keys.
func TestPhrasesErrors(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "clauses/ru/phrases.toml"), `[calc]
resul = "Итого"
delivered = "Пройдено {done} из {all}"
cost = "Расход"
paid = 1
`)
	_, err := Load(dir, testBuiltin)
	if err == nil {
		t.Fatal("Load succeeded")
	}
	for _, want := range []string{
		`clauses/ru/phrases.toml:2:1: unknown phrase "calc.resul"; did you mean "calc.result"?`,
		`clauses/ru/phrases.toml:3:1: phrase "calc.delivered": {all} is not an argument here; this text takes {done}, {total}`,
		`clauses/ru/phrases.toml:4:1: phrase "calc.cost": the text must use {name}`,
		`clauses/ru/phrases.toml:5:1: phrase "calc.paid" must be a string, not an integer`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load:\n%v\nwant a line:\n%s", err, want)
		}
	}
}

// TestPhrasesMissing: a language of the site's own whose phrases.toml
// lacks phrases fails to load, naming the file and every missing key.
func TestPhrasesMissing(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	src, err := os.ReadFile(filepath.Join(dir, "oferta.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "oferta.toml"), strings.Replace(string(src), `languages = ["ru", "en"]`, `languages = ["ru", "en", "xx"]`, 1))
	sitetest.WriteFile(t, filepath.Join(dir, "clauses/xx/sections.toml"), "[[section]]\nid = \"subject\"\ntitle = \"Subject\"\n")
	sitetest.WriteFile(t, filepath.Join(dir, "clauses/xx/subject.md"), "+++\nid = \"subject.main\"\nkind = \"subject\"\nsection = \"subject\"\ntitle = \"Subject\"\n+++\nText.\n")
	en, err := os.ReadFile("../../clauses/en/phrases.toml")
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "clauses/xx/phrases.toml"), strings.Replace(string(en), "rounding = \"Rounding\"\n", "", 1))
	_, err = Load(dir, testBuiltin)
	want := `clauses/xx/phrases.toml: missing phrases of "xx": calc.rounding`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Load: %v\nwant a line:\n%s", err, want)
	}
}

// TestPhrasesEU: on an EU site the [eu] phrases replace the plain ones.
func TestPhrasesEU(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	for _, j := range []string{"ru", "eu"} {
		src, err := os.ReadFile("../../oferta.toml")
		if err != nil {
			t.Fatal(err)
		}
		sitetest.WriteFile(t, filepath.Join(dir, "oferta.toml"), strings.Replace(string(src), `jurisdiction = "ru"`, `jurisdiction = "`+j+`"`, 1))
		s, err := Load(dir, testBuiltin)
		if err != nil {
			t.Fatal(err)
		}
		got := s.Library.Lang("en").Phrases.Text("rule.prorata_plain", "units", "8 weeks")
		want := "by the day the statement is received"
		if j == "eu" {
			want = "by the day the notice of termination is received"
		}
		if !strings.Contains(got, want) {
			t.Errorf("%s: rule.prorata_plain = %q, want %q in it", j, got, want)
		}
	}
}

func TestExpand(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"{a} and {b}", "1 and {2}"},
		{"{missing} {a}", "{missing} 1"},
		{"open { brace", "open { brace"},
	} {
		if got := Expand(c.in, "a", "1", "b", "{2}"); got != c.want {
			t.Errorf("Expand(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
