package lint_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// issue13Rules are the rules issue 13 added or changed: the built-in
// library must not trip any of them, in any jurisdiction.
var issue13Rules = []string{
	"text/waiver", "text/access-rendered", "text/time-limit", "text/retention", "text/contradiction",
	"text/deadline-mismatch", "refund/conditions", "formula/below-prorata", "refund/deduction-suspicious",
	"clause/statutory-override", "lint/unjustified-disable", "seller/sample", "ru/language",
	"site/base-url-missing", "seller/name-form", "refund/review-after-payout",
	"refund/bank-fee", "refund/fixed-retention",
}

// librarySite is a site of every format and policy, with guarantee
// periods and deductions, in the languages the library has for j.
func librarySite(j string) map[string]string {
	langs, seller, fee := `["ru", "en"]`, `name = "Индивидуальный предприниматель Соколова Марина Андреевна"
kind = "ip"
inn = "165538412749"
ogrn = "319169002845312"
address = "420111, Казань, ул. Учебная, 12"
email = "hello@school.example"
phone = "+7 843 000-00-00"`, "3"
	if j != "ru" {
		langs, seller, fee = `["en"]`, `name = "Anna Weber"
kind = "ip"
address = "Hauptstraße 1, 10115 Berlin"
email = "hello@school.example"
phone = "+49 30 1234567"`, "0"
	}
	files := map[string]string{"oferta.toml": fmt.Sprintf(`title = "Library school"
base_url = "https://school.example/"
languages = %s
jurisdiction = %q
edition = 2026-11-01

[seller]
%s

[refund]
review_days = 10
payout_days = 10
bank_fee_percent = %s
channel = "email"
`, langs, j, seller, fee)}
	n := 0
	for _, lang := range []string{"ru", "en"} {
		if j != "ru" && lang == "ru" {
			continue
		}
		for _, format := range []string{"recorded", "group", "personal"} {
			for _, policy := range []string{"prorata", "flat"} {
				for _, guarantee := range []int{0, 14} {
					n++
					files[fmt.Sprintf("content/%s/c%d.toml", lang, n)] = fmt.Sprintf(`title = "Course %d"
language = %q
format = %q
price = 36000
zfu = "7312345"

[duration]
unit = "week"
count = 6

[refund]
policy = %q
guarantee_days = %d
alternatives = ["freeze"]

[[refund.deductions]]
name = "Diagnostics session"
amount = 2000
`, n, lang, format, policy, guarantee)
				}
			}
		}
	}
	if j == "ru" {
		// Every English course under ru has a Russian twin.
		for name, data := range files {
			if strings.HasPrefix(name, "content/en/") {
				files["content/ru/"+strings.TrimPrefix(name, "content/en/")] = strings.Replace(strings.Replace(data, `language = "en"`, `language = "ru"`, 1), "Diagnostics session", "Диагностическая сессия", 1)
			}
		}
	}
	return files
}

// TestLibraryClean: the built-in library gives none of issue 13's errors
// in any jurisdiction, for every format and policy.
func TestLibraryClean(t *testing.T) {
	for _, j := range []string{"ru", "eu", "de", "ro"} {
		t.Run(j, func(t *testing.T) {
			checked, err := pipeline.Check(sitetest.New(t, librarySite(j)), builtin())
			if err != nil {
				t.Fatal(err)
			}
			if len(checked.Contracts) < 12 {
				t.Fatalf("%d contracts, want every format and policy", len(checked.Contracts))
			}
			for _, f := range checked.Findings {
				if f.Severity == lint.Error && slices.Contains(issue13Rules, f.Rule) {
					t.Errorf("%s:%d: %s [%s]", f.File, f.Line, f.Message, f.Rule)
				}
			}
		})
	}
}

var idLine = regexp.MustCompile(`(?m)^id = "([^"]+)"`)

// TestStatutoryClausesKeepTheirElements copies every statutory clause of
// the library into a site as the site's own clause: the library's text
// keeps everything clause/statutory-override asks of a replacement.
func TestStatutoryClausesKeepTheirElements(t *testing.T) {
	for _, j := range []string{"ru", "eu"} {
		t.Run(j, func(t *testing.T) {
			files := librarySite(j)
			copied := 0
			err := fs.WalkDir(oferta.Clauses(), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
					return err
				}
				data, err := fs.ReadFile(oferta.Clauses(), p)
				if err != nil {
					return err
				}
				m := idLine.FindSubmatch(data)
				lang, _, _ := strings.Cut(p, "/")
				if m != nil && slices.Contains(lint.StatutoryClauseIDs(lang), string(m[1])) {
					files["clauses/"+p] = string(data)
					copied++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if copied == 0 {
				t.Fatal("no statutory clause found in the library")
			}
			checked, err := pipeline.Check(sitetest.New(t, files), builtin())
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range checked.Findings {
				if f.Rule == "clause/statutory-override" {
					t.Errorf("the library's own text: %s:%d: %s", f.File, f.Line, f.Message)
				}
			}
		})
	}
}

// TestSampleSellerMatchesScaffold keeps seller/sample in step with the
// scaffold of oferta new site / new course.
func TestSampleSellerMatchesScaffold(t *testing.T) {
	var all string
	files, err := filepath.Glob("../../cmd/oferta/scaffold/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	sites, _ := filepath.Glob("../../cmd/oferta/scaffold/site/*.toml")
	for _, f := range append(files, sites...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all += string(data)
	}
	for _, v := range lint.SampleValues() {
		if !strings.Contains(all, fmt.Sprintf("%q", v)) {
			t.Errorf("seller/sample looks for %q, which the scaffold no longer writes", v)
		}
	}
}
