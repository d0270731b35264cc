package site

import (
	"testing"
	"time"
)

func TestSetEdition(t *testing.T) {
	d := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, in, want string }{
		{"edits the one line, keeping its comment",
			"# site\ntitle = \"S\"\nedition = 2026-11-01   # in force\n\n[seller]\nname = \"x\"\n",
			"# site\ntitle = \"S\"\nedition = 2026-12-15   # in force\n\n[seller]\nname = \"x\"\n"},
		{"adds a missing key after the last top-level key",
			"# site\ntitle = \"S\"\nlanguages = [\n  \"ru\",\n]\n\n# who\n[seller]\nedition = \"not this\"\n",
			"# site\ntitle = \"S\"\nlanguages = [\n  \"ru\",\n]\nedition = 2026-12-15                 # the contract edition in force (set by oferta freeze --date)\n\n# who\n[seller]\nedition = \"not this\"\n"},
		{"keeps CRLF", "title = \"S\"\r\nedition=2026-01-01\r\n", "title = \"S\"\r\nedition=2026-12-15\r\n"},
	} {
		if got := SetEdition(tc.in, d); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
