package main

import (
	"github.com/oferta-dev/oferta/generator/sitetest"

	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCalcSkipDeduction: a deduction that was not incurred for this
// client is not withheld (--skip-deduction NAME), and the calculation
// says so; a name the contract does not list is exit 2, naming the
// contract's deductions.
func TestCalcSkipDeduction(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	with := clientCalc(t, dir, "en/english-speaking-club", "--used", "3")
	without := clientCalc(t, dir, "en/english-speaking-club", "--used", "3", "--skip-deduction", "Placement test with a teacher")
	// (12000 - 1500) * 5/8 = 6562.50 with the test withheld; 12000 * 5/8 without.
	if with.Refund != "6562.50" || without.Refund != "7500.00" {
		t.Errorf("refund with the deduction %s (want 6562.50), skipped %s (want 7500.00)", with.Refund, without.Refund)
	}
	for _, s := range without.Steps {
		if s.Kind == "deduction" {
			t.Errorf("a skipped deduction is still a step: %+v", s)
		}
	}
	if len(without.SkippedDeductions) != 1 || len(without.Notes) != 1 || !strings.Contains(without.Notes[0], "Not withheld: Placement test with a teacher") {
		t.Errorf("skipped %v, notes %q", without.SkippedDeductions, without.Notes)
	}
	code, out, _ := run(t, "calc", "ru/english-speaking-club", "--used", "3", "--skip-deduction", "Тестирование уровня с преподавателем", "-s", dir)
	if code != 0 || !strings.Contains(out, "Не удерживается: Тестирование уровня с преподавателем") || strings.Contains(out, "Расход:") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
	code, _, stderr := run(t, "calc", "en/english-speaking-club", "--used", "3", "--skip-deduction", "Placement", "-s", dir)
	if code != 2 || !strings.Contains(stderr, `deduction "Placement" is not in the contract; its deductions: "Placement test with a teacher"`) {
		t.Errorf("unknown deduction: exit %d: %s", code, stderr)
	}
}

// TestCalcLateJoiner: a client who joined a group after N units were held
// has a course of the remaining units (--held-before N), as the contract's
// late-start clause says; the calculation names the units.
func TestCalcLateJoiner(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	got := clientCalc(t, dir, "en/english-speaking-club", "--used", "1", "--held-before", "3")
	// (12000 - 1500) * (5 - 1) / 5 = 8400: shared over the client's 5 lessons, not 8.
	if got.Refund != "8400.00" || got.Total != 5 || got.HeldBefore != 3 {
		t.Errorf("late joiner: %+v", got)
	}
	if len(got.Notes) != 1 || !strings.Contains(norm(got.Notes[0]), "3 of 8 lessons took place before payment; the calculation counts the remaining 5") {
		t.Errorf("notes %q", got.Notes)
	}
	// All of the client's units delivered: nothing is left to refund but
	// what the formula gives for a finished course.
	if end := clientCalc(t, dir, "en/english-speaking-club", "--used", "5", "--held-before", "3"); end.Refund != "0.00" {
		t.Errorf("late joiner at the end of the course: refund %s, want 0.00", end.Refund)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"en/english-speaking-club", "--used", "6", "--held-before", "3"}, "--used 6 is more than the client's course has: 5 lessons of 8, 3 held before the client paid"},
		{[]string{"en/english-speaking-club", "--used", "0", "--held-before", "8"}, "must be from 0 to 7"},
		{[]string{"en/english-speaking-club", "--used", "0", "--held-before", "-1"}, "--held-before must be 0 or more"},
		{[]string{"smm-mentoring", "--used", "0", "--held-before", "2"}, "--held-before is for a group course"},
	} {
		code, _, stderr := run(t, append([]string{"calc", "-s", dir}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

// TestCalcSaysWhichGuaranteeRule: on a course with a guarantee period,
// calc says which rule it applied — outside the period on a later day,
// and, without --day, that the day was not given (with a warning on
// standard error) rather than silently applying the general rule.
func TestCalcSaysWhichGuaranteeRule(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	code, out, stderr := run(t, "calc", "recorded-excel", "--used", "3", "-s", dir)
	if code != 0 || !strings.Contains(norm(out), "Расчёт без гарантийного периода (14 дней после начала курса): день обращения не указан.") || !strings.Contains(stderr, "without --day the refund is computed outside it") {
		t.Errorf("no --day: exit %d\n%s\nstderr: %s", code, out, stderr)
	}
	code, out, stderr = run(t, "calc", "recorded-excel", "--used", "3", "--day", "20", "-s", dir)
	if code != 0 || !strings.Contains(norm(out), "Обращение на 20-й день после начала курса, после гарантийного периода (14 дней): расчёт по общему правилу.") || stderr != "" {
		t.Errorf("--day 20: exit %d\n%s\nstderr: %s", code, out, stderr)
	}
	if in := clientCalc(t, dir, "recorded-excel", "--used", "3", "--day", "5"); !in.Guarantee || in.GuaranteeDays != 14 || len(in.Notes) != 0 {
		t.Errorf("--day 5: %+v", in)
	}
	if out := clientCalc(t, dir, "recorded-excel", "--used", "3"); out.Guarantee || out.GuaranteeDays != 14 || len(out.Notes) != 1 {
		t.Errorf("no --day, json: %+v", out)
	}
	// A course without a guarantee says nothing about one.
	code, out, stderr = run(t, "calc", "smm-mentoring", "--used", "3", "-s", dir)
	if code != 0 || strings.Contains(out, "гарантийн") || stderr != "" {
		t.Errorf("no guarantee: exit %d\n%s\n%s", code, out, stderr)
	}
}

type calcClientJSON struct {
	Refund            string
	Total             int
	Guarantee         bool
	GuaranteeDays     int      `json:"guarantee_days"`
	Notes             []string `json:"notes"`
	HeldBefore        int      `json:"held_before"`
	SkippedDeductions []string `json:"skipped_deductions"`
	Steps             []struct{ Kind, Label, Amount string }
}

func clientCalc(t *testing.T, dir string, args ...string) calcClientJSON {
	t.Helper()
	code, out, stderr := run(t, append([]string{"calc", "--format", "json", "-s", dir}, args...)...)
	if code != 0 {
		t.Fatalf("calc %v: exit %d: %s", args, code, stderr)
	}
	var got calcClientJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("calc %v: %v\n%s", args, err, out)
	}
	return got
}

// TestCalcHTMLPrintsNotes: the printable calculation carries the notes
// the text prints under its amounts (a late joiner, a cost not withheld,
// the guarantee period not applied), in the course's language: an
// accountant who files the document must see the same as the expert.
func TestCalcHTMLPrintsNotes(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	code, doc, stderr := run(t, "calc", "ru/english-speaking-club", "--used", "1", "--held-before", "3",
		"--skip-deduction", "Тестирование уровня с преподавателем", "--format", "html", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, text, _ := run(t, "calc", "ru/english-speaking-club", "--used", "1", "--held-before", "3",
		"--skip-deduction", "Тестирование уровня с преподавателем", "-s", dir)
	for _, want := range []string{"в расчёте — оставшиеся 5", "Не удерживается: Тестирование уровня с преподавателем"} {
		if !strings.Contains(norm(text), want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
		if !strings.Contains(norm(doc), `<p class="calc-note">`) || !strings.Contains(norm(doc), want) {
			t.Errorf("html lacks the note %q", want)
		}
	}
	de := filepath.Join(repoRoot, "examples", "de") // read only: calc writes nothing
	code, doc, stderr = run(t, "calc", "aussprache", "--used", "1", "--format", "html", "-s", de)
	if code != 0 {
		t.Fatalf("de: exit %d: %s", code, stderr)
	}
	if want := "Berechnet ohne die Erstattungsgarantie (innerhalb von 14 Tagen ab Kursbeginn)"; !strings.Contains(norm(doc), want) {
		t.Errorf("de html lacks %q", want)
	}
}
