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

// loadFixture writes the site of an archive into a new temporary folder.
func loadFixture(t testing.TB, file string) (dir string, ar *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "want" {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, ar
}

func runFixture(t *testing.T, rule, file string, fires bool) {
	dir, ar := loadFixture(t, file)
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

func TestRuleList(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range lint.Rules {
		if seen[r.Name] {
			t.Errorf("rule %s is listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Name == "" || !strings.Contains(r.Name, "/") {
			t.Errorf("rule %q: a name is area/what", r.Name)
		}
		if r.DefaultSeverity != lint.Error && r.DefaultSeverity != lint.Warning {
			t.Errorf("rule %s: no default severity", r.Name)
		}
		for j, s := range r.SeverityIn {
			if !contains(site.Jurisdictions, j) || (s != lint.Error && s != lint.Warning) {
				t.Errorf("rule %s: SeverityIn[%q] = %v", r.Name, j, s)
			}
		}
		for _, j := range r.Jurisdictions {
			if !contains(site.Jurisdictions, j) {
				t.Errorf("rule %s: unknown jurisdiction %q", r.Name, j)
			}
		}
		if r.Run == nil {
			t.Errorf("rule %s: no Run", r.Name)
		}
		doc := r.Doc
		if strings.TrimSpace(doc) == "" {
			t.Errorf("rule %s: no Doc", r.Name)
			continue
		}
		if !strings.Contains(doc, "Why") {
			t.Errorf("rule %s: Doc does not say why (a paragraph starting \"Why:\")", r.Name)
		}
		if !strings.Contains(doc, "Fix") {
			t.Errorf("rule %s: Doc does not say how to fix (a paragraph starting \"Fix:\")", r.Name)
		}
		if r.DefaultSeverity == lint.Warning && !strings.Contains(doc, "warning") {
			t.Errorf("rule %s: a warning's Doc must say why it is not an error", r.Name)
		}
		if lint.Summary(r) == "" {
			t.Errorf("rule %s: Doc has no first line", r.Name)
		}
	}
	for _, name := range specRules {
		if !seen[name] {
			t.Errorf("rule %s of the SPEC is missing", name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
