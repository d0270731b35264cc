package render

import (
	"strings"
	"testing"
)

// TestGoStringsMissingAtNew: a theme whose strings lack one that Go reads,
// or give it a wrong {argument}, fails New with the file and the key.
func TestGoStringsMissingAtNew(t *testing.T) {
	strs := withGoStrings("") // every key, then two spoilt below
	strs = strings.Replace(strs, "\npage_title_faq = ", "\nnot_page_title_faq = ", 1)
	strs = strings.Replace(strs, `table_used_of = "table_used_of {used} {total}"`, `table_used_of = "{used} of {all}"`, 1)
	theme := tinyTheme(`{{define "base"}}{{block "main" .}}{{end}}{{end}}`, `{{define "main"}}{{end}}`, "")
	theme["i18n/en.toml"].Data = []byte(strs)
	_, err := New(sampleSite(t, theme, "en"))
	if err == nil {
		t.Fatal("New succeeded with page_title_faq missing")
	}
	for _, want := range []string{
		`themes/default/i18n/en.toml: no string "page_title_faq", which oferta prints on pages`,
		`themes/default/i18n/en.toml: UI string "table_used_of": {all} is not an argument here; this text takes {used}, {total}`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("New:\n%v\nwant a line:\n%s", err, want)
		}
	}
}
