package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// The statement offers every ground the law gives — withdrawal, defect and
// a missed deadline — citing the contract's clause for each, in Russian
// and in English, and has a line for the amount claimed in words.
func TestStatementGroundsAndWords(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	pub := mustBuild(t, dir)
	nb := "\u00a0"
	pages := map[string][]string{
		"smm-mentoring/refund/index.html": {
			`value="withdrawal"`, "ст. 32 Закона РФ «О защите прав потребителей», ст. 782 ГК РФ",
			`value="defect"`, "(ст. 29 Закона РФ «О защите прав потребителей»)",
			`value="deadline"`, "Исполнитель нарушил сроки оказания услуги", "(п. 1 ст. 28 Закона РФ «О защите прав потребителей»)", "Какой срок нарушен",
			"См. п." + nb + "6.3 договора.",
			`id="st-amount-words"`, "Сумма прописью", `data-currency="RUB"`, `data-digits="2"`, `data-lang="ru"`, "assets/words.js",
		},
		"en/english-speaking-club/refund/index.html": {
			`value="withdrawal"`, "Article 32 of the Russian Consumer Protection Law",
			`value="defect"`, "(Article 29 of the Russian Consumer Protection Law)",
			`value="deadline"`, "The seller missed the deadline", "(Article 28(1) of the Russian Consumer Protection Law)",
			"See clause" + nb,
			`id="st-amount-words"`, "Amount in words", `data-lang="en"`,
		},
	}
	for page, wants := range pages {
		for _, w := range wants {
			if !strings.Contains(pub[page], w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	if !strings.Contains(pub["assets/words.js"], "OfertaWords.langs = {") {
		t.Error("assets/words.js is missing or has no tables")
	}
}

// Typing an amount into the statement writes it in words, as `oferta calc`
// writes the same amount. The amount typed is calc's refund for the
// course, written the way a client might type it (so the test follows the
// school's numbers, whatever they are).
func TestStatementAmountInWords(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer srv.Close()
	cases := []struct {
		page, course, used string
		typed              func(refund string) string // refund as calc's JSON writes it: "8662.50"
	}{
		// Thousands grouped by a space, no kopecks when there are none.
		{"/smm-mentoring/refund/", "smm-mentoring", "3", typedGrouped},
		// A decimal comma, a trailing zero left off: "8662,5".
		{"/recorded-excel/refund/", "recorded-excel", "3", func(r string) string {
			return strings.TrimSuffix(strings.TrimSuffix(strings.Replace(r, ".", ",", 1), "0"), ",")
		}},
		// As calc prints it.
		{"/en/english-speaking-club/refund/", "en/english-speaking-club", "3", func(r string) string { return r }},
	}
	for _, c := range cases {
		code, out, stderr := run(t, "calc", c.course, "--used", c.used, "--format", "json", "-s", dir)
		if code != 0 {
			t.Fatalf("calc: exit %d: %s", code, stderr)
		}
		var want struct {
			Refund      string `json:"refund"`
			RefundWords string `json:"refund_words"`
		}
		if err := json.Unmarshal([]byte(out), &want); err != nil || want.RefundWords == "" {
			t.Fatalf("calc json: %v %s", err, out)
		}
		typed := c.typed(want.Refund)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.page), chromedp.WaitVisible(chromedp.CSS("#st-amount")), typeInto("#st-amount", typed)); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		js := "document.querySelector('#st-amount-words').textContent"
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf("%s === %q", js, want.RefundWords), chromedp.WithPollingTimeout(3*time.Second)))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		if got != want.RefundWords {
			t.Errorf("%s: typed %q, the page writes %q; oferta calc writes %q", c.page, typed, got, want.RefundWords)
		}
	}
}

// typedGrouped writes "50000.00" as "50 000" and "8662.50" as "8 662,50".
func typedGrouped(refund string) string {
	whole, frac, _ := strings.Cut(refund, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	if strings.Trim(frac, "0") != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// TestStatementAmountInWordsDeRo is TestStatementAmountInWords for the
// German and Romanian sister sites: the statement writes the amount the
// client types in words in the page's language, as oferta calc does.
func TestStatementAmountInWordsDeRo(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	for _, c := range []struct {
		lang, course, used, typed string
	}{
		{"de", "deutsch-b1", "4", "953,33"},
		{"ro", "engleza-b1", "3", "1610"},
	} {
		dir := t.TempDir()
		sitetest.CopyFile(t, filepath.Join(repoRoot, "examples", c.lang, "oferta.toml"), filepath.Join(dir, "oferta.toml"))
		sitetest.CopyTree(t, filepath.Join(repoRoot, "examples", c.lang, "content"), filepath.Join(dir, "content"))
		mustBuild(t, dir)
		srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
		code, out, stderr := run(t, "calc", c.course, "--used", c.used, "--format", "json", "-s", dir)
		if code != 0 {
			srv.Close()
			t.Fatalf("calc: exit %d: %s", code, stderr)
		}
		var want struct {
			RefundWords string `json:"refund_words"`
		}
		if err := json.Unmarshal([]byte(out), &want); err != nil || want.RefundWords == "" {
			srv.Close()
			t.Fatalf("calc json: %v %s", err, out)
		}
		page := "/" + c.course + "/refund/"
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page), chromedp.WaitVisible(chromedp.CSS("#st-amount")), typeInto("#st-amount", c.typed)); err != nil {
			srv.Close()
			t.Fatalf("%s %s: %v", c.lang, page, err)
		}
		js := "document.querySelector('#st-amount-words').textContent"
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf("%s === %q", js, want.RefundWords), chromedp.WithPollingTimeout(3*time.Second)))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got != want.RefundWords {
			t.Errorf("%s %s: typed %q, the page writes %q; oferta calc writes %q", c.lang, page, c.typed, got, want.RefundWords)
		}
	}
}
