package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestCalculatorMatchesCalc types into the in-browser calculator of every
// example course and checks that it shows exactly the amounts `oferta calc
// --format json` gives, for every `used` from 0 to the course's total, and
// for a partial payment and a guarantee day, the same amount in words, and
// the same breakdown, line by line, in the words `oferta calc` prints.
func TestCalculatorMatchesCalc(t *testing.T) {
	ctx := chrometest.New(t, 4*time.Minute)
	dir := sitetest.ExampleSite(t)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer srv.Close()

	courses := []struct {
		slug, page string
		total      int
		guarantee  bool
	}{
		{"smm-mentoring", "/smm-mentoring/faq/", 8, false},
		{"group-copywriting", "/group-copywriting/faq/", 6, false},
		{"recorded-excel", "/recorded-excel/faq/", 24, true},
		{"ru/english-speaking-club", "/english-speaking-club/faq/", 8, false},
		{"en/english-speaking-club", "/en/english-speaking-club/faq/", 8, false},
	}
	checked := 0
	for _, c := range courses {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.page), chromedp.WaitVisible(chromedp.CSS("#calculator"))); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		form, err := chromedp.Run(ctx, chromedp.Attributes(chromedp.CSS("#oferta-calc")))
		if err != nil {
			t.Fatal(err)
		}
		price := form["data-price"]
		type request struct{ used, paid, day string }
		var requests []request
		for used := 0; used <= c.total; used++ {
			requests = append(requests, request{used: strconv.Itoa(used)})
		}
		// A partial payment, typed with a decimal comma as a client would.
		requests = append(requests, request{used: "1", paid: "3333,33"}, request{used: strconv.Itoa(c.total / 2), paid: "1000"})
		if c.guarantee {
			requests = append(requests, request{used: "5", day: "3"}, request{used: "5", day: "14"}, request{used: "5", day: "15"})
		}
		for _, r := range requests {
			args := []string{"calc", c.slug, "--used", r.used, "--format", "json", "-s", dir}
			if r.paid != "" {
				args = append(args, "--paid", r.paid)
			}
			if r.day != "" {
				args = append(args, "--day", r.day)
			}
			code, out, stderr := run(t, args...)
			if code != 0 {
				t.Fatalf("oferta %v: exit %d: %s", args, code, stderr)
			}
			var want struct {
				Refund      string
				RefundWords string `json:"refund_words"`
			}
			if err := json.Unmarshal([]byte(out), &want); err != nil {
				t.Fatal(err)
			}
			paid := r.paid
			if paid == "" {
				paid = price // the field's default
			}
			steps := []chromedp.Action[chromedp.Void]{typeInto("#calc-used", r.used), typeInto("#calc-paid", paid)}
			if c.guarantee {
				steps = append(steps, typeInto("#calc-day", r.day))
			}
			if err := chromedp.Do(ctx, steps...); err != nil {
				t.Fatalf("%s %+v: %v", c.slug, r, err)
			}
			// The browser may hand the keystrokes to the page after the
			// typing action returned: wait, up to a few seconds, for the
			// result to settle on the expected amount, then compare.
			settled := fmt.Sprintf("document.querySelector('#oferta-calc-result').dataset.amount === %q", want.Refund)
			_, _ = chromedp.Run(ctx, chromedp.Poll[bool](settled, chromedp.WithPollingTimeout(3*time.Second)))
			res, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#oferta-calc-result"), "data-amount"))
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Value; got != want.Refund {
				t.Errorf("%s used=%s paid=%q day=%q: the calculator shows %q, oferta calc gives %q", c.slug, r.used, r.paid, r.day, got, want.Refund)
			}
			words, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#calc-result-words-text")))
			if err != nil {
				t.Fatal(err)
			}
			if want.RefundWords == "" || words != want.RefundWords {
				t.Errorf("%s used=%s paid=%q day=%q: the calculator writes %q in words, oferta calc %q", c.slug, r.used, r.paid, r.day, words, want.RefundWords)
			}
			// The breakdown: the lines `oferta calc` prints, label and
			// signed amount, in the same order and words.
			text := append([]string{}, args...)
			text[slices.Index(text, "json")] = "text"
			code, out, stderr = run(t, text...)
			if code != 0 {
				t.Fatalf("oferta %v: exit %d: %s", text, code, stderr)
			}
			wantSteps := calcTextSteps(out)
			gotSteps, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#calc-steps-body tr")).map((tr) => tr.querySelector("th").textContent + " | " + tr.querySelector("td").textContent)`))
			if err != nil {
				t.Fatal(err)
			}
			hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("calc-steps").hidden`))
			if err != nil {
				t.Fatal(err)
			}
			if len(wantSteps) < 2 || hidden || !slices.Equal(gotSteps, wantSteps) {
				t.Errorf("%s used=%s paid=%q day=%q: the calculator shows the steps (hidden %v)\n  %s\noferta calc prints\n  %s",
					c.slug, r.used, r.paid, r.day, hidden, strings.Join(gotSteps, "\n  "), strings.Join(wantSteps, "\n  "))
			}
			checked++
		}
	}
	t.Logf("compared %d amounts and their steps", checked)
}

// calcTextSteps returns the lines of the breakdown `oferta calc` prints,
// as "label | amount": the lines between the heading and the amount in
// words, without the rule above the result.
func calcTextSteps(out string) []string {
	line := regexp.MustCompile(`^(.*\S) {2,}(\S.*)$`)
	var steps []string
	for _, ln := range strings.Split(out, "\n") {
		if strings.HasPrefix(ln, "─") {
			continue
		}
		if m := line.FindStringSubmatch(ln); m != nil {
			steps = append(steps, m[1]+" | "+m[2])
		}
	}
	return steps
}

// typeInto clears an input and types text into it, as a person would; an
// empty text leaves the field empty (the default: the price, no day).
func typeInto(sel, text string) chromedp.Action[chromedp.Void] {
	css := chromedp.CSS(sel)
	if text == "" {
		// Type and erase a character so the page sees an input event with
		// the field empty.
		text = "0\b"
	}
	clear := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](fmt.Sprintf("(document.querySelector(%q).value = '') === ''", sel))(ctx, t)
		return err
	})
	return chromedp.Steps(clear, chromedp.Focus(css), chromedp.SendKeys(css, text))
}
