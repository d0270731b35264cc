package render

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	texttemplate "text/template"

	"github.com/oferta-dev/oferta/generator/site"
)

// TestRenderReadsNoFiles keeps render, and edition, which parses the
// frozen editions, off the file system: package site is the one reader of
// input (site.Theme holds the theme's bytes, site.EditionFile an
// edition's). It checks the imports of the packages' own files, since
// packages they use, such as text/template, import io/fs for functions
// they never call. (embed is allowed: the program's own data is not
// input.)
func TestRenderReadsNoFiles(t *testing.T) {
	banned := map[string]bool{"os": true, "io/fs": true, "io/ioutil": true, "path/filepath": true, "os/exec": true}
	var files []string
	for _, dir := range []string{".", "../edition"} {
		list, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, list...)
	}
	checked := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if banned[p] {
				t.Errorf("%s imports %s: only package site reads files; give this package their bytes", file, p)
			}
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []string{"ParseFiles(", "ParseGlob(", "ParseFS("} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s: templates are parsed from site.Theme's bytes", file, call)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("checked only %d files", checked)
	}
}

// A broken layout is reported at its file, line and rune column, with the
// template package's own prefix ("template: faq:2:") taken off.
func TestCompileErrorsArePlaced(t *testing.T) {
	cases := []struct {
		name, faq, want string
	}{
		{"unclosed action", "{{define \"main\"}}\n<p>Вопросы {{.Title</p>{{end}}", "themes/default/layouts/faq.html:2:12: bad character U+003C '<'"},
		{"stray brace", "{{define \"main\"}}\n<p>Ä {{ .Title } }}</p>{{end}}", `themes/default/layouts/faq.html:2:6: unexpected "}" in operand`},
		{"undefined function", "{{define \"main\"}}\n\n  <b>ü</b> {{nope .Title}}{{end}}", `themes/default/layouts/faq.html:3:12: function "nope" not defined`},
		{"end too many", "{{define \"main\"}}{{end}}\nя{{end}}", "themes/default/layouts/faq.html:2:2: unexpected {{end}}"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			theme := tinyTheme(`{{define "base"}}{{block "main" .}}{{end}}{{end}}`, `{{define "main"}}{{end}}`, `s = "x"`)
			theme["layouts/faq.html"] = &fstest.MapFile{Data: []byte(tc.faq)}
			_, err := New(sampleSite(t, theme, "en"))
			var e *site.Error
			if !errors.As(err, &e) {
				t.Fatalf("New: %v, want a *site.Error", err)
			}
			if e.Error() != tc.want {
				t.Errorf("New:\n%s\nwant:\n%s", e, tc.want)
			}
			if strings.Contains(e.Err.Error(), "template:") {
				t.Errorf("the message keeps the template package's place: %q", e.Err)
			}
		})
	}
}

// An error while a page executes is placed in the layout too, and says
// which course's page it was.
func TestExecErrorsArePlaced(t *testing.T) {
	theme := tinyTheme(`{{define "base"}}{{block "main" .}}{{end}}{{end}}`, `{{define "main"}}{{end}}`, `s = "x"`)
	theme["layouts/faq.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>Вопрос: {{.Nope}}</p>{{end}}")}
	r := newRenderer(t, theme, "en")
	_, err := r.page(samplePage("faq", "en", "ru", false))
	var e *site.Error
	if !errors.As(err, &e) {
		t.Fatalf("page: %v, want a *site.Error", err)
	}
	if e.File != "themes/default/layouts/faq.html" || e.Line != 2 || e.Col != 14 {
		t.Errorf("page: %s, want themes/default/layouts/faq.html:2:14 (at .Nope)", e)
	}
	if !strings.HasPrefix(e.Err.Error(), `executing "main" at <.Nope>: can't evaluate field Nope`) {
		t.Errorf("message %q", e.Err)
	}
	err = inCourse("content/smm.toml", err)
	if !errors.As(err, &e) || e.Line != 2 || !strings.HasSuffix(e.Err.Error(), "(rendering a page of content/smm.toml)") {
		t.Errorf("inCourse: %v", err)
	}
}

// TestTemplateErrorsOfThisGo pins the messages templateError reads a
// place from: "template: NAME:LINE: …" when parsing and "template:
// NAME:LINE:BYTECOL: …" when executing. A Go release that changes them
// fails here.
func TestTemplateErrorsOfThisGo(t *testing.T) {
	_, err := texttemplate.New("faq").Parse("a\n{{.X")
	if err == nil || err.Error() != "template: faq:2: unclosed action" {
		t.Errorf("parse error: %v", err)
	}
	// The column counts bytes, 0-based: .Y, which fails, is the 8th
	// byte of the line.
	tmpl := texttemplate.Must(texttemplate.New("faq").Parse("ab\nя {{.X.Y}}"))
	err = tmpl.Execute(&strings.Builder{}, struct{ X int }{})
	var exec texttemplate.ExecError
	if !errors.As(err, &exec) || !strings.HasPrefix(exec.Err.Error(), "template: faq:2:7: executing \"faq\" at <.X.Y>: ") {
		t.Errorf("exec error: %v", err)
	}
}

// A compiled theme serves while the theme's files and the jurisdiction
// stay the same.
func TestCompiled(t *testing.T) {
	load := func(base string) *site.Theme {
		th, err := site.ReadTheme(tinyTheme(base, `{{define "main"}}{{end}}`, `s = "x"`), "themes/default/", []string{"en"})
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
	a := load(`{{define "base"}}a{{end}}`)
	c, err := Compile(a, "ru")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Compiled(a, "ru") || !c.Compiled(load(`{{define "base"}}a{{end}}`), "ru") {
		t.Error("not compiled from an equal theme")
	}
	if c.Compiled(a, "eu") {
		t.Error("compiled for another jurisdiction")
	}
	if c.Compiled(load(`{{define "base"}}b{{end}}`), "ru") {
		t.Error("compiled from a changed layout")
	}
	var none *Theme
	if none.Compiled(a, "ru") {
		t.Error("nil theme compiled")
	}
}
