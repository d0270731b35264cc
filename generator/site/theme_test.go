package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// useTheme sets theme = name in the site's oferta.toml.
func useTheme(t *testing.T, dir, name string) {
	t.Helper()
	cfg := filepath.Join(dir, "oferta.toml")
	sitetest.WriteFile(t, cfg, "theme = \""+name+"\"\n"+sitetest.ReadFile(t, cfg))
}

// A site's theme replaces the built-in theme's files one by one; each
// file keeps the path it came from, for messages.
func TestThemeLayersFiles(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	useTheme(t, dir, "custom")
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/layouts/faq.html"), `{{define "main"}}own{{end}}`)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/i18n/en.toml"), "faq_title = \"Questions\"\n")
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/assets/style.css"), "body{}\n")
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/assets/extra.css"), "p{}\n")
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/assets/.DS_Store"), "x")
	s, err := loadSoon(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	th := s.Theme
	if th.Dir != "themes/custom" {
		t.Errorf("Dir = %q", th.Dir)
	}
	if f := th.Layouts["faq"]; f.File != "themes/custom/layouts/faq.html" || string(f.Data) != `{{define "main"}}own{{end}}` {
		t.Errorf("faq layout: %s %q", f.File, f.Data)
	}
	if f := th.Layouts["base"]; f.File != "builtin:themes/default/layouts/base.html" || len(f.Data) == 0 {
		t.Errorf("base layout: %s, %d bytes", f.File, len(f.Data))
	}
	if en := th.Strings["en"]; en.File != "themes/custom/i18n/en.toml" || en.Strings["faq_title"] != "Questions" || len(en.Strings) != 1 {
		t.Errorf("en strings: %s %v", en.File, en.Strings)
	}
	if ru := th.Strings["ru"]; ru.File != "builtin:themes/default/i18n/ru.toml" || len(ru.Strings) < 50 {
		t.Errorf("ru strings: %s, %d strings", ru.File, len(ru.Strings))
	}
	if _, ok := th.Strings["de"]; ok {
		t.Error("strings loaded for a language the site does not have")
	}
	var paths []string
	for i, a := range th.Assets {
		paths = append(paths, a.Path)
		if i > 0 && th.Assets[i-1].Path >= a.Path {
			t.Errorf("assets not sorted: %s before %s", th.Assets[i-1].Path, a.Path)
		}
	}
	if f, ok := th.Asset("assets/style.css"); !ok || f.File != "themes/custom/assets/style.css" || string(f.Data) != "body{}\n" {
		t.Errorf("style.css: %s %q", f.File, f.Data)
	}
	if f, ok := th.Asset("assets/faq.js"); !ok || f.File != "builtin:themes/default/assets/faq.js" {
		t.Errorf("faq.js, from the built-in theme: %s %v", f.File, ok)
	}
	if _, ok := th.Asset("assets/extra.css"); !ok {
		t.Errorf("no assets/extra.css among %v", paths)
	}
	if _, ok := th.Asset("assets/.DS_Store"); ok {
		t.Error("a hidden file is an asset")
	}

	again, err := loadSoon(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !th.Equal(again.Theme) {
		t.Error("two loads of the same files are not Equal")
	}
	sitetest.WriteFile(t, filepath.Join(dir, "themes/custom/assets/extra.css"), "p{color:red}\n")
	changed, err := loadSoon(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if th.Equal(changed.Theme) {
		t.Error("a changed asset is Equal")
	}
}

// A strings file that does not decode is reported at its line and rune
// column (where the TOML library places the error: after "нет", which
// is column 16 in bytes).
func TestThemeStringsErrorPosition(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/i18n/ru.toml"), "a = \"ок\"\n\"б\" = \"нет\" x\n")
	_, err := loadSoon(t, dir)
	wantError(t, err, "themes/default/i18n/ru.toml", "")
	for _, e := range Errors(err) {
		if e.File == "themes/default/i18n/ru.toml" && (e.Line != 2 || e.Col != 12 || strings.Contains(e.Err.Error(), "line 2")) {
			t.Errorf("got %v, want themes/default/i18n/ru.toml:2:12 without the line in the message", e)
		}
	}
}

// A language without UI strings is reported at its entry in oferta.toml.
func TestThemeWithoutStringsOfALanguage(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.Replace(t, filepath.Join(dir, "oferta.toml"), `languages = ["ru", "en"]`, `languages = ["ru", "en", "xx"]`)
	_, err := loadSoon(t, dir)
	wantError(t, err, "oferta.toml", `the theme "default" has no UI strings for language "xx": add themes/default/i18n/xx.toml`)
}
