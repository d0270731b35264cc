package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// lintSite writes a minimal ru site with one course: refund holds extra
// lines for [refund] of oferta.toml, course extra lines for the course.
func lintSite(t *testing.T, refund, course string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(dir, "oferta.toml"), `title = "Test school"
base_url = "https://school.example/"
jurisdiction = "ru"
edition = 2026-11-01

[seller]
name = "ИП Соколова Марина Андреевна"
kind = "ip"
inn = "165538412749"
ogrn = "319169002845312"
address = "420111, Казань, ул. Учебная, 12"
email = "hello@school.example"

[refund]
review_days = 10
channel = "email"
`+refund)
	sitetest.WriteFile(t, filepath.Join(dir, "content", "course.toml"), `title = "Course"
format = "recorded"
price = 1000

[duration]
unit = "lesson"
count = 4
`+course)
	return dir
}

const (
	cleanRefund  = "payout_days = 10\n"
	feeRefund    = "payout_days = 10\nbank_fee_percent = 3\n"
	slowRefund   = "payout_days = 30\n"
	feeWarning   = "oferta.toml:18:1: warning: refund.bank_fee_percent = 3 withholds the payment fee from a refund [refund/bank-fee]\n"
	ignoreReason = "\n[lint]\nignore = [{ rule = \"refund/bank-fee\", reason = \"the processor's statement shows the fee it kept\" }]\n"
	ignoreBare   = "\n[lint]\nignore = [{ rule = \"refund/bank-fee\" }]\n"
)

