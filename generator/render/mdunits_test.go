package render

import (
	"os"
	"testing"
)

// unitCases are texts of every shape markdownUnits meets or refuses.
var unitCases = []string{
	"Просто абзац.", "\n- **Исполнитель** — ИП.\n- **Клиент** — лицо.\n",
	"Абзац:\n- один;\n- два.\n\nЕщё абзац.", "- a\n\n- b", "- a\n\npara\n- b", "a\nb\n\nc", "- a\nlazy",
	"# Heading", "Title\n===", "a\n---", "---", "- - x", "-x", "* star\n* list", "1. one\n2. two", "text\n1. one",
	"[a]: /u\n\n[a]", "[link](http://x.y) and ![img](i.png)", "a **b** c", "**a**b", "a**b**", "**«a»**",
	"`code` and ~~del~~", "a | b\n--|--\n1 | 2", "a  \nb", "a\\\nb", "\\* not a list", "a\\:b\\,c \\x",
	"&amp; &copy; &#123;", `"quoted" 'single' <b>`, "    code", " one space", "- ", "-", "\n\n\n", "",
	"> quote", "a\n> quote", "***", "___", "_em_ *em*", "a\r\nb", "a\tb", "- a\n  continued", "+ plus",
	"text\n\n\n- a\n- b\n\n\ntext", "- a\n- b\n\n\n- c", "https://example.com", "a\n\n    code", "- --", "- * *", "- 1. x", "- - -", "- **a** b\n- *c*", "- # h", "- > q", "- ```", "- ***", "- 2024 год",
	"para\n* star", "para\n+ plus", "para\n---", "para\n===", "- a\n---", "- [x]: /u", "- a\n- b\n\n",
}

// TestMarkdownUnits compares markdownUnits with goldmark on unitCases,
// with and without raw HTML allowed.
func TestMarkdownUnits(t *testing.T) {
	for _, unsafe := range []bool{false, true} {
		s := sampleSite(t, os.DirFS("../../themes/default"), "ru", "en")
		s.Config.UnsafeHTML = unsafe
		r, err := New(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range unitCases {
			checkUnits(t, r, src)
		}
		// The units are kept: a second time reads them.
		for _, src := range unitCases {
			checkUnits(t, r, src)
		}
	}
}

func checkUnits(t *testing.T, r *Renderer, src string) {
	t.Helper()
	units, ok, whole, err := r.MarkdownBothWays(src)
	if err != nil {
		t.Fatal(err)
	}
	if ok && units != whole {
		t.Errorf("%q: by units\n%s\nwhole\n%s", src, units, whole)
	}
}

func FuzzMarkdownUnits(f *testing.F) {
	for _, src := range unitCases {
		f.Add(src)
	}
	r, err := New(sampleSite(f, os.DirFS("../../themes/default"), "ru", "en"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		units, ok, whole, err := r.MarkdownBothWays(src)
		if err != nil {
			return
		}
		if ok && units != whole {
			t.Errorf("%q: by units\n%s\nwhole\n%s", src, units, whole)
		}
	})
}
