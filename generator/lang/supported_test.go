package lang_test

import (
	"io/fs"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lang"
)

// TestSupportedHaveLibraryAndTheme: a language the tables promise must
// have a built-in clause library and the default theme's UI strings, so
// that `languages = ["de"]` builds.
func TestSupportedHaveLibraryAndTheme(t *testing.T) {
	for _, l := range lang.Supported {
		if _, err := fs.Stat(oferta.Clauses(), l+"/sections.toml"); err != nil {
			t.Errorf("%s: no built-in clause library (clauses/%s/sections.toml): %v", l, l, err)
		}
		if _, err := fs.Stat(oferta.Theme(), "i18n/"+l+".toml"); err != nil {
			t.Errorf("%s: no UI strings (themes/default/i18n/%s.toml): %v", l, l, err)
		}
	}
}