func TestLintText(t *testing.T) {
	code, out, stderr := run(t, "lint", "-s", lintSite(t, cleanRefund, ""))
	if code != 0 || out != "" || stderr != "oferta lint: 0 errors, 0 warnings\n" {
		t.Errorf("clean site: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	dir := lintSite(t, feeRefund, "")
	code, out, stderr = run(t, "lint", "-s", dir)
	if want := filepath.Join(dir, "oferta.toml") + strings.TrimPrefix(feeWarning, "oferta.toml"); code != 0 || out != want {
		t.Errorf("warning: exit %d, stdout %q, want %q", code, out, want)
	}
	if !strings.HasSuffix(stderr, "oferta lint: 0 errors, 1 warning\n") {
		t.Errorf("summary: %q", stderr)
	}
	// --strict fails on the warning; flags after other flags and in any order.
	if code, _, stderr := run(t, "lint", "--strict", "-s", dir); code != 1 || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict: exit %d, %q", code, stderr)
	}
	// An error fails without --strict.
	code, out, _ = run(t, "lint", "-s", lintSite(t, slowRefund, ""))
	if code != 1 || !strings.Contains(out, "error: refund.payout_days = 30 is over the legal limit of 10 days under ru law [refund/payout-too-slow]") {
		t.Errorf("error: exit %d, %q", code, out)
	}
}

func TestLintExampleSchool(t *testing.T) {
	code, out, stderr := run(t, "lint", "-s", sitetest.ExampleSite(t))
	if code != 0 {
		t.Fatalf("the example school: exit %d\n%s%s", code, out, stderr)
	}
	if strings.Contains(out, ": error: ") {
		t.Errorf("the example school has errors:\n%s", out)
	}
}

func TestLintJSON(t *testing.T) {
	code, out, _ := run(t, "lint", "-s", lintSite(t, cleanRefund, ""), "--format", "json")
	if code != 0 || !strings.Contains(out, `"findings": []`) {
		t.Errorf("clean site: exit %d, %s", code, out)
	}
	code, out, _ = run(t, "lint", "--format=json", "-s", lintSite(t, slowRefund, ""))
	var got struct {
		Findings []struct {
			Rule, Severity, Message, File, Course string
			Line, Column                          int
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if code != 1 || got.Errors != 1 || got.Warnings != 0 || len(got.Findings) != 1 {
		t.Fatalf("exit %d, %s", code, out)
	}
	f := got.Findings[0]
	if f.Rule != "refund/payout-too-slow" || f.Severity != "error" || !strings.HasSuffix(f.File, "oferta.toml") || f.Line != 17 || f.Column != 1 || f.Course != "" {
		t.Errorf("finding %+v", f)
	}
}

func TestLintSARIF(t *testing.T) {
	dir := lintSite(t, slowRefund, "")
	file := filepath.Join(t.TempDir(), "oferta.sarif")
	code, out, stderr := run(t, "lint", "-s", dir, "--format", "sarif", "-o", file)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool    struct{ Driver struct{ Name string } }
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "oferta" || len(log.Runs[0].Results) != 1 {
		t.Fatalf("%s", data)
	}
	r := log.Runs[0].Results[0]
	loc := r.Locations[0].PhysicalLocation
	// Site-relative, whatever -s says.
	if r.RuleID != "refund/payout-too-slow" || r.Level != "error" || loc.ArtifactLocation.URI != "oferta.toml" || loc.Region.StartLine != 17 {
		t.Errorf("result %+v", r)
	}
}

func TestLintGitHub(t *testing.T) {
	dir := lintSite(t, feeRefund, "")
	code, out, _ := run(t, "lint", "-s", dir, "--format", "github")
	want := "::warning file=" + filepath.Join(dir, "oferta.toml") + ",line=18,col=1,title=refund/bank-fee::refund.bank_fee_percent = 3 withholds the payment fee from a refund\n"
	if code != 0 || out != want {
		t.Errorf("exit %d\ngot  %q\nwant %q", code, out, want)
	}
}

func TestLintSuppression(t *testing.T) {
	// With a reason the warning is gone.
	code, out, _ := run(t, "lint", "--strict", "-s", lintSite(t, feeRefund, ignoreReason))
	if code != 0 || out != "" {
		t.Errorf("ignore with a reason: exit %d, %q", code, out)
	}
	// Without one it suppresses nothing and is itself an error.
	code, out, _ = run(t, "lint", "-s", lintSite(t, feeRefund, ignoreBare))
	if code != 1 || !strings.Contains(out, "has no reason, so it suppresses nothing") || !strings.Contains(out, "[refund/bank-fee]") {
		t.Errorf("ignore without a reason: exit %d, %q", code, out)
	}
}

func TestLintExplain(t *testing.T) {
	code, out, _ := run(t, "lint", "--explain", "refund/bank-fee")
	if code != 0 || !strings.HasPrefix(out, "refund/bank-fee\n") || !strings.Contains(out, "ru: warning, eu: error, de: error, ro: error") || !strings.Contains(out, "Why:") || !strings.Contains(out, "Fix:") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, _, stderr := run(t, "lint", "--explain", "refund/waivr")
	if code != 2 || !strings.Contains(stderr, `did you mean "refund/waiver"?`) {
		t.Errorf("unknown rule: exit %d, %q", code, stderr)
	}
	// Every rule explains what it runs over, and shows an example that
	// fires and one that does not.
	for _, r := range lint.Rules {
		code, out, stderr := run(t, "lint", "--explain", r.Name)
		want := map[lint.Scope]string{lint.SiteScope: "Checks the site as a whole", lint.CourseScope: "Checks each course's contract on its own.", lint.SiteScope | lint.CourseScope: "and each course's contract."}[r.Scope]
		if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "\nFires: ") || !strings.Contains(out, "\nSilent: ") {
			t.Errorf("--explain %s: exit %d, stdout:\n%s\nstderr:\n%s", r.Name, code, out, stderr)
		}
	}
}

func TestLintBadInput(t *testing.T) {
	dir := lintSite(t, cleanRefund, "prise = 3\n")
	if code, _, stderr := run(t, "lint", "-s", dir); code != 2 || !strings.Contains(stderr, "course.toml:8:1: unknown key") {
		t.Errorf("unknown key: exit %d, %q", code, stderr)
	}
	dir = lintSite(t, cleanRefund, "")
	for _, args := range [][]string{
		{"lint", "-s", dir, "--format", "xml"},
		{"lint", "-s", dir, "stray"},
		{"lint", "--nope"},
		{"lint", "-s", filepath.Join(dir, "missing")},
	} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestBuildStopsOnLintErrors(t *testing.T) {
	dir := lintSite(t, slowRefund, "")
	code, out, stderr := run(t, "build", "-s", dir)
	if code != 1 || !strings.Contains(stderr, "[refund/payout-too-slow]") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("build: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("build with lint errors wrote public/: %v", err)
	}
	code, _, stderr = run(t, "build", "-q", "--draft", "-s", dir)
	if code != 0 {
		t.Fatalf("build --draft: exit %d, %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "course", "oferta", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "is-draft") {
		t.Errorf("the --draft contract is not marked as a draft")
	}
}
