package pipeline

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestRenderChangedKeepsCompiledTheme: a rebuild after a course edit
// renders with the theme compiled before; one after a layout changed
// compiles it again and renders every page, even when the caller does
// not say that the theme changed.
func TestRenderChangedKeepsCompiledTheme(t *testing.T) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := t.TempDir()
	root := sitetest.Root(t)
	for _, f := range []string{"oferta.toml", "content/smm-mentoring.toml", "content/recorded-excel.toml"} {
		sitetest.CopyFile(t, filepath.Join(root, f), filepath.Join(dir, f))
	}
	rebuild := func(prevC *Checked, prevP *Pages, changed ...string) (*Checked, *Pages) {
		t.Helper()
		c, d, err := RecheckFiles(context.Background(), prevC, dir, builtin, changed)
		if err != nil {
			t.Fatal(err)
		}
		p, err := RenderChanged(context.Background(), prevP, c, d, false, false)
		if err != nil {
			t.Fatal(err)
		}
		return c, p
	}
	c1, p1 := rebuild(nil, nil)
	sitetest.Replace(t, filepath.Join(dir, "content/smm-mentoring.toml"), "Наставничество по SMM", "Наставничество по SMM и не только")
	c2, p2 := rebuild(c1, p1, "content/smm-mentoring.toml")
	if p2.theme != p1.theme {
		t.Error("a course edit compiled the theme again")
	}
	if len(p2.Rendered) >= len(p2.Files)/2 {
		t.Errorf("a course edit rendered %d of %d files", len(p2.Rendered), len(p2.Files))
	}
	layout, err := fs.ReadFile(oferta.Theme(), "layouts/faq.html")
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/layouts/faq.html"), strings.Replace(string(layout), `{{- define "main" -}}`, `{{- define "main" -}}<i class="changed-layout"></i>`, 1))
	_, p3 := rebuild(c2, p2, "themes/default/layouts/faq.html")
	if p3.theme == p2.theme {
		t.Fatal("a layout edit kept the compiled theme")
	}
	rendered := map[string]bool{}
	for _, p := range p3.Rendered {
		rendered[p] = true
	}
	for _, f := range p3.Files {
		if strings.HasSuffix(f.Path, ".html") && !rendered[f.Path] {
			t.Errorf("after a layout edit %s was not rendered again", f.Path)
		}
	}
	for _, f := range p3.Files {
		if strings.HasSuffix(f.Path, "/faq/index.html") && !strings.Contains(string(f.Data), `<i class="changed-layout"></i>`) {
			t.Errorf("%s: not rendered with the changed layout", f.Path)
		}
	}
}
