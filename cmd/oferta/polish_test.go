package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

func TestCalcHelpHidesUnsetDefaults(t *testing.T) {
	code, _, stderr := run(t, "calc", "-h")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(stderr, "default -1") {
		t.Errorf("calc -h shows a default of -1:\n%s", stderr)
	}
	for _, want := range []string{"-used units", "-day days", "units of the course"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("calc -h lacks %q:\n%s", want, stderr)
		}
	}
	// Unset still means unset, and a given value is read.
	if code, _, stderr := run(t, "calc", "smm-mentoring", "-s", repoRoot); code != 2 || !strings.Contains(stderr, "--used is required") {
		t.Errorf("calc without --used: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "calc", "smm-mentoring", "--used", "x", "-s", repoRoot); code != 2 || !strings.Contains(stderr, `"x" is not a whole number`) {
		t.Errorf("calc --used x: exit %d, %s", code, stderr)
	}
}

func TestExplainSuggestsRuleByItsShortName(t *testing.T) {
	code, stdout, stderr := run(t, "lint", "--explain", "bank-fee")
	if code != 2 || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, `no rule "bank-fee"; did you mean "refund/bank-fee"?`) {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestSuggestRules(t *testing.T) {
	names := []string{"refund/bank-fee", "refund/waiver", "text/waiver", "formula/invalid", "template/invalid"}
	for _, c := range []struct{ in, want string }{
		{"bank-fee", `"refund/bank-fee"`},
		{"bank_fee", `"refund/bank-fee"`},
		{"refund/bank-fe", `"refund/bank-fee"`},
		{"lint/bank-fee", `"refund/bank-fee"`},
		{"waiver", `"refund/waiver" or "text/waiver"`},
		{"invalid", `"formula/invalid" or "template/invalid"`},
		{"something-else", ``},
	} {
		if got := orList(suggestRules(c.in, names)); got != c.want {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
	}
}

func TestNumberForStringSaysQuote(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	path := filepath.Join(dir, "oferta.toml")
	old, _ := os.ReadFile(path)
	sitetest.WriteFile(t, path, replaceLine(string(old), "inn", `inn = 500312345614`))
	code, _, stderr := run(t, "build", "-s", dir)
	want := `seller.inn must be a string, not an integer — put it in quotes: inn = "500312345614"`
	if code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %s", code, stderr, want)
	}
}

func TestShowProgress(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		name            string
		quiet, terminal bool
		getenv          func(string) string
		want            bool
	}{
		{"terminal", false, true, env(), true},
		{"terminal, CI=false", false, true, env("CI", "false"), true},
		{"pipe", false, false, env(), false},
		{"-q", true, true, env(), false},
		{"CI=true", false, true, env("CI", "true"), false},
		{"CI=1", false, true, env("CI", "1"), false},
		{"TERM=dumb", false, true, env("TERM", "dumb"), false},
	} {
		if got := showProgress(c.quiet, c.terminal, c.getenv); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
}

// fakeClock advances by step at every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestProgressLineRendering(t *testing.T) {
	var b bytes.Buffer
	p := newProgressLine(&b, fakeClock(time.Second))
	p.update(1, 3)
	p.update(2, 3)
	p.update(3, 3)
	p.clear()
	want := "\rbuilding: 1/3 courses\x1b[K\rbuilding: 2/3 courses\x1b[K\rbuilding: 3/3 courses\x1b[K\r\x1b[K"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
	// A short build draws nothing, not even the erasing.
	b.Reset()
	p = newProgressLine(&b, fakeClock(time.Millisecond))
	p.update(1, 2)
	p.update(2, 2)
	p.clear()
	if b.Len() != 0 {
		t.Errorf("a short build drew %q", b.String())
	}
	// Between redraws at least the interval passes, except the last.
	b.Reset()
	p = newProgressLine(&b, fakeClock(30*time.Millisecond))
	p.start = p.start.Add(-time.Hour)
	for i := 1; i <= 10; i++ {
		p.update(i, 10)
	}
	if n := strings.Count(b.String(), "\rbuilding"); n < 2 || n > 4 {
		t.Errorf("%d redraws of 10 updates 30 ms apart: %q", n, b.String())
	}
	if !strings.HasSuffix(b.String(), "10/10 courses\x1b[K") {
		t.Errorf("the last state is not drawn: %q", b.String())
	}
}

// TestBuildProgressOnTerminal builds with stderr taken for a terminal and
// a clock that makes every step slow.
func TestBuildProgressOnTerminal(t *testing.T) {
	build := func(ci string, args ...string) (string, string) {
		dir := sitetest.ExampleSite(t)
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, builtin: site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()},
			terminal: func(io.Writer) bool { return true }, now: fakeClock(time.Second),
			getenv: func(k string) string {
				if k == "CI" {
					return ci
				}
				return ""
			}}
		if code := runBuild(context.Background(), e, append([]string{"-s", dir}, args...)); code != 0 {
			t.Fatalf("build exited %d: %s", code, errb.String())
		}
		return out.String(), errb.String()
	}
	stdout, stderr := build("")
	if !strings.Contains(stderr, "\rbuilding: 1/") || !strings.HasSuffix(stderr, "\r\x1b[K") {
		t.Errorf("no progress line on a terminal: %q", stderr)
	}
	if !strings.HasPrefix(stdout, "built ") {
		t.Errorf("stdout: %q", stdout)
	}
	if _, stderr := build("true"); strings.Contains(stderr, "building:") {
		t.Errorf("progress with CI=true: %q", stderr)
	}
	if _, stderr := build("", "-q"); strings.Contains(stderr, "building:") {
		t.Errorf("progress with -q: %q", stderr)
	}
}

// TestLintSARIFToStdout: without -o, SARIF goes to standard output and
// nothing else does, so that `oferta lint --format sarif | reviewdog
// -f=sarif` reads a whole, valid log; the summary goes to stderr.
func TestLintSARIFToStdout(t *testing.T) {
	// A warning, so that the log has a result with a location.
	dir := sitetest.ExampleSite(t)
	path := filepath.Join(dir, "content", "smm-mentoring.toml")
	old, _ := os.ReadFile(path)
	sitetest.WriteFile(t, path, strings.Replace(string(old), "\n[refund]\n", "\n[refund]\nretention_percent = 5\n", 1))
	code, stdout, stderr := run(t, "lint", "-s", dir, "--format", "sarif")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("stdout is not one SARIF log: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Errorf("stdout holds more than the SARIF log")
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("unexpected log: %+v", log)
	}
	// reviewdog's filter compares these with the pull request's diff:
	// paths relative to the repository and a line.
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		if filepath.IsAbs(loc.ArtifactLocation.URI) || loc.ArtifactLocation.URI == "" || loc.Region.StartLine == 0 {
			t.Errorf("%s: location %+v", r.RuleID, loc)
		}
	}
	if !strings.Contains(stderr, "oferta lint: ") {
		t.Errorf("the summary is not on stderr: %q", stderr)
	}
}
