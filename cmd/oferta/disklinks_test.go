package main

import (
	"context"
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

// TestLinksWorkFromDisk opens public/index.html from disk, as README tells
// a new user to, follows the link to a contract and lands on the contract
// page, not on a folder listing; and checks that over http the links keep
// their published folder addresses.
func TestLinksWorkFromDisk(t *testing.T) {
	ctx := chrometest.New(t, time.Minute)
	dir := sitetest.ExampleSite(t)
	mustBuild(t, dir)
	public := filepath.Join(dir, "public")
	index := "file://" + filepath.ToSlash(filepath.Join(public, "index.html"))
	const link = `a[href^="smm-mentoring/oferta/"]`
	if err := chromedp.Do(ctx, chromedp.Navigate(index), chromedp.WaitVisible(chromedp.CSS(link)), chromedp.Click(chromedp.CSS(link))); err != nil {
		t.Fatal(err)
	}
	contract, err := waitFor(ctx, "document.body.classList.contains('page-contract')")
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !contract {
		t.Fatalf("following the contract link from disk did not open the contract (now at %s): %v", loc, err)
	}
	if !strings.HasSuffix(loc, "/smm-mentoring/oferta/index.html") {
		t.Errorf("from disk the link led to %s", loc)
	}
	// From the contract, the link home goes back to the index page.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a.site-title"))); err != nil {
		t.Fatal(err)
	}
	if ok, err := waitFor(ctx, "document.body.classList.contains('page-index')"); err != nil || !ok {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Errorf("the home link from disk led to %s: %v", loc, err)
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(link))); err != nil {
		t.Fatal(err)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+link+`').getAttribute("href")`))
	if err != nil || href != "smm-mentoring/oferta/" {
		t.Errorf("over http the link is %q (%v); want the published folder address", href, err)
	}
}

// waitFor evaluates a condition until it holds or ten seconds pass. While
// a navigation is under way the page's context is gone and evaluating
// fails: that is waited out too.
func waitFor(ctx context.Context, cond string) (bool, error) {
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool]("!!document.body && document.readyState === 'complete' && ("+cond+")"))
		if err == nil && ok {
			return true, nil
		}
	}
	return false, err
}
