package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

func TestCalcText(t *testing.T) {
	dir := exampleSiteWithFee(t)
	code, out, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const nb = "\u00a0"
	for _, want := range []string{
		"Расчёт возврата: Наставничество по SMM: 8 недель",
		"Оплачено", "80" + nb + "000,00" + nb + "₽",
		"Пройдено 3" + nb + "недели из 8", "−30" + nb + "000,00" + nb + "₽",
		"Комиссия банка-эквайера, не более 3" + nb + "%", "−2" + nb + "400,00" + nb + "₽",
		"К возврату", "47" + nb + "600,00" + nb + "₽",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	// English courses answer in English; flags may come first.
	code, out, _ = run(t, "calc", "--used", "2", "-s", dir, "en/english-speaking-club", "--paid", "6000")
	if code != 0 || !strings.Contains(out, "Refund calculation") || !strings.Contains(out, "Cost: Placement test") {
		t.Errorf("English calc: exit %d\n%s", code, out)
	}
}

func TestCalcJSON(t *testing.T) {
	dir := exampleSiteWithFee(t)
	tests := []struct {
		args      []string
		refund    string
		paid      string
		guarantee bool
	}{
		{[]string{"smm-mentoring", "--used", "3"}, "47600.00", "80000.00", false},
		{[]string{"smm-mentoring", "--used", "0"}, "77600.00", "80000.00", false},
		{[]string{"smm-mentoring", "--used", "8"}, "0.00", "80000.00", false},
		// Half paid (instalments): the share and the fee follow the amount paid.
		{[]string{"smm-mentoring", "--used", "3", "--paid", "40000"}, "23800.00", "40000.00", false},
		// Inside the 14-day guarantee every policy refunds as flat.
		{[]string{"recorded-excel", "--used", "20", "--day", "14"}, "9603.00", "9900.00", true},
		{[]string{"recorded-excel", "--used", "20", "--day", "15"}, "1353.00", "9900.00", false},
		{[]string{"group-copywriting", "--used", "5"}, "34920.00", "36000.00", false},
		// The placement test is not in the prorated base: (12000 - 1500) * 5/8 - 360.
		{[]string{"en/english-speaking-club", "--used", "3"}, "6202.50", "12000.00", false},
	}
	for _, tt := range tests {
		args := append([]string{"calc", "--format", "json", "-s", dir}, tt.args...)
		code, out, stderr := run(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
			continue
		}
		var got struct {
			Course, Currency, Paid, Refund string
			Used, Total                    int
			Guarantee                      bool
			Steps                          []struct{ Label, Amount string }
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %v\n%s", tt.args, err, out)
		}
		if got.Refund != tt.refund || got.Paid != tt.paid || got.Guarantee != tt.guarantee || got.Currency != "RUB" || got.Course != strings.TrimPrefix(tt.args[0], "en/") {
			t.Errorf("%v: got %+v, want refund %s paid %s guarantee %v", tt.args, got, tt.refund, tt.paid, tt.guarantee)
		}
		if len(got.Steps) < 2 || got.Steps[len(got.Steps)-1].Amount != tt.refund {
			t.Errorf("%v: the last step is not the refund: %+v", tt.args, got.Steps)
		}
		if strings.Count(out, "\n") != 1 {
			t.Errorf("%v: want one JSON object on one line", tt.args)
		}
	}
}

func TestCalcHTML(t *testing.T) {
	dir := exampleSiteWithFee(t)
	code, out, stderr := run(t, "calc", "en/english-speaking-club", "--used", "2", "--format", "html", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`<html lang="en"`, "Refund calculation", "RUB\u00a07,515.00", "Placement test with a teacher", "INN&nbsp;165538412749", "<style>"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML document lacks %q", want)
		}
	}
	if strings.Contains(out, `rel="stylesheet"`) {
		t.Error("the standalone document links a stylesheet it does not come with")
	}
}

// TestCalcPaidAsTyped: --paid takes an amount as the FAQ calculator in
// the browser takes it, thousands grouped by spaces and a decimal comma.
func TestCalcPaidAsTyped(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	for typed, want := range map[string]string{"20 000": "20000.00", "40\u00a0000,50": "40000.50", "40,000.50": "40000.50", "20000": "20000.00"} {
		code, out, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "--paid", typed, "--format", "json", "-s", dir)
		if code != 0 {
			t.Errorf("--paid %q: exit %d: %s", typed, code, stderr)
			continue
		}
		var got struct{ Paid string }
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Paid != want {
			t.Errorf("--paid %q: paid %q, want %q", typed, got.Paid, want)
		}
	}
}

func TestCalcBadInput(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"smm-mentoring"}, "--used is required"},
		{[]string{"smm-mentoring", "--used", "9"}, "--used 9 is more than the course has"},
		{[]string{"smm-mentoring", "--used", "-1"}, "--used must be 0 or more"},
		{[]string{"smm-mentoring", "group-copywriting", "--used", "1"}, "one course at a time"},
		{[]string{"smm-mentoring", "--used", "x"}, "invalid value"},
		{[]string{"smm-mentoring", "--used", "1", "--paid", "-5"}, "--paid must be more than 0"},
		{[]string{"smm-mentoring", "--used", "1", "--paid", "0"}, "--paid must be more than 0"},
		{[]string{"smm-mentoring", "--used", "1", "--paid", "abc"}, "is not an amount"},
		{[]string{"smm-mentoring", "--used", "1", "--paid", "90000"}, "more than the price"},
		{[]string{"smm-mentoring", "--used", "1", "--paid", "100.0011"}, "more decimals than RUB allows"},
		{[]string{"smm-mentoring", "--used", "1", "--day", "-2"}, "--day must be 0 or more"},
		{[]string{"smm-mentorng", "--used", "1"}, `did you mean "smm-mentoring"?`},
		{[]string{"smm-mentoring", "--used", "1", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"--used", "1"}, "Usage"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, append([]string{"calc", "-s", dir}, tt.args...)...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2; stderr: %s", tt.args, code, stderr)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tt.args, tt.want, stderr)
		}
	}
}

// TestCalculatorHintFromOwnPrice: the FAQ calculator's "paid" field is
// prefilled with the page's decimal mark and its hint gives examples from
// the course's own price, never above it (the 9 900 ₽ course once showed
// «Например: 80000 или 80000,50»).
func TestCalculatorHintFromOwnPrice(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	tree := mustBuild(t, dir)
	for page, want := range map[string][]string{
		"recorded-excel/faq/index.html":              {`value="9900,00"`, "Например: 9900 или 4950,50."},
		"smm-mentoring/faq/index.html":               {`value="80000,00"`, "Например: 80000 или 40000,50."},
		"en/english-speaking-club/faq/index.html":    {`value="12000.00"`, "For example: 12000 or 6000.50."},
		"en/english-speaking-club/widget/index.html": {`value="12000.00"`, "For example: 12000 or 6000.50."},
	} {
		html, ok := tree[page]
		if !ok {
			t.Errorf("no %s", page)
			continue
		}
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
}
