package main

import (
	"strings"
	"testing"
	"time"
)

// TestLintTargetRow checks the row of the lint target: printed for the
// 10,000-course size only, met under a second of wall time, missed at or
// over it.
func TestLintTargetRow(t *testing.T) {
	if got := targets([]row{{courses: 1000, lint: 100 * time.Millisecond}}); got != "" {
		t.Errorf("1,000 courses: %q, want no target row", got)
	}
	got := targets([]row{{courses: 10000, lint: 800 * time.Millisecond, lintCPU: 1500 * time.Millisecond}})
	if want := "| lint of 10,000 courses < 1 s | 800 ms (CPU 1.50 s) | met |\n"; !strings.HasSuffix(got, want) {
		t.Errorf("got %q, want a row %q", got, want)
	}
	got = targets([]row{{courses: 10000, lint: 2400 * time.Millisecond}})
	if want := "| lint of 10,000 courses < 1 s | 2.40 s | missed |\n"; !strings.HasSuffix(got, want) {
		t.Errorf("got %q, want a row %q", got, want)
	}
	cfg := benchConfig{runs: 3, outdir: "/tmp/x"}
	if table := table([]row{{courses: 10000, lint: 2400 * time.Millisecond}}, "", cfg); !strings.Contains(table, "| lint of 10,000 courses < 1 s |") {
		t.Errorf("the table has no target row:\n%s", table)
	}
}
