package site

import (
	"github.com/oferta-dev/oferta/generator/sitetest"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestColumnsAreRunes loads course files with Cyrillic text before a
// mistake on the same line and checks that every kind of error (a syntax
// error the TOML library finds, a limit, a wrong value) names the rune
// column an editor shows, not the byte column: "Курс" is 4 runes and 8
// bytes.
func TestColumnsAreRunes(t *testing.T) {
	cases := []struct {
		name, course, want string
	}{
		// The TOML library points at x, at byte 20 of the line (with
		// BurntSushi/toml, main reported byte 19, the blank before it).
		{"syntax error", `title = "Курс" x` + "\n", "content/c.toml:1:16: expected newline but got U+0078 'x'"},
		{"limit", `title = "Курс"` + "\nx = [\"Курс\", " + strings.Repeat("[", 40) + "\n", "content/c.toml:2:45: values are nested more than 32 levels deep"},
		{"wrong value", `title = "Курс"` + "\nduration = { note = \"неделя\", unit = \"week\", count = \"много\" }\n", "content/c.toml:2:54: duration.count must be a whole number"},
		{"unknown key", `title = "Курс"` + "\nduration = { unit = \"week\", \"единица\" = \"неделя\", count = 4, extra = 1 }\n", `content/c.toml:2:62: unknown key "duration.extra"`},
	}
	builtin := Builtin{Clauses: os.DirFS("../../clauses"), Theme: os.DirFS("../../themes/default")}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			sitetest.CopyFile(t, "../../oferta.toml", filepath.Join(dir, "oferta.toml"))
			course := tc.course + "format = \"recorded\"\nprice = 1000\n"
			if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "content", "c.toml"), []byte(course), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(dir, builtin)
			if err == nil {
				t.Fatal("loaded without an error")
			}
			for _, e := range Errors(err) {
				if strings.Contains(e.Error(), tc.want) {
					return
				}
			}
			t.Errorf("got\n%v\nwant an error containing %q", err, tc.want)
		})
	}
}
