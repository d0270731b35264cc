package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/site"
)

func readConfig(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "oferta.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// new site writes the address it is given; without one, and with nobody
// at a terminal (as in every test), it writes the marked placeholder and
// says so, and asks no question.
func TestNewSiteBaseURL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a")
	code, _, stderr := run(t, "new", "site", dir, "--base-url", "https://anna.example/courses")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if cfg := readConfig(t, dir); !strings.Contains(cfg, `base_url = "https://anna.example/courses/"`) || strings.Contains(cfg, site.SampleBaseURL) {
		t.Errorf("--base-url not written:\n%s", cfg)
	}
	checked := mustBuild(t, dir)
	if !strings.Contains(checked["first-course/refund/index.html"], "https://anna.example/courses/first-course/oferta/") {
		t.Error("the statement does not quote the contract's full address")
	}

	dir = filepath.Join(t.TempDir(), "b")
	code, out, stderr := run(t, "new", "site", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cfg := readConfig(t, dir)
	if !strings.Contains(cfg, `base_url = "`+site.SampleBaseURL+`"`) || !strings.Contains(cfg, "REPLACE the placeholder below") {
		t.Errorf("no marked placeholder:\n%s", cfg)
	}
	if !strings.Contains(out, "base_url is a placeholder") || strings.Contains(out, "(Enter to fill it in later)") {
		t.Errorf("stdout: %q", out)
	}

	for _, bad := range []string{"school.example", "ftp://school.example/", "https://", "https://a.example/?x=1"} {
		code, _, stderr := run(t, "new", "site", filepath.Join(t.TempDir(), "c"), "--base-url", bad)
		if code != 2 || !strings.Contains(stderr, "not a site address") {
			t.Errorf("--base-url %q: exit %d, stderr %q", bad, code, stderr)
		}
	}
}

// At a terminal, new site asks for the address: a bad answer is asked
// again, an empty one leaves the placeholder.
func TestNewSiteAsksForBaseURL(t *testing.T) {
	for _, tc := range []struct{ answers, want string }{
		{"school.example\nhttps://school.example\n", `base_url = "https://school.example/"`},
		{"\n", `base_url = "` + site.SampleBaseURL + `"`},
		{"", `base_url = "` + site.SampleBaseURL + `"`}, // end of input
	} {
		dir := filepath.Join(t.TempDir(), "s")
		var out, errb bytes.Buffer
		ctx := withTerminal(context.Background(), strings.NewReader(tc.answers))
		if code := Run(ctx, []string{"new", "site", dir}, &out, &errb); code != 0 {
			t.Fatalf("%q: exit %d: %s", tc.answers, code, errb.String())
		}
		if !strings.Contains(out.String(), "(base_url)") {
			t.Errorf("%q: no question asked: %s", tc.answers, out.String())
		}
		if cfg := readConfig(t, dir); !strings.Contains(cfg, tc.want) {
			t.Errorf("%q: oferta.toml lacks %s:\n%s", tc.answers, tc.want, cfg)
		}
	}
}
