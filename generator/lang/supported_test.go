package lang_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/spell"
)

// TestSupportedHaveLibraryAndTheme: the languages of the tables
// (generator/lang/data/), of the built-in clause library (clauses/<lang>/
// with its sections.toml and phrases.toml) and of the default theme's UI
// strings (themes/default/i18n/<lang>.toml) are the same, so that
// `languages = ["de"]` builds and no table promises a language nobody can
// build. The amount-in-words tables name no other language either.
func TestSupportedHaveLibraryAndTheme(t *testing.T) {
	for _, l := range lang.Supported {
		for _, f := range []string{"sections.toml", site.PhrasesFile} {
			if _, err := fs.Stat(oferta.Clauses(), l+"/"+f); err != nil {
				t.Errorf("%s: the tables have it, the built-in clause library has no clauses/%s/%s: %v", l, l, f, err)
			}
		}
		if _, err := fs.Stat(oferta.Theme(), "i18n/"+l+".toml"); err != nil {
			t.Errorf("%s: the tables have it, the theme has no UI strings (themes/default/i18n/%s.toml): %v", l, l, err)
		}
	}
	dirs, err := fs.ReadDir(oferta.Clauses(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() && !slices.Contains(lang.Supported, d.Name()) {
			t.Errorf("clauses/%s: a library without tables: add generator/lang/data/%s.toml", d.Name(), d.Name())
		}
	}
	strs, err := fs.Glob(oferta.Theme(), "i18n/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strs {
		l := strings.TrimSuffix(strings.TrimPrefix(f, "i18n/"), ".toml")
		if !slices.Contains(lang.Supported, l) {
			t.Errorf("themes/default/%s: UI strings without tables: add generator/lang/data/%s.toml", f, l)
		}
	}
	for _, l := range spell.Languages() {
		if !slices.Contains(lang.Supported, l) {
			t.Errorf("spell has words for %q, which has no tables, library or theme", l)
		}
	}
}
