package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// norm writes no-break and narrow no-break spaces (money, dates) as
// spaces, for comparisons.
func norm(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }

// calcJSONOut is what the editions tests read of `calc --format json`.
type calcJSONOut struct {
	Refund     string `json:"refund"`
	Policy     string `json:"policy"`
	Paid       string `json:"paid"`
	Edition    string `json:"edition"`
	EditionURL string `json:"edition_url"`
}

func calcOut(t *testing.T, dir string, args ...string) calcJSONOut {
	t.Helper()
	args = append([]string{"calc", "smm-mentoring", "--used", "3", "--format", "json", "-s", dir}, args...)
	code, out, stderr := run(t, args...)
	if code != 0 {
		t.Fatalf("oferta %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	var res calcJSONOut
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return res
}

// The example school's editions, recorded in editions/ and copied into
// each test's site by exampleSiteWithEditions; the expectations below
// follow from their recorded terms, which never change once frozen
// (checkRecordedTerms says so before any number is compared):
//
//   - 2026-09-01: the contract text only, frozen before oferta recorded
//     refund terms, so nothing can be computed under it;
//   - 2026-11-01: smm-mentoring at 80 000 under prorata, a 3 % bank fee
//     and the old formula (the fee taken after the share of unused weeks);
//   - 2026-12-01: the same price and policy, no bank fee and the new
//     formula (deductions first, then the share of unused weeks).
//
// The tests run on 2026-12-10 (OFERTA_TODAY) and freeze a fourth edition
// of that date.
const (
	paidOnToday = "2026-12-10"
	// 3 of 8 weeks used; 2026-11-01: 80 000 · 5/8 − 3 % of 80 000.
	refundNov = "47600.00"
	// 2026-12-01: (80 000 − 0) · 5/8 − 0 % of 80 000.
	refundDec = "50000.00"
	// The edition of the test: flat at 96 000, no fee: 96 000 − 0.
	refundNew = "96000.00"
)

// checkRecordedTerms checks that the frozen terms of the school's
// editions are what the expectations above assume.
func checkRecordedTerms(t *testing.T, dir string) {
	t.Helper()
	for _, c := range []struct {
		edition string
		wants   []string
	}{
		{"2026-11-01", []string{`price = "80000"`, `policy = "refund.policy.prorata"`, `bank_fee_percent = "3"`,
			`formula = "max(0, paid * (total - used) / total - paid * (bank_fee + retention) - deductions)"`}},
		{"2026-12-01", []string{`price = "80000"`, `policy = "refund.policy.prorata"`, `bank_fee_percent = "0"`,
			`formula = "max(0, (paid - deductions) * (total - used) / total - paid * (bank_fee + retention))"`}},
	} {
		terms, err := os.ReadFile(filepath.Join(dir, "editions", c.edition, "ru", "smm-mentoring.toml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.wants {
			if !strings.Contains(string(terms), want) {
				t.Fatalf("the recorded terms of %s lack %s: the expectations of this test assume them:\n%s", c.edition, want, terms)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "editions", "2026-09-01", "ru", "smm-mentoring.toml")); err == nil {
		t.Fatal("the 2026-09-01 edition has recorded terms: the tests assume it has the text only")
	}
}

// priceAndPolicyChange takes the example school with its editions, lets
// freeze record the edition in force (2026-12-01) afresh, then raises the
// SMM course's price to 96 000 and moves it from the prorata to the flat
// policy, and freezes that as the edition of date with the one command
// lint names.
func priceAndPolicyChange(t *testing.T, date string) string {
	t.Helper()
	dir := exampleSiteWithEditions(t)
	checkRecordedTerms(t, dir)
	// freeze records the edition in force, its terms beside its text,
	// exactly as the school's editions/ holds it.
	if err := os.RemoveAll(filepath.Join(dir, "editions", "2026-12-01")); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := run(t, "freeze", "-s", dir); code != 0 || !strings.Contains(out, "editions/2026-12-01/ru/smm-mentoring.toml") {
		t.Fatalf("first freeze: exit %d: %s%s", code, out, stderr)
	}
	terms, err := os.ReadFile(filepath.Join(dir, "editions", "2026-12-01", "ru", "smm-mentoring.toml"))
	if err != nil {
		t.Fatal("freeze wrote no terms file beside the text: ", err)
	}
	for _, want := range []string{`price = "80000"`, `policy = "refund.policy.prorata"`, `bank_fee_percent = "0"`, "review_days = 10", `duration = { unit = "week", count = 8 }`, "formula = "} {
		if !strings.Contains(string(terms), want) {
			t.Errorf("the terms file lacks %s:\n%s", want, terms)
		}
	}
	if recorded, _ := os.ReadFile(filepath.Join(repoRoot, "editions", "2026-12-01", "ru", "smm-mentoring.toml")); string(recorded) != string(terms) {
		t.Errorf("freeze wrote terms that differ from the school's editions/2026-12-01:\n%s", terms)
	}
	course := filepath.Join(dir, "content", "smm-mentoring.toml")
	src, _ := os.ReadFile(course)
	sitetest.WriteFile(t, course, replaceLine(replaceLine(string(src), "price", "price = 96000"), "policy", `policy = "flat"`))

	// Lint names the one command to run; running it is the whole
	// workflow: one edit, one command.
	code, out, _ := run(t, "lint", "-s", dir)
	cmd := "oferta freeze --date " + date
	if code != 1 || !strings.Contains(out, "[edition/stale]") || !strings.Contains(out, cmd) {
		t.Fatalf("lint after the change: exit %d, want 1 with edition/stale naming %q:\n%s", code, cmd, out)
	}
	args := append(strings.Fields(cmd)[1:], "-s", dir)
	if code, out, stderr := run(t, args...); code != 0 {
		t.Fatalf("%s: exit %d: %s%s", cmd, code, out, stderr)
	}
	if code, out, _ := run(t, "lint", "-s", dir); code != 0 {
		t.Fatalf("lint after %s: exit %d:\n%s", cmd, code, out)
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, "oferta.toml"))
	if !strings.Contains(string(cfg), "edition = "+date+"\n") || !strings.Contains(string(cfg), "# The example school.") {
		t.Errorf("oferta.toml after %s:\n%s", cmd, cfg)
	}
	terms, err = os.ReadFile(filepath.Join(dir, "editions", date, "ru", "smm-mentoring.toml"))
	if err != nil || !strings.Contains(string(terms), `price = "96000"`) || !strings.Contains(string(terms), `policy = "refund.policy.flat"`) {
		t.Errorf("the terms of %s: %v\n%s", date, err, terms)
	}
	return dir
}

// TestPaidOnPicksTheEdition: freeze, change the price and the policy,
// freeze again; a refund for a payment is computed under the recorded
// formula and numbers of the edition in force on the day of payment —
// 2026-11-01 (3 % fee, old formula), 2026-12-01 (no fee, new formula) or
// the test's own — and every format names the edition.
func TestPaidOnPicksTheEdition(t *testing.T) {
	t.Setenv("OFERTA_TODAY", paidOnToday)
	dir := priceAndPolicyChange(t, paidOnToday)

	url := func(edition string) string { return "https://school.example/smm-mentoring/oferta/" + edition + "/" }
	for _, c := range []struct{ paidOn, refund, policy, paid, edition string }{
		{"2026-11-05", refundNov, "refund.policy.prorata", "80000.00", "2026-11-01"},
		{"2026-11-30", refundNov, "refund.policy.prorata", "80000.00", "2026-11-01"},
		{"2026-12-01", refundDec, "refund.policy.prorata", "80000.00", "2026-12-01"},
		{"2026-12-09", refundDec, "refund.policy.prorata", "80000.00", "2026-12-01"},
		{paidOnToday, refundNew, "refund.policy.flat", "96000.00", paidOnToday},
	} {
		got := calcOut(t, dir, "--paid-on", c.paidOn)
		want := calcJSONOut{Refund: c.refund, Policy: c.policy, Paid: c.paid, Edition: c.edition, EditionURL: url(c.edition)}
		if got != want {
			t.Errorf("paid on %s: %+v, want %+v", c.paidOn, got, want)
		}
	}
	// Each edition's own formula: the club deducts a placement test of
	// 1 500 from 12 000 paid (editions/*/en/english-speaking-club.toml).
	// 2026-11-01 takes it after the share of unused lessons and the 3 %
	// fee: 12 000 · 5/8 − 360 − 1 500; 2026-12-01 takes it first:
	// (12 000 − 1 500) · 5/8.
	for paidOn, want := range map[string]string{"2026-11-05": "5640.00", "2026-12-05": "6562.50"} {
		code, out, stderr := run(t, "calc", "en/english-speaking-club", "--used", "3", "--paid-on", paidOn, "--format", "json", "-s", dir)
		var got calcJSONOut
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Refund != want {
			t.Errorf("en/english-speaking-club paid on %s: exit %d, %+v, want %s: %s", paidOn, code, got, want, stderr)
		}
	}
	if today, after := calcOut(t, dir), calcOut(t, dir, "--paid-on", paidOnToday); today != after {
		t.Errorf("without --paid-on: %+v, want the edition in force today, %+v", today, after)
	}
	// Text and the printable document name the edition too.
	if _, out, _ := run(t, "calc", "smm-mentoring", "--used", "3", "--paid-on", "2026-11-05", "-s", dir); !strings.Contains(norm(out), "Редакция договора: от 1 ноября 2026 г., "+url("2026-11-01")) || !strings.Contains(norm(out), "47 600,00") {
		t.Errorf("text output does not name the 2026-11-01 edition:\n%s", out)
	}
	if _, out, _ := run(t, "calc", "smm-mentoring", "--used", "3", "--paid-on", "2026-12-05", "-s", dir); !strings.Contains(norm(out), "Редакция договора: от 1 декабря 2026 г., "+url("2026-12-01")) || !strings.Contains(norm(out), "50 000,00") {
		t.Errorf("text output does not name the 2026-12-01 edition:\n%s", out)
	}
	if _, out, _ := run(t, "calc", "smm-mentoring", "--used", "3", "--paid-on", "2026-11-05", "--format", "html", "-s", dir); !strings.Contains(out, `href="`+url("2026-11-01")+`"`) || !strings.Contains(out, `datetime="2026-11-01"`) || !strings.Contains(norm(out), "80 000,00") {
		t.Errorf("the calculation document does not state the 2026-11-01 edition")
	}
	for _, c := range []struct{ date, want string }{
		{"2026-08-31", "before the first edition of smm-mentoring's contract (2026-09-01)"},
		{"2026-12-24", "after today"},
		{"31.10.2026", "not a date"},
	} {
		if code, _, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "--paid-on", c.date, "-s", dir); code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("--paid-on %s: exit %d, want 2 with %q: %s", c.date, code, c.want, stderr)
		}
	}

	// The statement: every edition a client may have paid under, each with
	// its permanent address, picked by the date of payment; the printed
	// form leaves the edition blank.
	tree := mustBuild(t, dir)
	st := norm(tree["smm-mentoring/refund/index.html"])
	for _, want := range []string{
		`<option value="2026-12-10" data-date="10 декабря 2026 г." data-url="` + url("2026-12-10") + `">`,
		`<option value="2026-12-01" data-date="1 декабря 2026 г." data-url="` + url("2026-12-01") + `">`,
		`<option value="2026-11-01" data-date="1 ноября 2026 г." data-url="` + url("2026-11-01") + `">`,
		`<option value="2026-09-01" data-date="1 сентября 2026 г." data-url="` + url("2026-09-01") + `">`,
		`id="st-edition" name="edition" type="text" value=""`,
	} {
		if !strings.Contains(st, want) {
			t.Errorf("the statement lacks %s", want)
		}
	}
	// Every edition, the one in force included, at its permanent address.
	for _, p := range []string{"smm-mentoring/oferta/2026-11-01/index.html", "smm-mentoring/oferta/2026-12-01/index.html",
		"smm-mentoring/oferta/2026-12-10/index.html", "smm-mentoring/oferta/2026-12-10/smm-mentoring.md"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	frozen, _ := os.ReadFile(filepath.Join(dir, "editions", "2026-12-10", "ru", "smm-mentoring.md"))
	if tree["smm-mentoring/oferta/2026-12-10/smm-mentoring.md"] != string(frozen) {
		t.Error("the published edition file differs from the frozen one")
	}
	if !strings.Contains(tree["smm-mentoring/oferta/index.html"], `href="../../smm-mentoring/oferta/2026-12-10/"`) {
		t.Error("the contract does not link its permanent address")
	}
	if !strings.Contains(norm(tree["smm-mentoring/faq/index.html"]), `<a href="../../smm-mentoring/oferta/2026-12-10/"><time datetime="2026-12-10">`) {
		t.Error("the FAQ does not link the edition its calculator follows")
	}
}

// TestPaidOnWithoutRecordedTerms: an edition frozen with its text only
// (before oferta recorded terms, as the school's 2026-09-01) cannot be
// computed under; calc says so, and the site still shows its text.
func TestPaidOnWithoutRecordedTerms(t *testing.T) {
	t.Setenv("OFERTA_TODAY", paidOnToday)
	dir := exampleSiteWithEditions(t)
	checkRecordedTerms(t, dir)
	code, _, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "--paid-on", "2026-10-15", "-s", dir)
	if code != 2 || !strings.Contains(stderr, "frozen before oferta recorded refund terms") || !strings.Contains(stderr, "editions/2026-09-01/ru/smm-mentoring.md") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if tree := mustBuild(t, dir); tree["smm-mentoring/oferta/2026-09-01/index.html"] == "" {
		t.Error("no page for the edition without terms")
	}
}

// TestScheduledEdition: an edition dated after today is coming: the
// contract in force stays at <slug>/oferta/ until its day, in build and in
// serve alike, and is in force from that day on.
func TestScheduledEdition(t *testing.T) {
	t.Setenv("OFERTA_TODAY", paidOnToday)
	dir := priceAndPolicyChange(t, paidOnToday)
	// Schedule a third edition: the price goes up again on 15 December.
	course := filepath.Join(dir, "content", "smm-mentoring.toml")
	src, _ := os.ReadFile(course)
	sitetest.WriteFile(t, course, replaceLine(string(src), "price", "price = 99000"))
	if code, out, stderr := run(t, "freeze", "--date", "2026-12-15", "-s", dir); code != 0 || !strings.Contains(out, "scheduled") {
		t.Fatalf("freeze --date 2026-12-15: exit %d: %s%s", code, out, stderr)
	}
	const inForce, coming = "96 000,00", "99 000,00"
	check := func(when string, page func(string) string) {
		t.Helper()
		contract := page("smm-mentoring/oferta/")
		scheduled := page("smm-mentoring/oferta/2026-12-15/")
		switch when {
		case "before":
			if !strings.Contains(contract, inForce) || strings.Contains(contract, coming) {
				t.Errorf("before 15 December the contract is not the one in force (%s)", inForce)
			}
			if !strings.Contains(contract, `<time datetime="2026-12-15">15 декабря 2026 г.</time>`) || !strings.Contains(contract, "вступает в силу") {
				t.Error("the contract does not show the coming edition with its date")
			}
			if !strings.Contains(scheduled, "Эта редакция договора вступает в силу") || !strings.Contains(scheduled, coming) {
				t.Error("the scheduled edition's page is not marked as coming")
			}
			if !strings.Contains(page("smm-mentoring/faq/"), "96 000,00") {
				t.Error("the FAQ table does not compute under the edition in force")
			}
		case "after":
			if !strings.Contains(contract, coming) || strings.Contains(contract, "вступает в силу") {
				t.Error("from 15 December the scheduled edition is not in force")
			}
			if strings.Contains(scheduled, "Эта редакция договора вступает в силу") {
				t.Error("the edition of 15 December is still marked as coming on its day")
			}
		}
	}
	fromTree := func(tree map[string]string) func(string) string {
		return func(p string) string { return norm(tree[p+"index.html"]) }
	}
	check("before", fromTree(mustBuild(t, dir)))
	check("before", serveTree(t, dir))
	if res := calcOut(t, dir); res.Edition != paidOnToday || res.Paid != "96000.00" {
		t.Errorf("calc today, before the scheduled edition: %+v", res)
	}
	t.Setenv("OFERTA_TODAY", "2026-12-15")
	check("after", fromTree(mustBuild(t, dir)))
	check("after", serveTree(t, dir))
	if res := calcOut(t, dir); res.Edition != "2026-12-15" || res.Paid != "99000.00" {
		t.Errorf("calc on the scheduled edition's day: %+v", res)
	}
}

// serveTree starts `oferta serve` on dir and returns a function that
// fetches a page from it; the server stops when the test ends.
func serveTree(t *testing.T, dir string) func(string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	exit := make(chan int, 1)
	go func() { exit <- Run(ctx, []string{"serve", "-s", dir, "--port", "0"}, &stdout, &stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-exit:
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	})
	urlPattern := regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/`)
	var base string
	for deadline := time.Now().Add(15 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		if m := urlPattern.FindString(stdout.String()); m != "" {
			base = m
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL:\n%s\n%s", stdout.String(), stderr.String())
		}
	}
	return func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Errorf("serve: GET /%s: %d", p, resp.StatusCode)
		}
		return norm(string(body))
	}
}

// TestStatementPicksEditionByPaymentDate types a date of payment into the
// refund statement in a browser: a payment before the price change names
// the earlier edition and its permanent address, a later one the edition
// in force, and a date before the first edition leaves the field blank.
func TestStatementPicksEditionByPaymentDate(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	t.Setenv("OFERTA_TODAY", paidOnToday)
	dir := priceAndPolicyChange(t, paidOnToday)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer srv.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/smm-mentoring/refund/"), chromedp.WaitVisible(chromedp.CSS("#st-paid-on"))); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ paid, edition, offer string }{
		{"05.11.2026", "1 ноября 2026 г.", "https://school.example/smm-mentoring/oferta/2026-11-01/"},
		{"2026-12-05", "1 декабря 2026 г.", "https://school.example/smm-mentoring/oferta/2026-12-01/"},
		{"2026-12-10", "10 декабря 2026 г.", "https://school.example/smm-mentoring/oferta/2026-12-10/"},
		// An edition without recorded terms is still the text the client
		// accepted.
		{"15.10.2026", "1 сентября 2026 г.", "https://school.example/smm-mentoring/oferta/2026-09-01/"},
		{"15.08.2026", "", "https://school.example/smm-mentoring/oferta/"},
	} {
		if err := chromedp.Do(ctx, typeInto("#st-paid-on", c.paid)); err != nil {
			t.Fatal(err)
		}
		settled := fmt.Sprintf("document.querySelector('#st-offer').value === %q", c.offer)
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](settled, chromedp.WithPollingTimeout(3*time.Second)))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string]("[document.querySelector('#st-edition').value, document.querySelector('#st-offer').value]"))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || norm(got[0]) != c.edition || got[1] != c.offer {
			t.Errorf("paid on %s: the statement names %q at %q, want %q at %q", c.paid, got[0], got[1], c.edition, c.offer)
		}
	}
}
