package serve

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestServeThemeEdits: a layout saved while the server runs is compiled
// again and every page shows it; a broken layout is reported in the
// overlay at its file, line and column, and the last good pages stay.
func TestServeThemeEdits(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	r := start(t, dir)
	layout, err := fs.ReadFile(oferta.Theme(), "layouts/faq.html")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "themes", "default", "layouts", "faq.html")
	const page = "/smm-mentoring/faq/"
	const marker = `<i class="edited-layout"></i>`
	sitetest.WriteFile(t, file, strings.Replace(string(layout), `{{- define "main" -}}`, `{{- define "main" -}}`+marker, 1))
	waitFor(t, "the edited layout on "+page, func() bool {
		_, body := r.get(t, page)
		return strings.Contains(body, marker)
	})
	if _, body := r.get(t, "/en/english-speaking-club/faq/"); !strings.Contains(body, marker) {
		t.Error("the English FAQ does not show the edited layout")
	}
	_, good := r.get(t, page)

	sitetest.WriteFile(t, file, "{{define \"main\"}}\n<h1>Вопросы {{.Title}</h1>{{end}}\n")
	var st statusJSON
	waitFor(t, "the overlay for a broken layout", func() bool {
		st = r.status(t, page)
		return len(st.Errors) > 0
	})
	if e := st.Errors[0]; e.File != "themes/default/layouts/faq.html" || e.Line != 2 || e.Col != 13 || strings.Contains(e.Message, "template:") {
		t.Errorf("overlay error = %+v; want themes/default/layouts/faq.html:2:13 without the template package's place", e)
	}
	if _, body := r.get(t, page); body != good {
		t.Error("after a broken layout the page is not the last good one")
	}
}
