package render

import (
	"regexp"
	"testing"
)

func TestNoBreak(t *testing.T) {
	const nb = "\u00a0"
	for in, want := range map[string]string{
		"Наставничество по SMM: 8 недель": "Наставничество по SMM: 8" + nb + "недель",
		"ул. Учебная, д. 12, офис 3":      "ул. Учебная, д." + nb + "12, офис" + nb + "3",
		"80 000 ₽":            "80" + nb + "000" + nb + "₽",
		"№ 5, 15 %":           "№" + nb + "5, 15" + nb + "%",
		"Excel для аналитики": "Excel для аналитики",
		"8 8 8":               "8" + nb + "8" + nb + "8",
	} {
		if got := noBreak(in); got != want {
			t.Errorf("noBreak(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkCyrillic(t *testing.T) {
	for in, want := range map[string]string{
		`<p>Address: 420111, Республика Татарстан, офис 3</p>`: `<p>Address: <span lang="ru">420111, Республика Татарстан, офис 3</span></p>`,
		`<p>marked “income” («возврат прихода», Law</p>`:       `<p>marked “income” (<span lang="ru">«возврат прихода»</span>, Law</p>`,
		`<a title="Школа">Seller&#39;s Школа</a>`:              `<a title="Школа">Seller&#39;s <span lang="ru">Школа</span></a>`,
		`<title>Школа</title><script>"Школа"</script>`:         `<title>Школа</title><script>"Школа"</script>`,
		`<p>No Russian here.</p>`:                              `<p>No Russian here.</p>`,
	} {
		if got := string(markCyrillic([]byte(in))); got != want {
			t.Errorf("markCyrillic(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}

// TestNoBreakMatchesRegexp: noBreak joins exactly where the two regular
// expressions it replaced did (applied twice, for overlapping pairs), on
// every string of up to five parts drawn from a set of numbers, words,
// signs and separators.
func TestNoBreakMatchesRegexp(t *testing.T) {
	after := regexp.MustCompile(`(\d) ([\p{L}₽€$%№\d])`)
	before := regexp.MustCompile(`(\p{L}\.?|№) (\d)`)
	old := func(s string) string {
		for range 2 {
			s = after.ReplaceAllString(s, "$1\u00a0$2")
			s = before.ReplaceAllString(s, "$1\u00a0$2")
		}
		return s
	}
	parts := []string{"8", "000", "недель", "д.", "офис", "₽", "%", "№", ":", "—", "SMM", " ", "  ", ", ", "x."}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		if got, want := noBreak(s), old(s); got != want {
			t.Fatalf("noBreak(%q) = %q, the regular expressions gave %q", s, got, want)
		}
		if depth == 4 {
			return
		}
		for _, p := range parts {
			walk(s+" "+p, depth+1)
		}
	}
	walk("", 0)
}

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   int
	}{
		{`a</SCRIPT>`, `</script`, 1},
		{`<a></script>`, `</script`, 3},
		{`</scrip`, `</script`, -1},
		{`no end`, `</style`, -1},
	} {
		if got := indexFold([]byte(tc.s), []byte(tc.sub)); got != tc.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tc.s, tc.sub, got, tc.want)
		}
	}
}
