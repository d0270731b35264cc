package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
)

// servedExample builds the example school with its editions and serves
// public/; it returns the browser context and the server's address.
func servedExample(t *testing.T) (context.Context, string) {
	t.Helper()
	ctx := chrometest.New(t, 3*time.Minute)
	dir := exampleSiteWithEditions(t)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	t.Cleanup(srv.Close)
	return ctx, srv.URL
}

// emulateMedia switches the page between "screen" ("") and "print" CSS.
func emulateMedia(ctx context.Context, t *testing.T, media string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
}

// visibleText is the text a reader sees (innerText skips what CSS hides).
func visibleText(ctx context.Context, t *testing.T) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPrintedFAQNamesNoCalculator: on screen the answer on a partial
// refund points to the calculator; on paper, where the calculator is
// hidden, no sentence speaks of it.
func TestPrintedFAQNamesNoCalculator(t *testing.T) {
	ctx, base := servedExample(t)
	for _, c := range []struct{ page, sentence string }{
		{"/smm-mentoring/faq/", "Калькулятор на этой странице"},
		{"/en/english-speaking-club/faq/", "calculator on this page"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+c.page), chromedp.WaitVisible(chromedp.CSS("#calculator"))); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		emulateMedia(ctx, t, "")
		if !strings.Contains(visibleText(ctx, t), c.sentence) {
			t.Errorf("%s: on screen, no pointer to the calculator (%q)", c.page, c.sentence)
		}
		emulateMedia(ctx, t, "print")
		printed := visibleText(ctx, t)
		for _, word := range []string{"алькулятор", "alculator"} {
			if strings.Contains(printed, word) {
				i := strings.Index(printed, word)
				t.Errorf("%s: the printed page speaks of a calculator it hides: …%s…", c.page, printed[max(0, i-80):min(len(printed), i+80)])
			}
		}
		emulateMedia(ctx, t, "")
	}
}
