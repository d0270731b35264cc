package site

import (
	"strings"
	"testing"
)

const euConfig = `title = "T"
languages = ["en"]
jurisdiction = "eu"
currency = "EUR"
edition = 2026-11-01

[seller]
name = "S"
kind = "company"
email = "s@example.org"
`

// TestDecodeWithdrawal: [withdrawal] endpoint is read strictly, with the
// position of a bad value and of an unknown key.
func TestDecodeWithdrawal(t *testing.T) {
	for _, tc := range []struct {
		extra, err string
		endpoint   string
		function   bool
	}{
		{extra: "", function: true},
		{extra: "[withdrawal]\nendpoint = \"https://forms.example/f/1\"\n", endpoint: "https://forms.example/f/1", function: true},
		{extra: "[withdrawal]\nendpoint = \"mailto:s@example.org\"\n", err: "oferta.toml:13:1: withdrawal.endpoint \"mailto:s@example.org\" must be the address of a form service"},
		{extra: "[withdrawal]\nendpiont = \"https://forms.example/f/1\"\n", err: "oferta.toml:13:1: unknown key \"withdrawal.endpiont\""},
	} {
		c, err := decodeConfig("oferta.toml", euConfig+"\n"+tc.extra)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.extra, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.extra, err)
		}
		if c.Withdrawal.Endpoint != tc.endpoint || c.HasWithdrawalFunction() != tc.function {
			t.Errorf("%q: endpoint %q, function %v", tc.extra, c.Withdrawal.Endpoint, c.HasWithdrawalFunction())
		}
	}
	c, err := decodeConfig("oferta.toml", strings.Replace(euConfig, `email = "s@example.org"`, "", 1))
	if err != nil {
		t.Fatal(err)
	}
	if c.HasWithdrawalFunction() {
		t.Error("a function without an endpoint or an e-mail address")
	}
}
