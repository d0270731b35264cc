package lint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite the want file of every fixture with the findings it gives now")

func builtin() site.Builtin {
	return site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
}

// fixtureDir is the folder of a rule's fixtures under testdata: the rule's
// name with "/" as "-" ("refund/waiver" → "refund-waiver").
func fixtureDir(rule string) string {
	return filepath.Join("testdata", strings.ReplaceAll(rule, "/", "-"))
}

// TestRuleFixtures runs every rule's fixtures,
// testdata/<rule>/fires.txtar and silent.txtar, and any fires-*.txtar and
// silent-*.txtar beside them. Each archive is a whole
// small site; its file "want" lists every finding the site gives, in the
// text format (file:line:col: severity: message [rule], paths relative to
// the site), and is compared exactly. Besides, fires must give at least one
// finding of its rule and silent none. Run with -update to rewrite the
// want files, then review the diff.
func TestRuleFixtures(t *testing.T) {
	dirs := map[string]bool{}
	for _, r := range lint.Rules {
		dirs[filepath.Base(fixtureDir(r.Name))] = true
		for _, kind := range []string{"fires", "silent"} {
			// fires.txtar and silent.txtar are required; fires-*.txtar
			// and silent-*.txtar add cases.
			files, _ := filepath.Glob(filepath.Join(fixtureDir(r.Name), kind+"-*.txtar"))
			files = append([]string{filepath.Join(fixtureDir(r.Name), kind+".txtar")}, files...)
			for _, file := range files {
				name := strings.TrimSuffix(filepath.Base(file), ".txtar")
				t.Run(r.Name+"/"+name, func(t *testing.T) {
					runFixture(t, r.Name, file, kind == "fires")
				})
			}
		}
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !dirs[e.Name()] {
			t.Errorf("testdata/%s matches no rule of lint.Rules", e.Name())
		}
	}
}

func runFixture(t *testing.T, rule, file string, fires bool) {
	dir, ar := sitetest.Txtar(t, file, "want")
	checked, err := pipeline.Check(dir, builtin())
	if err != nil {
		t.Fatalf("%s: the site does not load:\n%v", file, err)
	}
	var got bytes.Buffer
	if err := lint.WriteText(&got, checked.Findings); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range checked.Findings {
		if f.Rule == rule {
			n++
		}
	}
	switch {
	case fires && n == 0:
		t.Errorf("%s: rule %s does not fire", file, rule)
	case !fires && n > 0:
		t.Errorf("%s: rule %s fires %d times", file, rule, n)
	}
	i := wantIndex(t, ar, file)
	if *update {
		ar.Files[i].Data = got.Bytes()
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want := string(ar.Files[i].Data); got.String() != want {
		t.Errorf("%s: findings differ\n--- got\n%s--- want\n%s", file, got.String(), want)
	}
}

func wantIndex(t *testing.T, ar *txtar.Archive, file string) int {
	for i, f := range ar.Files {
		if f.Name == "want" {
			return i
		}
	}
	t.Fatalf("%s: no file \"want\"", file)
	return -1
}

// specRules are the rules the SPEC's table names.
var specRules = []string{
	"refund/grounds-missing", "refund/deadline-missing", "refund/process-missing",
	"refund/payout-too-slow", "refund/waiver", "refund/fixed-retention",
	"formula/out-of-bounds", "formula/not-monotonic", "formula/invalid",
	"template/invalid", "template/undefined", "clause/unknown", "clause/duplicate",
	"seller/requisites-missing", "seller/tax-id-invalid", "statement/field-missing",
	"lint/unjustified-ignore", "refund/bank-fee", "de/distance-learning", "edition/stale",
}

// TestRuleList validates the rule list (names, severities, scopes,
// documentation: see lint.Validate) and checks that it has every rule the
// SPEC names.
func TestRuleList(t *testing.T) {
	if err := lint.Validate(lint.Rules); err != nil {
		t.Error(err)
	}
	for _, name := range specRules {
		if _, ok := lint.Lookup(name); !ok {
			t.Errorf("rule %s of the SPEC is missing", name)
		}
	}
}

// TestValidateRejects: each broken rule list is refused, naming what is
// wrong, so that TestRuleList can fail.
func TestValidateRejects(t *testing.T) {
	good := func() *lint.Rule {
		return &lint.Rule{
			Name:            "test/good",
			DefaultSeverity: lint.Error,
			Scope:           lint.CourseScope,
			Run:             func(*lint.Pass) error { return nil },
			Doc:             "What it checks.\n\nWhy: the law.\n\nFires: this.\n\nSilent: that.\n\nFix: do so.",
		}
	}
	if err := lint.Validate([]*lint.Rule{good()}); err != nil {
		t.Fatalf("a good rule is refused: %v", err)
	}
	for _, c := range []struct {
		name   string
		break_ func(r *lint.Rule) []*lint.Rule
		want   string
	}{
		{"twice", func(r *lint.Rule) []*lint.Rule { return []*lint.Rule{r, r} }, "listed twice"},
		{"name", func(r *lint.Rule) []*lint.Rule { r.Name = "good"; return []*lint.Rule{r} }, "area/what"},
		{"severity", func(r *lint.Rule) []*lint.Rule { r.DefaultSeverity = 0; return []*lint.Rule{r} }, "no default severity"},
		{"scope", func(r *lint.Rule) []*lint.Rule { r.Scope = 0; return []*lint.Rule{r} }, "no scope"},
		{"run", func(r *lint.Rule) []*lint.Rule { r.Run = nil; return []*lint.Rule{r} }, "no Run"},
		{"jurisdiction", func(r *lint.Rule) []*lint.Rule { r.Jurisdictions = []string{"xx"}; return []*lint.Rule{r} }, "unknown jurisdiction"},
		{"what", func(r *lint.Rule) []*lint.Rule { r.Doc = ""; return []*lint.Rule{r} }, "no first line"},
		{"why", func(r *lint.Rule) []*lint.Rule {
			r.Doc = strings.Replace(r.Doc, "Why:", "Because", 1)
			return []*lint.Rule{r}
		}, `"Why:"`},
		{"fires", func(r *lint.Rule) []*lint.Rule {
			r.Doc = strings.Replace(r.Doc, "Fires:", "", 1)
			return []*lint.Rule{r}
		}, `"Fires:"`},
		{"silent", func(r *lint.Rule) []*lint.Rule {
			r.Doc = strings.Replace(r.Doc, "Silent:", "", 1)
			return []*lint.Rule{r}
		}, `"Silent:"`},
		{"fix", func(r *lint.Rule) []*lint.Rule { r.Doc = strings.Replace(r.Doc, "Fix:", "", 1); return []*lint.Rule{r} }, `"Fix:"`},
		{"warning", func(r *lint.Rule) []*lint.Rule { r.DefaultSeverity = lint.Warning; return []*lint.Rule{r} }, "not an error"},
	} {
		err := lint.Validate(c.break_(good()))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Validate = %v, want an error saying %s", c.name, err, c.want)
		}
	}
}

