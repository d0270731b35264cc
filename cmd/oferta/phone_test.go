package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
)

// phoneWidth is the width of a common phone's screen in CSS pixels.
const phoneWidth = 390

// TestPhoneNoSidewaysOverflow opens every page of the example site (with
// its frozen editions and change pages) and the calculation document of
// every course, with a long deduction name, on a 390 px phone, and fails
// on any page wider than the screen.
func TestPhoneNoSidewaysOverflow(t *testing.T) {
	ctx := chrometest.New(t, 4*time.Minute)
	dir := exampleSiteWithEditions(t)
	tree := mustBuild(t, dir)
	pub := filepath.Join(dir, "public")
	pages := htmlPages(tree)
	// The calculation documents, as `oferta calc --format html` prints them.
	for _, slug := range []string{"smm-mentoring", "group-copywriting", "recorded-excel", "ru/english-speaking-club", "en/english-speaking-club"} {
		code, out, stderr := run(t, "calc", slug, "--used", "3", "--format", "html", "-s", dir,
			"--client", "Константинопольская-Старорежимная Александра Вячеславовна")
		if code != 0 {
			t.Fatalf("calc %s: exit %d: %s", slug, code, stderr)
		}
		name := "calc-" + strings.ReplaceAll(slug, "/", "-") + ".html"
		if err := os.WriteFile(filepath.Join(pub, name), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, name)
	}
	sort.Strings(pages)
	srv := httptest.NewServer(http.FileServer(http.Dir(pub)))
	defer srv.Close()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+filepath.ToSlash(p))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		// The widest element, to name it in the failure.
		w, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => {
			const w = document.documentElement.scrollWidth;
			if (w <= %d) return "";
			let worst = null, right = 0;
			for (const el of document.body.querySelectorAll("*")) {
				const r = el.getBoundingClientRect().right;
				if (r > right) { right = r; worst = el; }
			}
			const name = worst ? worst.tagName.toLowerCase() + (worst.id ? "#" + worst.id : "") + (worst.className ? "." + String(worst.className).split(" ").join(".") : "") : "?";
			return w + " px (widest: " + name + " to " + Math.round(right) + " px)";
		})()`, phoneWidth)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if w != "" {
			t.Errorf("%s is wider than a %d px phone: %s", p, phoneWidth, w)
		}
	}
	t.Logf("checked %d pages", len(pages))
}

// TestArchivedEditionPrintsCurrentAddress: an edition no longer in force
// links to the one in force; on paper a link is not clickable, so the
// address is printed beside it.
func TestArchivedEditionPrintsCurrentAddress(t *testing.T) {
	dir := exampleSiteWithEditions(t)
	tree := mustBuild(t, dir)
	page := tree["smm-mentoring/oferta/2026-09-01/index.html"]
	if page == "" {
		t.Fatal("no archived edition smm-mentoring/oferta/2026-09-01/")
	}
	want := `<span class="print-only">: https://school.example/smm-mentoring/oferta/</span>`
	if !strings.Contains(page, want) {
		t.Errorf("the archived edition lacks %s", want)
	}
}
