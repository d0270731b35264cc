package pos

import (
	"testing"
)

func TestTOMLErrorColumnsAndKeys(t *testing.T) {
	type course struct {
		Title    string `toml:"title"`
		Duration struct {
			Unit  string `toml:"unit"`
			Count int    `toml:"count"`
		} `toml:"duration"`
	}
	for _, tc := range []struct {
		name, src string
		offset    int
		want      string
	}{
		// x is byte 20 of the line and rune 16: "Курс" is 8 bytes, 4 runes.
		{"syntax", `title = "Курс" x` + "\n", 0, "c.toml:1:16: expected newline but got U+0078 'x'"},
		{"syntax below front matter", `title = "Курс" x` + "\n", 1, "c.toml:2:16: expected newline but got U+0078 'x'"},
		// The library names the first byte of ё; the message names ё.
		{"multi-byte character", `title = "Курс" ё` + "\n", 0, "c.toml:1:16: expected newline but got U+0451 'ё'"},
		{"unknown key", "title = \"Курс\"\n[duration]\nunit = \"неделя\"\n\"ещё\" = 1\n", 0, `c.toml:4:1: unknown key "duration.\"ещё\""`},
		// Inside an inline table the library names the key from there on.
		{"unknown key inline", "title = \"Курс\"\nduration = { unit = \"неделя\", extra = 1 }\n", 0, `c.toml:2:31: unknown key "extra"`},
		{"unknown table", "title = \"Курс\"\n[\"прочее\"]\na = 1\n", 0, `c.toml:2:2: unknown key "\"прочее\""`},
		{"wrong type", "title = \"Курс\"\nduration = { unit = \"неделя\", count = \"много\" }\n", 0, "c.toml:2:39: a whole number is expected here, not a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c course
			err := DecodeTOML("c.toml", tc.src, tc.offset, &c)
			if err == nil {
				t.Fatal("decoded without an error")
			}
			l := Errors(err)
			if got := l[0].Error(); len(got) < len(tc.want) || got[:len(tc.want)] != tc.want {
				t.Errorf("got %q, want it to start with %q", got, tc.want)
			}
		})
	}
}
