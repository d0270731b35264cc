package pipeline_test

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestNewLanguageIsData adds a language as data only: a site of the EU
// test school whose language is "xx", with the built-in English library
// copied to clauses/xx/ (clauses, sections.toml, phrases.toml) and the
// default theme's English strings to themes/default/i18n/xx.toml. It
// builds with the same findings as the English site, and its pages and
// calculation speak the copied files' words (marked here so the test can
// tell them from the built-in English ones). Plurals, dates and amounts
// use the English tables, generator/lang's fallback for a language
// without tables of its own.
func TestNewLanguageIsData(t *testing.T) {
	base := t.TempDir()
	sitetest.CopyTree(t, "../../cmd/oferta/testdata/eu-school", base)
	en, err := pipeline.Check(base, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	sitetest.CopyTree(t, "../../cmd/oferta/testdata/eu-school", dir)
	sitetest.Replace(t, filepath.Join(dir, "oferta.toml"), `languages = ["en"]`, `languages = ["xx"]`)
	err = fs.WalkDir(oferta.Clauses(), "en", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(oferta.Clauses(), p)
		if err != nil {
			return err
		}
		sitetest.WriteFile(t, filepath.Join(dir, "clauses", "xx", strings.TrimPrefix(p, "en/")), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	strs, err := fs.ReadFile(oferta.Theme(), "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/i18n/xx.toml"), string(strs))
	sitetest.Replace(t, filepath.Join(dir, "clauses/xx/phrases.toml"), `floor = "The refund is never below zero."`, `floor = "XX: the refund is never below zero."`)
	sitetest.Replace(t, filepath.Join(dir, "clauses/xx/phrases.toml"), `result = "Refund"`, `result = "XX refund"`)
	sitetest.Replace(t, filepath.Join(dir, "themes/default/i18n/xx.toml"), `page_title_faq = "Refunds: questions and answers"`, `page_title_faq = "XX questions"`)

	xx, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := findingRules(xx), findingRules(en); got != want {
		t.Errorf("findings of the xx site:\n%s\nwant those of the en site:\n%s", got, want)
	}
	files, err := pipeline.Render(xx, false)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, f := range files {
		pages[f.Path] = string(f.Data)
	}
	for path, want := range map[string]string{
		"smm-mentoring/faq/index.html":    "<title>XX questions",
		"smm-mentoring/oferta/index.html": "XX: the refund is never below zero.",
		"index.html":                      `lang="xx"`,
	} {
		if !strings.Contains(pages[path], want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
	k := xx.Contracts[0]
	for _, c := range xx.Contracts {
		if c.Course.Slug == "smm-mentoring" {
			k = c
		}
	}
	if k.Lang != "xx" || k.Phrases.Text("calc.result") != "XX refund" {
		t.Errorf("contract of %s in %q: calc.result = %q", k.Course.Slug, k.Lang, k.Phrases.Text("calc.result"))
	}
}

func findingRules(c *pipeline.Checked) string {
	var out []string
	for _, f := range c.Findings {
		out = append(out, f.Severity.String()+" "+f.Rule+" "+f.Course)
	}
	return strings.Join(out, "\n")
}
