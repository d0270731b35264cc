package serve

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestServeBrowserReloads opens a course page in headless Chromium, changes
// the course's title on disk and waits until the open page shows it, with
// no navigation by the test: the injected script must reload it. Without
// Chromium the test is skipped loudly (and fails under CI=true); see
// package chrometest.
func TestServeBrowserReloads(t *testing.T) {
	// Generous limits keep a broken run from hanging; nothing is timed.
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	r := start(t, dir)

	page := r.url + "/smm-mentoring/oferta/"
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("opening %s: %v", page, err)
	}
	// The script marks the page once it is connected and has the status.
	waitInBrowser(t, ctx, "the preview script to connect", `document.documentElement.getAttribute("data-oferta-live") !== null`)
	before, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(before, smmTitle) {
		t.Fatalf("page title %q lacks the course title", before)
	}
	// The panel of lint findings is there.
	waitInBrowser(t, ctx, "the findings panel", `document.getElementById("oferta-findings") !== null`)

	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	const title = "Наставничество по SMM: из браузера"
	sitetest.WriteFile(t, file, strings.Replace(sitetest.ReadFile(t, file), smmTitle, title, 1))
	waitInBrowser(t, ctx, "the new title in the open page",
		`document.title.indexOf("`+title+`") >= 0 && document.querySelector("h1").textContent.indexOf("`+title+`") >= 0`)

	// A bad edit shows the overlay over the last good page; the fix removes it.
	sitetest.WriteFile(t, file, "prise = 1\n"+sitetest.ReadFile(t, file))
	waitInBrowser(t, ctx, "the error overlay", `(function(){var o=document.getElementById("oferta-overlay");return o!==null&&o.textContent.indexOf("content/smm-mentoring.toml:1:1")>=0})()`)
	sitetest.WriteFile(t, file, strings.TrimPrefix(sitetest.ReadFile(t, file), "prise = 1\n"))
	waitInBrowser(t, ctx, "the overlay to go", `document.getElementById("oferta-overlay") === null && document.getElementById("oferta-findings") !== null`)
}

// waitInBrowser evaluates a JavaScript condition until it is true. A page
// that is reloading fails evaluations for a moment; those are retried.
func waitInBrowser(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	for {
		evalCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(evalCtx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("gave up waiting for %s (last error: %v)", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
