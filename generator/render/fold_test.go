package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oferta-dev/oferta/generator/site"
)

// tCall matches a call of t with a string literal in a parse tree's text.
var tCall = regexp.MustCompile(`(\{\{|\(|\| )t "`)

func TestFoldLeavesNoLiteralCalls(t *testing.T) {
	theme := os.DirFS("../../themes/default")
	r := newRenderer(t, theme, "ru", "en")
	for name, lt := range r.theme.layouts {
		for _, tmpl := range lt.set.Templates() {
			if tmpl.Tree == nil {
				continue
			}
			if m := tCall.FindString(tmpl.Tree.Root.String()); m != "" {
				t.Errorf("%s: template %q still calls t with a literal: %s", name, tmpl.Name(), tmpl.Tree.Root.String())
			}
		}
	}
	// The same search finds the calls before folding.
	raw := unfolded(t, r, theme, "en", "refund")
	if n := len(tCall.FindAllString(raw.Lookup("main").Tree.Root.String(), -1)); n < 50 {
		t.Errorf("unfolded refund.html has %d calls of t with a literal, want at least 50", n)
	}
}

func TestFoldReportsMissingKeysAtNew(t *testing.T) {
	theme := tinyTheme(`{{define "base"}}<p>{{t "here"}}
<p>{{t "gone"}} {{block "main" .}}{{end}}{{end}}`,
		`{{define "main"}}{{t "absent"}}{{end}}`,
		`here = "x"`)
	_, err := New(sampleSite(t, theme, "en"))
	if err == nil {
		t.Fatal("New succeeded with keys missing from i18n/en.toml")
	}
	// Each key once: base.html is folded once, not once per kind.
	want := strings.Join([]string{
		`themes/default/layouts/base.html:2:8: themes/default/i18n/en.toml has no string "gone"`,
		`themes/default/layouts/calc.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/changes.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/contract.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/faq.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/index.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/refund.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/widget.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
		`themes/default/layouts/withdraw.html:1:22: themes/default/i18n/en.toml has no string "absent"`,
	}, "\n")
	if err.Error() != want {
		t.Errorf("New:\n%v\nwant:\n%s", err, want)
	}
}

// TestFoldEscapesInContext renders a UI string full of characters that
// need escaping into every kind of place, folded (and, where New can,
// inlined) and as a call of t.
func TestFoldEscapesInContext(t *testing.T) {
	theme := tinyTheme(`{{define "base"}}<title>{{t "s"}}</title>
<p title="{{t "s"}}" class={{t "s"}} lang='{{t "s"}}'>{{t "s"}}</p>
<a href="/q?v={{t "s"}}">{{t "url"}}</a><a href="{{t "url"}}">x</a>
<script>var a = {{t "s"}}, b = "{{t "s"}}";</script>
<!-- {{t "s"}} -->{{printf "%s!" (t "s")}} {{t "s" | printf "%q"}} {{with "url"}}{{t .}}{{end}}
{{end}}`, `{{define "main"}}{{end}}`,
		`s = "<b>\"Tom\" & 'Jerry' +1</b>"
url = "javascript:alert(1)"`)
	r := newRenderer(t, theme, "en")
	p := &Page{Kind: "index", Lang: "en"}
	got, err := r.page(p)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := unfolded(t, r, theme, "en", "index").ExecuteTemplate(&want, "base", p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("folded:\n%s\nunfolded:\n%s", got, want.Bytes())
	}
	// And the escaping is html/template's, by context.
	for _, s := range []string{
		`<title>&lt;b&gt;&#34;Tom&#34; &amp; &#39;Jerry&#39; &#43;1&lt;/b&gt;</title>`,
		`class=&lt;b&gt;&#34;Tom&#34;&#32;&amp;&#32;&#39;Jerry&#39;&#32;&#43;1&lt;/b&gt; lang='&lt;b&gt;&#34;Tom&#34; &amp; &#39;Jerry&#39; &#43;1&lt;/b&gt;'>`,
		`?v=%3cb%3e%22Tom%22%20%26%20%27Jerry%27%20%2b1%3c%2fb%3e"`,
		`<a href="#ZgotmplZ">`,
		`var a = "\u003cb\u003e\"Tom\" \u0026 'Jerry' +1\u003c/b\u003e"`,
		`b = "\u003cb\u003e\u0022Tom\u0022 \u0026 \u0027Jerry\u0027 \u002b1\u003c\/b\u003e"`,
	} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("page lacks %s:\n%s", s, got)
		}
	}
}

