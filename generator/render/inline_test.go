package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"os"
	"sync"
	"testing"
	"text/template/parse"

	"github.com/oferta-dev/oferta/generator/site"
)

// The default theme prints its UI strings in text and in quoted
// attributes only: New leaves none of them to print at execution.
func TestInlineLeavesNoLiteralActions(t *testing.T) {
	r := newRenderer(t, os.DirFS("../../themes/default"), "ru", "en")
	for name, lt := range r.theme.layouts {
		for _, tmpl := range lt.templates().Templates() {
			if tmpl.Tree == nil {
				continue
			}
			for _, a := range literalActions(tmpl.Tree.Root) {
				t.Errorf("%s: template %q prints a literal at execution: %s", name, tmpl.Name(), a)
			}
		}
	}
}

func TestLiteralProbes(t *testing.T) {
	probes := newLiteralProbes()
	if len(probes) != 3 {
		t.Fatalf("%d probes, want 3", len(probes))
	}
	for _, p := range probes {
		got, ok := p.print(`<a href="x">&'+`)
		if want := "&lt;a href=&#34;x&#34;&gt;&amp;&#39;&#43;"; !ok || got != want {
			t.Errorf("probe %q prints %q, %v; want %q", p.t.Tree.Root, got, ok, want)
		}
	}
}

// literalActions returns the actions in l that print a string literal.
func literalActions(l *parse.ListNode) []*parse.ActionNode {
	if l == nil {
		return nil
	}
	var found []*parse.ActionNode
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if _, ok := n.Pipe.Cmds[0].Args[0].(*parse.StringNode); ok && len(n.Pipe.Decl) == 0 {
				found = append(found, n)
			}
		case *parse.IfNode:
			found = append(found, literalActions(n.List)...)
			found = append(found, literalActions(n.ElseList)...)
		case *parse.RangeNode:
			found = append(found, literalActions(n.List)...)
			found = append(found, literalActions(n.ElseList)...)
		case *parse.WithNode:
			found = append(found, literalActions(n.List)...)
			found = append(found, literalActions(n.ElseList)...)
		}
	}
	return found
}

// A layout html/template cannot escape still fails at its pages, with
// html/template's error.
func TestInlineLeavesEscapeErrors(t *testing.T) {
	theme := tinyTheme(`{{define "base"}}<p title="{{t "s"}}{{end}}`, `{{define "main"}}{{end}}`, `s = "x"`)
	r := newRenderer(t, theme, "en")
	p := &Page{Kind: "faq", Lang: "en"}
	_, err := r.page(p)
	var want *template.Error
	if !errors.As(unfolded(t, r, theme, "en", "faq").ExecuteTemplate(io.Discard, "base", p), &want) {
		t.Fatal("the unfolded layout escaped")
	}
	// The error is placed in the layout's file, with html/template's
	// description.
	var got *site.Error
	if !errors.As(err, &got) || got.File != "themes/default/layouts/base.html" || got.Line != want.Line || got.Err.Error() != want.Description {
		t.Errorf("page: %#v; want themes/default/layouts/base.html:%d: %s", err, want.Line, want.Description)
	}
}

// Pages that execute a layout first at the same time find it inlined
// once (run with -race).
func TestInlineOnceForConcurrentPages(t *testing.T) {
	theme := os.DirFS("../../themes/default")
	r := newRenderer(t, theme, "en")
	p := samplePage("refund", "en", "eu", false)
	var want bytes.Buffer
	if err := unfolded(t, r, theme, "en", "refund").ExecuteTemplate(&want, "base", p); err != nil {
		t.Fatal(err)
	}
	pages := make([][]byte, 8)
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	for i := range pages {
		wg.Go(func() { pages[i], errs[i] = r.page(p) })
	}
	wg.Wait()
	for i, got := range pages {
		if errs[i] != nil || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("page %d: %v\n%s\nwant:\n%s", i, errs[i], got, want.Bytes())
		}
	}
}
