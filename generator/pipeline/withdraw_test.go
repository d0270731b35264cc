package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestEUSchoolIncremental: on an EU site the preview server's incremental
// render gives the same files as a full build, the withdrawal pages
// included, and a change of [withdrawal] settings renders the site-wide
// withdrawal page again.
func TestEUSchoolIncremental(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	src := "../../cmd/oferta/testdata/eu-school"
	sitetest.CopyTree(t, filepath.Join(src, "content"), filepath.Join(dir, "content"))
	sitetest.WriteFile(t, filepath.Join(dir, "oferta.toml"), sitetest.ReadFile(t, filepath.Join(src, "oferta.toml")))

	var prev *pipeline.Checked
	var pages *pipeline.Pages
	steps := []struct {
		name    string
		edit    func()
		changed []string
	}{
		{"first build", func() {}, []string{"withdraw/index.html", "smm-mentoring/withdraw/index.html"}},
		{"course title", func() {
			sitetest.Replace(t, filepath.Join(dir, "content/smm-mentoring.toml"), "SMM mentoring: 8 weeks", "SMM mentoring: 9 weeks")
		}, []string{"smm-mentoring/withdraw/index.html"}},
		{"endpoint", func() {
			sitetest.WriteFile(t, filepath.Join(dir, "oferta.toml"), sitetest.ReadFile(t, filepath.Join(dir, "oferta.toml"))+"\n[withdrawal]\nendpoint = \"https://forms.example/f/1\"\n")
		}, []string{"withdraw/index.html", "recorded-excel/withdraw/index.html"}},
	}
	for _, st := range steps {
		st.edit()
		c, d, err := pipeline.Recheck(context.Background(), prev, dir, builtin)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		p, err := pipeline.RenderChanged(context.Background(), pages, c, d, false, false)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		full, err := pipeline.Check(dir, builtin)
		if err != nil {
			t.Fatal(err)
		}
		files, err := pipeline.Render(full, false)
		if err != nil {
			t.Fatal(err)
		}
		compareFiles(t, st.name, files, p.Files)
		for _, want := range st.changed {
			if pages != nil && !contains(p.Changed, want) {
				t.Errorf("%s: %s is not among the changed files %v", st.name, want, p.Changed)
			}
			found := false
			for _, f := range p.Files {
				found = found || f.Path == want
			}
			if !found {
				t.Errorf("%s: no %s", st.name, want)
			}
		}
		prev, pages = c, p
	}
}
