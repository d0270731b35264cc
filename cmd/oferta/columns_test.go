package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestLintColumnsAreRunes checks that oferta lint names rune columns, the
// ones an editor shows, where Cyrillic text stands before the place on
// its line: in a finding of --format json, and in a syntax error of a
// course file (the TOML library counts bytes: main said 1:19).
func TestLintColumnsAreRunes(t *testing.T) {
	// The reason holds 15 Cyrillic runes (30 bytes): the rule of the
	// second ignore entry is at rune 72 of line 10 of the course file,
	// byte 87.
	ignore := "\n[lint]\nignore = [{ rule = \"refund/waiver\", reason = \"Причина, по-русски\" }, { rule = \"refund/bank-fee\" }]\n"
	code, out, stderr := run(t, "lint", "--format", "json", "-s", lintSite(t, feeRefund, ignore))
	if code != 1 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var report struct {
		Findings []struct {
			Rule, Message, File string
			Line, Column        int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, f := range report.Findings {
		if strings.Contains(f.Message, "has no reason") {
			found = true
			if f.Line != 10 || f.Column != 72 {
				t.Errorf("%s at %d:%d, want 10:72", f.Message, f.Line, f.Column)
			}
		}
	}
	if !found {
		t.Errorf("no finding of an ignore without a reason:\n%s", out)
	}

	dir := lintSite(t, cleanRefund, "note = \"Курс\" x\n")
	code, _, stderr = run(t, "lint", "--format", "json", "-s", dir)
	if want := filepath.Join("content", "course.toml") + ":8:15: expected newline"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("syntax error: exit %d, stderr %q, want %q", code, stderr, want)
	}
}