// TestFoldKeepsDefaultTheme renders every kind of page of the default
// theme, in both languages, as New makes them (folded and inlined) and
// unfolded. The golden test covers
// a built site; this also covers drafts, the calculation document and
// both jurisdictions' statements.
func TestFoldKeepsDefaultTheme(t *testing.T) {
	theme := os.DirFS("../../themes/default")
	r := newRenderer(t, theme, "ru", "en")
	for _, l := range []string{"ru", "en"} {
		for _, kind := range pageKinds {
			for _, j := range []string{"ru", "eu"} {
				for _, draft := range []bool{false, true} {
					name := fmt.Sprintf("%s/%s/%s/draft=%v", l, kind, j, draft)
					p := samplePage(kind, l, j, draft)
					got, err := r.page(p)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					var want bytes.Buffer
					if err := unfolded(t, r, theme, l, kind).ExecuteTemplate(&want, "base", p); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					wantPage := want.Bytes()
					if l != "ru" {
						wantPage = markCyrillic(wantPage) // as page does
					}
					if !bytes.Equal(got, wantPage) {
						t.Errorf("%s: folded page differs from unfolded:\n%s\nwant:\n%s", name, got, wantPage)
					}
				}
			}
		}
	}
}

func newRenderer(t *testing.T, theme fs.FS, langs ...string) *Renderer {
	t.Helper()
	r, err := New(sampleSite(t, theme, langs...))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sampleSite is a site of theme and languages, with nothing else the
// renderer reads. The theme's files are named themes/default/….
func sampleSite(tb testing.TB, theme fs.FS, langs ...string) *site.Site {
	tb.Helper()
	th, err := site.ReadTheme(theme, "themes/default/", langs)
	if err != nil {
		tb.Fatal(err)
	}
	return &site.Site{Config: &site.Config{Title: "Школа", Languages: langs, Theme: "default"}, Theme: th}
}

// unfolded parses a layout as New did before folding: every UI string
// is a call of t.
func unfolded(t *testing.T, r *Renderer, theme fs.FS, l, kind string) *template.Template {
	t.Helper()
	set := template.New("base").Funcs(r.theme.funcs(l))
	for _, tmpl := range []*template.Template{set, set.New(kind)} {
		src, err := fs.ReadFile(theme, "layouts/"+tmpl.Name()+".html")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tmpl.Parse(string(src)); err != nil {
			t.Fatal(err)
		}
	}
	return set
}

// tinyTheme is a theme of one base layout, one layout for every kind of
// page, and English strings.
func tinyTheme(base, page, strs string) fstest.MapFS {
	theme := fstest.MapFS{
		"layouts/base.html": {Data: []byte(base)},
		"i18n/en.toml":      {Data: []byte(withGoStrings(strs))},
	}
	for _, kind := range pageKinds {
		theme["layouts/"+kind+".html"] = &fstest.MapFile{Data: []byte(page)}
	}
	return theme
}

// samplePage is a page of kind with every view the layouts read filled in.
func samplePage(kind, l, jurisdiction string, draft bool) *Page {
	course := &CourseView{
		Slug: "smm", Title: "SMM <pro> & co", Format: "group", FormatLabel: "Group course",
		Price: "80 000,00 ₽", PricePlain: "80000.00", Currency: "RUB", Duration: "8 weeks",
		Start: "1 May 2026", Includes: []string{"videos"}, ContractHref: "smm/oferta/",
		FAQHref: "smm/faq/", RefundHref: "smm/refund/", RefundSummary: "Pro rata.",
		ReviewDays: "10 days", PayoutDays: "10 days", Channel: "email a@b.c",
	}
	seller := SellerView{Name: "IP Ivanov", Kind: "ip", INN: "123", OGRN: "456", VATID: "DE1",
		Register: "Reg", Address: "Moscow", Email: "a@b.c", Phone: "+7 900"}
	p := &Page{
		Kind: kind, Lang: l, Root: "../../", Path: "smm/" + kind + "/", Title: "Title & more",
		Canonical: "https://example.com/smm/", Draft: draft,
		Site: &SiteView{Title: "School", BaseURL: "https://example.com/", Jurisdiction: jurisdiction,
			Languages: []string{"ru", "en"}, Edition: "1 May 2026", EditionISO: "2026-05-01", Seller: seller},
		Course:  course,
		Courses: []*CourseView{course},
		Contract: &ContractView{
			Sections: []SectionView{{Number: "1", Title: "Terms", Anchor: "s-terms",
				Clauses: []ClauseView{{Number: "1.1", ID: "terms.a", Anchor: "c-terms-a", Title: "A", Body: "<p>Body</p>"}}},
				{Number: "2", Title: "Requisites", Anchor: "s-requisites"}},
			Edition: "1 May 2026", EditionISO: "2026-05-01",
			Superseded: draft, SupersededSince: "1 June 2026", SupersededSinceISO: "2026-06-01",
			Editions: []EditionLink{{Date: "1 Jan 2026", DateISO: "2026-01-01", Href: "smm/oferta/2026-01-01/"}},
		},
		FAQ: &FAQView{
			Items:  []FAQItem{{Anchor: "q1", Question: "How?", Answer: "<p>So.</p>"}},
			JSONLD: `{"@type":"FAQPage"}`,
			Table: &RefundTable{UnitHeader: "Delivered (weeks)", GuaranteeNote: "Guarantee.",
				Rows: []RefundRow{{Used: 0, UsedLabel: "0 of 8", Amount: "80 000,00 ₽", AmountPlain: "80000.00"}}},
			Example:    "For example.",
			Calculator: &CalculatorView{Model: `{"total":8}`, Total: 8, Unit: "weeks", Price: "80000.00", GuaranteeDays: 14},
		},
		Statement: &StatementView{OfferURL: "https://example.com/smm/oferta/", Edition: "1 May 2026",
			ReviewDays: "10 days", PayoutDays: "10 days", Channel: "email", Jurisdiction: jurisdiction,
			Grounds: []GroundView{{Kind: "withdrawal", Clause: "7.1"}, {Kind: "defect", Details: true}}, Currency: "RUB", Digits: 2},
		ChangesHref: "smm/oferta/changes/",
		Changes: &ChangesView{Steps: []ChangeStep{{From: "1 Jan", To: "1 May", FromISO: "2026-01-01", ToISO: "2026-05-01",
			FromHref: "smm/oferta/2026-01-01/", ToHref: "smm/oferta/",
			Changes: []ChangeView{
				{Kind: "changed", Title: "A", OldNumber: "1.1", NewNumber: "1.2", Words: []WordView{{Op: "=", Text: "a "}, {Op: "-", Text: "b"}, {Op: "+", Text: "c"}}},
				{Kind: "added", Title: "B", NewNumber: "2.1"},
				{Kind: "removed", Title: "C", OldNumber: "3.1"},
				{Kind: "moved", Title: "D", OldNumber: "4.1", NewNumber: "4.2"},
			}}}},
		Alternates: []Alternate{{Lang: "en", Href: "../../en/"}},
	}
	if kind == "calc" {
		p.Calc = &CalcView{Used: "3 of 8", Day: "5", Paid: "80 000,00 ₽", Refund: "50 000,00 ₽", RefundPlain: "50000.00",
			Guarantee: draft, FormulaText: "price * (total - used) / total", PolicyTitle: "Refunds", PolicyRef: "6.7",
			Lines:      []CalcLineView{{Kind: "paid", Label: "Paid", Amount: "80 000,00 ₽"}, {Kind: "result", Label: "Refund", Amount: "50 000,00 ₽", Total: true}},
			Deductions: []CalcLineView{{Kind: "deduction", Label: "Books", Amount: "1 000,00 ₽"}},
			InlineCSS:  "body{color:red}"}
	}
	return p
}

// withGoStrings adds to strs every string of goStrings it lacks, each
// with its arguments: the strings Go reads that a test's theme does not
// care about.
func withGoStrings(strs string) string {
	var b strings.Builder
	b.WriteString(strs + "\n")
	for _, g := range goStrings {
		if strings.Contains(strs, "\n"+g.key+" =") || strings.HasPrefix(strs, g.key+" =") {
			continue
		}
		v := g.key
		for _, a := range g.args {
			v += " {" + a + "}"
		}
		fmt.Fprintf(&b, "%s = %q\n", g.key, v)
	}
	return b.String()
}
