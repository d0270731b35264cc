package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// customTheme makes the example school use theme "custom", whose own
// files are the ones given (the rest is the built-in theme's).
func customTheme(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := sitetest.ExampleSite(t)
	cfg := filepath.Join(dir, "oferta.toml")
	sitetest.WriteFile(t, cfg, "theme = \"custom\"\n"+sitetest.ReadFile(t, cfg))
	for name, text := range files {
		sitetest.WriteFile(t, filepath.Join(dir, "themes", "custom", filepath.FromSlash(name)), text)
	}
	return dir
}

// A broken layout of a site's own theme is reported at its file, line and
// column in that theme, with nothing of the template package's message
// format in it; lint reports it as build does, so that a site that passes
// lint in CI can be built.
func TestBuildReportsBrokenLayoutOfCustomTheme(t *testing.T) {
	dir := customTheme(t, map[string]string{
		"layouts/faq.html": "{{define \"main\"}}\n<h1>Вопросы {{.Title}</h1>\n{{end}}\n",
	})
	want := filepath.Join(dir, "themes/custom/layouts/faq.html") + `:2:13: bad character U+007D '}'` + "\n"
	for _, args := range [][]string{{"build", "-q", "-s", dir}, {"lint", "-s", dir}} {
		code, stdout, stderr := run(t, args...)
		if code != exitBadInput {
			t.Fatalf("%s exited %d, want %d:\n%s%s", args[0], code, exitBadInput, stdout, stderr)
		}
		if stderr != want {
			t.Errorf("%s: stderr:\n%s\nwant:\n%s", args[0], stderr, want)
		}
	}
}

// An error while a page of a custom theme executes names the layout's
// place too, and the course whose page it was.
func TestBuildReportsLayoutExecErrorOfCustomTheme(t *testing.T) {
	dir := customTheme(t, map[string]string{
		"layouts/faq.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.FAQ.Nope}}</p>\n{{end}}\n",
	})
	code, _, stderr := run(t, "build", "-q", "-s", dir)
	if code != exitBadInput {
		t.Fatalf("build exited %d, want %d:\n%s", code, exitBadInput, stderr)
	}
	prefix := filepath.Join(dir, "themes/custom/layouts/faq.html") + `:3:10: executing "main" at <.FAQ.Nope>: can't evaluate field Nope`
	if !strings.HasPrefix(stderr, prefix) || !strings.Contains(stderr, "(rendering a page of content/") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr:\n%s\nwant one line starting with:\n%s", stderr, prefix)
	}
}

// A custom theme that replaces one layout builds with the built-in theme's
// other files, assets included.
func TestBuildWithPartialCustomTheme(t *testing.T) {
	dir := customTheme(t, map[string]string{
		"layouts/faq.html":  "{{define \"main\"}}<h1 class=\"custom\">{{.Title}}</h1>{{end}}\n",
		"assets/extra.css":  "p{}\n",
		"assets/.hidden.js": "secret\n",
	})
	tree := mustBuild(t, dir)
	if !strings.Contains(tree["smm-mentoring/faq/index.html"], `<h1 class="custom">`) {
		t.Error("the FAQ page does not use the custom layout")
	}
	for _, p := range []string{"assets/style.css", "assets/extra.css", "smm-mentoring/oferta/index.html"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := tree["assets/.hidden.js"]; ok {
		t.Error("a hidden file of the theme was published")
	}
}
