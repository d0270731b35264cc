package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestStatementKeepsFieldsOnReload fills the Russian and the English
// statement, reloads the tab and expects every field back, the amount in
// words written again, and nothing in localStorage: the statement holds
// personal data, so it lives in the tab's sessionStorage only.
func TestStatementKeepsFieldsOnReload(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer srv.Close()
	for _, page := range []string{"/smm-mentoring/refund/", "/en/english-speaking-club/refund/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page), chromedp.WaitVisible(chromedp.CSS("#st-amount")),
			typeInto("#st-name", "Иванова Мария Петровна"),
			typeInto("#st-phone", "+7 900 000-00-00"),
			typeInto("#st-amount", "8 662,50"),
		); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		// A click as the page sees one (the radio may sit under its label).
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#st-pay-account').click(), true`)); err != nil {
			t.Fatal(err)
		}
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#st-amount-words').textContent !== ""`, chromedp.WithPollingTimeout(3*time.Second)))
		words, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#st-amount-words")))
		if err != nil || words == "" {
			t.Fatalf("%s: no amount in words before the reload (%v)", page, err)
		}
		// Wait until the page has stored the last change, then reload.
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](`(sessionStorage.getItem("oferta-statement:" + location.pathname) || "").indexOf('"st-pay-account":true') >= 0`, chromedp.WithPollingTimeout(3*time.Second)))
		if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#st-amount"))); err != nil {
			t.Fatal(err)
		}
		for sel, want := range map[string]string{"#st-name": "Иванова Мария Петровна", "#st-phone": "+7 900 000-00-00", "#st-amount": "8 662,50"} {
			got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s after a reload: %s is %q, want %q", page, sel, got, want)
			}
		}
		checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#st-pay-account').checked`))
		if err != nil || !checked {
			t.Errorf("%s after a reload: the way to pay is not chosen any more (%v)", page, err)
		}
		after, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#st-amount-words")))
		if err != nil || after != words {
			t.Errorf("%s after a reload: the amount in words is %q, was %q (%v)", page, after, words, err)
		}
		local, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`localStorage.length`))
		if err != nil || local != 0 {
			t.Errorf("%s: %d items in localStorage (%v): personal data must stay in the tab", page, local, err)
		}
		session, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`sessionStorage.length`))
		if err != nil || session == 0 {
			t.Errorf("%s: nothing in sessionStorage (%v)", page, err)
		}
	}
}