// TestExampleSchool: the repository root is the example school; under ru
// it must lint with no errors.
func TestExampleSchool(t *testing.T) {
	checked, err := pipeline.Check("../..", builtin())
	if err != nil {
		t.Fatal(err)
	}
	if checked.Site.Config.Jurisdiction != "ru" {
		t.Fatalf("the example school is under %q, want ru", checked.Site.Config.Jurisdiction)
	}
	for _, f := range checked.Findings {
		if f.Severity != lint.Error {
			continue
		}
		t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Line, f.Col, f.Message, f.Rule)
	}
}

func TestTaxIDs(t *testing.T) {
	for _, c := range []struct {
		id        string
		inn, ogrn bool
	}{
		{"7707083893", true, false},      // ИНН of an organisation
		{"7707083894", false, false},     // last digit changed
		{"500100732259", true, false},    // ИНН of a person
		{"500100732258", false, false},   // 12th digit changed
		{"500100732269", false, false},   // 11th digit changed
		{"165538412749", true, false},    // the example school's
		{"1027700132195", false, true},   // ОГРН
		{"1027700132196", false, false},  // check digit changed
		{"304500116000157", false, true}, // ОГРНИП
		{"304500116000158", false, false},
		{"319169002845312", false, true}, // the example school's
		{"77070838931", false, false},    // 11 digits
		{"77070A3893", false, false},
		{"", false, false},
	} {
		if got := lint.ValidINN(c.id); got != c.inn {
			t.Errorf("ValidINN(%q) = %v, want %v", c.id, got, c.inn)
		}
		if got := lint.ValidOGRN(c.id); got != c.ogrn {
			t.Errorf("ValidOGRN(%q) = %v, want %v", c.id, got, c.ogrn)
		}
	}
}

// TestREADMEListsEveryRule keeps the README's rule table in step with the
// rule list.
func TestREADMEListsEveryRule(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lint.Rules {
		if !strings.Contains(string(data), "| `"+r.Name+"` |") {
			t.Errorf("README.md does not list rule %s in its rules table", r.Name)
		}
	}
}
