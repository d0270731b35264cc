package contract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// TestEscapeMarkdown renders escaped text with goldmark and checks that
// it shows exactly as typed.
func TestEscapeMarkdown(t *testing.T) {
	for _, in := range []string{
		"<script>alert(1)</script> *x*",
		"[link](javascript:alert(1))",
		"# not a heading",
		"1. not a list",
		"`code` _em_ __strong__ ~~del~~ | table |",
		"hello@school.example & Co; 5 > 3",
		"line one\nline two",
	} {
		var b bytes.Buffer
		if err := goldmark.New().Convert([]byte(escapeMarkdown(in)), &b); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSpace(b.String())
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>")
		want := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;", "\n", " ").Replace(in)
		if got != want {
			t.Errorf("%q renders as %q, want %q", in, got, want)
		}
	}
}

// TestEscapeMarkdownInParts: escapeMarkdown changes each byte by itself,
// so a text may be escaped in parts (templateData escapes URLs so).
func TestEscapeMarkdownInParts(t *testing.T) {
	for _, s := range []string{"https://example.org/", "en/smm_2/", "a\nb*c", "курс/"} {
		for i := 0; i <= len(s); i++ {
			if got, want := escapeMarkdown(s[:i])+escapeMarkdown(s[i:]), escapeMarkdown(s); got != want {
				t.Errorf("%q split at %d: %q, want %q", s, i, got, want)
			}
		}
	}
	if got := escapeMarkdown("oferta/"); got != `oferta\/` {
		t.Errorf("oferta/ escapes to %q", got)
	}
}
