package render

import (
	"bytes"
	"html/template"
	"os"
	"strings"
	"testing"
)

// TestFastMatchesTemplate executes every kind of page of the default
// theme, in both languages, as a draft and not, for a Russian and an EU
// site, and the contract's clause blocks and the index's card, with the
// fast executor and with html/template: the fast one must run each of
// them (not give up) and print the same bytes.
func TestFastMatchesTemplate(t *testing.T) {
	r, err := New(sampleSite(t, os.DirFS("../../themes/default"), "ru", "en"))
	if err != nil {
		t.Fatal(err)
	}
	same := func(name string, lt *layout, entry string, data any) {
		t.Helper()
		set := lt.templates()
		var want bytes.Buffer
		if err := set.ExecuteTemplate(&want, entry, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if lt.fast == nil {
			t.Fatalf("%s: the fast executor does not run the layout", name)
		}
		var got bytes.Buffer
		got.WriteString("kept")
		if !lt.fast.execute(&got, entry, data) {
			t.Fatalf("%s: the fast executor gave up", name)
		}
		if g := strings.TrimPrefix(got.String(), "kept"); g != want.String() {
			t.Errorf("%s: the fast executor printed\n%s\nhtml/template\n%s", name, g, want.String())
		}
	}
	for _, l := range []string{"ru", "en"} {
		for _, j := range []string{"ru", "eu"} {
			for _, draft := range []bool{false, true} {
				for _, kind := range pageKinds {
					p := samplePage(kind, l, j, draft)
					p.Site.WithdrawHref = map[string]string{"eu": "withdraw/"}[j]
					same(l+"/"+kind, r.theme.layouts[l+"/"+kind], "base", p)
				}
			}
		}
		lt := r.theme.layouts[l+"/contract"]
		for _, c := range samplePage("contract", l, "ru", false).Contract.Sections[0].Clauses {
			same(l+"/clause", lt, "clause", c)
			same(l+"/toc-clause", lt, "toc-clause", c)
			c.Title = ""
			same(l+"/clause without a title", lt, "clause", c)
		}
		card := Card{CourseView: samplePage("index", l, "ru", false).Course, Root: "../"}
		same(l+"/card", r.theme.layouts[l+"/index"], "card", card)
	}
}

// TestFastEscapers prints tricky values in every context the fast
// executor escapes for, as text, typed content and numbers, and compares
// with html/template; where it gives up, html/template prints the page.
func TestFastEscapers(t *testing.T) {
	values := []any{
		"", "plain", `<a href="x">&amp; 'q' + "dq"</a>`, "nul\x00byte", "bad\xffutf8\xc3", "\ufdd0\uffff",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b.c", "http://x/a b?c=d&e=%41%zz%4", "a/b:c",
		"ü/é ß", "../../smm/oferta/", "#frag", "%", "%4", "%41",
		template.HTML(`<b>bold</b> & "q"`), template.URL("javascript:x y"), template.URL("a b%41"),
		template.JS(`{"a":"<\/script>"}`), template.CSS(`"a"`), template.HTMLAttr(`x="y"`),
		7, -3, true, uint8(4),
	}
	layouts := []string{
		`<p>{{.}}</p>`,
		`<p title="{{.}}">`,
		`<p title='{{.}}'>`,
		`<a href="{{.}}">`,
		`<a href="/x/{{.}}">`,
		`<a href="/x?q={{.}}">`,
		`<a href="#{{.}}">`,
		`<title>{{.}}</title>`,
		`<textarea>{{.}}</textarea>`,
		`<script type="application/json">{{.}}</script>`,
		`<style>p { content: {{.}}; }</style>`,
	}
	for _, src := range layouts {
		set := template.Must(template.New("base").Funcs(staticFuncs).Funcs(template.FuncMap{"t": func(string) (string, error) { return "", nil }}).Parse(src))
		lt := newLayout(set, nil, nil)
		lt.templates()
		if lt.fast == nil {
			t.Fatalf("%s: not compiled", src)
		}
		ran := 0
		for _, v := range values {
			var want bytes.Buffer
			err := set.Execute(&want, v)
			var got bytes.Buffer
			if !lt.fast.execute(&got, "base", v) {
				continue
			}
			ran++
			if err != nil {
				t.Errorf("%s with %#v: fast printed %q where html/template failed: %v", src, v, got.String(), err)
				continue
			}
			if got.String() != want.String() {
				t.Errorf("%s with %#v: fast %q, html/template %q", src, v, got.String(), want.String())
			}
		}
		if ran == 0 {
			t.Errorf("%s: the fast executor gave up on every value", src)
		}
	}
}

// TestFastGivesUp checks that what the fast executor does not run falls
// back to html/template: a method, a map, a nil pointer, a missing
// string, HTML in an attribute.
func TestFastGivesUp(t *testing.T) {
	type withMap struct{ M map[string]string }
	cases := []struct {
		src  string
		data any
	}{
		{`<p>{{.M.k}}</p>`, withMap{M: map[string]string{"k": "v"}}},
		{`<p>{{.Course.Title}}</p>`, &Page{}},
		{`<p title="{{.}}">`, template.HTML("<b>x</b>")},
		{`<p>{{t .}}</p>`, "missing"},
		{`<p>{{.Kind.X}}</p>`, &Page{Kind: "x"}},
	}
	for _, c := range cases {
		set := template.Must(template.New("base").Funcs(staticFuncs).Funcs(template.FuncMap{"t": func(k string) (string, error) {
			return "", os.ErrNotExist
		}}).Parse(c.src))
		lt := newLayout(set, nil, func(string) (string, error) { return "", os.ErrNotExist })
		lt.templates()
		var b bytes.Buffer
		b.WriteString("kept")
		if lt.fast != nil && lt.fast.execute(&b, "base", c.data) {
			t.Errorf("%s: the fast executor ran it: %q", c.src, b.String())
		}
		if b.String() != "kept" {
			t.Errorf("%s: giving up left %q", c.src, b.String())
		}
		var out bytes.Buffer
		errFast := lt.execute(&out, "base", c.data)
		errTmpl := set.Execute(&bytes.Buffer{}, c.data)
		if (errFast == nil) != (errTmpl == nil) {
			t.Errorf("%s: execute gave %v, html/template %v", c.src, errFast, errTmpl)
		}
	}
}

// TestFAQJSONLD checks that the FAQ's JSON-LD put together from the
// JSON of each question is what encoding/json makes of the whole.
func TestFAQJSONLD(t *testing.T) {
	r := newRenderer(t, os.DirFS("../../themes/default"), "ru", "en")
	type answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
	type question struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		Answer answer `json:"acceptedAnswer"`
	}
	pairs := [][2]string{{"Как вернуть?", "<p>Напишите <a href=\"mailto:a@b.c\">нам</a> & ждите.</p>"},
		{`"Q" <1>`, "line\u2028sep \x01 \\ /"}, {"Как вернуть?", "<p>Напишите</p>"}}
	for n := 0; n <= len(pairs); n++ {
		var entities []question
		var parts [][]byte
		for _, p := range pairs[:n] {
			entities = append(entities, question{"Question", p[0], answer{"Answer", p[1]}})
			e, err := r.faqEntity(p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, e)
		}
		want, err := jsonLD(map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "inLanguage": "ru", "mainEntity": entities})
		if err != nil {
			t.Fatal(err)
		}
		got, err := faqJSONLD("ru", parts)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%d questions: got\n%s\nwant\n%s", n, got, want)
		}
	}
}
