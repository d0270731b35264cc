package site

import (
	"strings"
	"testing"
)

// TestStringGivenNumber: a number where a string belongs (an ИНН without
// quotes) is answered with the line to write instead.
func TestStringGivenNumber(t *testing.T) {
	src := strings.Replace(encodeTOML(t, fullDoc(ConfigKeys)), `inn = "text"`, `inn = 500312345614`, 1)
	_, err := decodeConfig("oferta.toml", src)
	want := `seller.inn must be a string, not an integer — put it in quotes: inn = "500312345614"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	src = strings.Replace(encodeTOML(t, fullDoc(ConfigKeys)), `phone = "text"`, `phone = 7.5`, 1)
	if _, err := decodeConfig("oferta.toml", src); err == nil || !strings.Contains(err.Error(), `not a decimal number — put it in quotes: phone = "7.5"`) {
		t.Fatalf("got %v", err)
	}
}

// TestDateKinds: a date is a TOML local date; a date with a time, with
// or without an offset, and a bare time are each answered by name.
func TestDateKinds(t *testing.T) {
	cases := map[string]string{
		"2026-11-01T10:00:00":       "edition must be a date without a time, like 2026-11-01",
		"2026-11-01T10:00:00+03:00": "edition must be a date without a time, like 2026-11-01",
		"10:00:00":                  "edition must be a date like 2026-11-01, not a time",
		"2026-11-01":                "",
	}
	for value, want := range cases {
		src := "title = \"School\"\nedition = " + value + "\n"
		c, err := decodeConfig("oferta.toml", src)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if want == "" {
			if strings.Contains(got, "edition") || c == nil || c.Edition.Format("2006-01-02") != "2026-11-01" {
				t.Errorf("edition = %s: %v", value, got)
			}
			continue
		}
		if !strings.Contains(got, "oferta.toml:2:") || !strings.Contains(got, want) {
			t.Errorf("edition = %s: got %v, want %q", value, got, want)
		}
	}
}
