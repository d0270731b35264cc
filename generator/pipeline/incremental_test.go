package pipeline_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestRecheckMatchesCheck edits a copy of the example school step by step
// and checks after every step that the incremental rebuild gives exactly
// the files a full build gives, and that it redid only what it should.
func TestRecheckMatchesCheck(t *testing.T) {
	t.Run("Recheck", func(t *testing.T) { testRecheck(t, false) })
	t.Run("RecheckFiles", func(t *testing.T) { testRecheck(t, true) })
}

// testRecheck runs the steps with Recheck, or with RecheckFiles given the
// files each step changed.
func testRecheck(t *testing.T, withFiles bool) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := sitetest.ExampleSite(t)
	transfer, err := fs.ReadFile(oferta.Clauses(), "ru/alternatives/transfer.md")
	if err != nil {
		t.Fatal(err)
	}
	changeGroup, err := fs.ReadFile(oferta.Clauses(), "ru/alternatives/change-group.md")
	if err != nil {
		t.Fatal(err)
	}

	var prev *pipeline.Checked
	var pages *pipeline.Pages
	steps := []struct {
		name       string
		edit       func()
		theme      bool
		assembled  int      // -1: every course
		onlyCourse string   // when set, the only course folder rendered again
		changed    []string // output paths that must be among the changed ones
		removed    []string
		findings   int      // how many more findings than the step before
		files      []string // the files the step changed, for RecheckFiles
	}{
		{name: "first build", edit: func() {}, assembled: -1},
		{name: "course title", edit: func() {
			sitetest.Replace(t, filepath.Join(dir, "content/smm-mentoring.toml"), "Наставничество по SMM: 8 недель", "Наставничество по SMM: 9 недель")
		}, assembled: 1, onlyCourse: "smm-mentoring/", changed: []string{"smm-mentoring/oferta/index.html", "index.html"}, files: []string{"content/smm-mentoring.toml"}},
		{name: "course finding", edit: func() {
			sitetest.Replace(t, filepath.Join(dir, "content/smm-mentoring.toml"), "[refund]\n", "[refund]\npayout_days = 30\n")
		}, assembled: 1, onlyCourse: "smm-mentoring/", findings: 1, files: []string{"content/smm-mentoring.toml"}},
		{name: "course finding fixed", edit: func() {
			sitetest.Replace(t, filepath.Join(dir, "content/smm-mentoring.toml"), "[refund]\npayout_days = 30\n", "[refund]\n")
		}, assembled: 1, onlyCourse: "smm-mentoring/", findings: -1, files: []string{"content/smm-mentoring.toml"}},
		{name: "nothing changed", edit: func() {}, assembled: 0},
		{name: "new course", edit: func() {
			sitetest.CopyFile(t, filepath.Join(dir, "content/recorded-excel.toml"), filepath.Join(dir, "content/excel-copy.toml"))
		}, assembled: 1, onlyCourse: "excel-copy/", changed: []string{"excel-copy/faq/index.html"}, files: []string{"content/excel-copy.toml"}},
		{name: "removed course", edit: func() {
			if err := os.Remove(filepath.Join(dir, "content/excel-copy.toml")); err != nil {
				t.Fatal(err)
			}
		}, assembled: 0, removed: []string{"excel-copy/oferta/index.html"}, files: []string{"content/excel-copy.toml"}},
		{name: "clause text that one course includes", edit: func() {
			sitetest.WriteFile(t, filepath.Join(dir, "clauses/ru/alternatives/transfer.md"), strings.TrimRight(string(transfer), "\n")+"\n\nПередача места бесплатна.\n")
		}, assembled: 1, onlyCourse: "smm-mentoring/", changed: []string{"smm-mentoring/oferta/index.html"}, files: []string{"clauses/ru/alternatives/transfer.md"}},
		{name: "clause condition", edit: func() {
			sitetest.WriteFile(t, filepath.Join(dir, "clauses/ru/alternatives/change-group.md"), strings.Replace(string(changeGroup), `when = 'course.format == "group"'`, `when = 'course.format != "recorded"'`, 1))
		}, assembled: -1, files: []string{"clauses/ru/alternatives/change-group.md"}},
		{name: "phrase", edit: func() {
			sitetest.WriteFile(t, filepath.Join(dir, "clauses/ru/phrases.toml"), "[rule]\nfloor = \"Сумма возврата не бывает меньше нуля.\"\n")
		}, assembled: -1, changed: []string{"smm-mentoring/oferta/index.html"}, files: []string{"clauses/ru/phrases.toml"}},
		{name: "settings", edit: func() {
			sitetest.Replace(t, filepath.Join(dir, "oferta.toml"), "hello@school.example", "help@school.example")
		}, assembled: -1, changed: []string{"smm-mentoring/refund/index.html", "en/english-speaking-club/oferta/index.html"}, files: []string{"oferta.toml"}},
		{name: "base_url", edit: func() {
			sitetest.Replace(t, filepath.Join(dir, "oferta.toml"), `base_url = "https://school.example/"`, `base_url = "https://school.example/courses/"`)
		}, assembled: -1, changed: []string{"sitemap.xml", "smm-mentoring/refund/index.html"}, files: []string{"oferta.toml"}},
		{name: "theme", edit: func() {
			sitetest.WriteFile(t, filepath.Join(dir, "themes/default/assets/extra.css"), "body{}\n")
		}, theme: true, assembled: 0, changed: []string{"assets/extra.css"}, files: []string{"themes/default/assets/extra.css"}},
	}
	findings := 0
	for _, st := range steps {
		st.edit()
		c, d, err := pipeline.Recheck(context.Background(), prev, dir, builtin)
		if withFiles {
			c, d, err = pipeline.RecheckFiles(context.Background(), prev, dir, builtin, st.files)
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		switch {
		case st.assembled < 0 && d.Count() != len(c.Contracts):
			t.Errorf("%s: assembled %d of %d contracts, want all", st.name, d.Count(), len(c.Contracts))
		case st.assembled >= 0 && d.Count() != st.assembled:
			t.Errorf("%s: assembled %d contracts, want %d", st.name, d.Count(), st.assembled)
		}
		p, err := pipeline.RenderChanged(context.Background(), pages, c, d, st.theme, false)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full, err := pipeline.Check(dir, builtin)
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && len(c.Findings) != findings+st.findings {
			t.Errorf("%s: %d findings, want %d", st.name, len(c.Findings), findings+st.findings)
		}
		findings = len(c.Findings)
		if !reflect.DeepEqual(findingKeys(full), findingKeys(c)) {
			t.Errorf("%s: findings differ from a full check:\n%v\n%v", st.name, findingKeys(full), findingKeys(c))
		}
		files, err := pipeline.Render(full, false)
		if err != nil {
			t.Fatal(err)
		}
		compareFiles(t, st.name, files, p.Files)
		if st.onlyCourse != "" {
			for _, r := range p.Rendered {
				if strings.HasSuffix(r, "/index.html") && strings.Count(r, "/") > 1 && !strings.HasPrefix(r, st.onlyCourse) {
					t.Errorf("%s: rendered %s, which belongs to another course", st.name, r)
				}
			}
		}
		for _, want := range st.changed {
			if !contains(p.Changed, want) {
				t.Errorf("%s: %s is not among the changed files %v", st.name, want, p.Changed)
			}
		}
		for _, want := range st.removed {
			if !contains(p.Removed, want) {
				t.Errorf("%s: %s is not among the removed files %v", st.name, want, p.Removed)
			}
		}
		if st.name == "nothing changed" && (len(p.Changed) != 0 || len(p.Removed) != 0) {
			t.Errorf("%s: changed %v, removed %v", st.name, p.Changed, p.Removed)
		}
		if pages != nil {
			// A file with the same bytes keeps the very slice it had.
			old := map[string][]byte{}
			for _, f := range pages.Files {
				old[f.Path] = f.Data
			}
			for _, f := range p.Files {
				if o, ok := old[f.Path]; ok && bytes.Equal(o, f.Data) && len(o) > 0 && &o[0] != &f.Data[0] {
					t.Errorf("%s: %s has equal bytes in a new slice", st.name, f.Path)
				}
			}
		}
		prev, pages = c, p
	}
}

func compareFiles(t *testing.T, step string, want, got []render.File) {
	t.Helper()
	w := map[string][]byte{}
	for _, f := range want {
		w[f.Path] = f.Data
	}
	g := map[string][]byte{}
	for _, f := range got {
		g[f.Path] = f.Data
	}
	for p, data := range w {
		gd, ok := g[p]
		switch {
		case !ok:
			t.Errorf("%s: incremental build lacks %s", step, p)
		case !bytes.Equal(gd, data):
			t.Errorf("%s: %s differs from a full build", step, p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s: incremental build has %s, a full build does not", step, p)
		}
	}
}

func findingKeys(c *pipeline.Checked) []string {
	var out []string
	for _, f := range c.Findings {
		out = append(out, f.File+" "+f.Rule+" "+f.Course+" "+f.Message)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
