package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// widgetSnippet is what a seller pastes into a Tilda, WordPress or
// GetCourse page (README, "Embedding the calculator"): the frame and the
// few lines that let it take the widget's height.
const widgetSnippet = `<iframe src="%s" title="Refund calculator" data-oferta-widget style="width:100%%;border:0" height="480" loading="lazy"></iframe>
<script>
addEventListener("message", function (e) {
  if (!e.data || e.data.oferta !== "resize") return;
  document.querySelectorAll("iframe[data-oferta-widget]").forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  });
});
</script>`

// TestCalculatorWidgetOnAnotherOrigin embeds a course's calculator widget
// into a page served from another origin, as Tilda or WordPress would, and
// checks that the frame takes the widget's height; then it checks that the
// widget alone computes what `oferta calc` computes.
func TestCalculatorWidgetOnAnotherOrigin(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	tree := mustBuild(t, dir)
	if _, ok := tree["smm-mentoring/widget/index.html"]; !ok {
		t.Fatal("no widget page for smm-mentoring")
	}
	if strings.Contains(tree["sitemap.xml"], "/widget/") {
		t.Error("the sitemap lists a widget, which is not to be indexed")
	}
	school := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	defer school.Close()
	widget := school.URL + "/smm-mentoring/widget/"
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html><body><h1>Shop</h1>"+widgetSnippet+"</body></html>", widget)
	}))
	defer shop.Close()
	if shop.URL == school.URL {
		t.Fatal("one origin")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shop.URL)); err != nil {
		t.Fatal(err)
	}
	var height int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		h, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("iframe").style.height`))
		// The first message may come before the calculator shows: wait
		// for the frame to grow to it.
		if height, _ = strconv.Atoi(strings.TrimSuffix(h, "px")); err == nil && height >= 200 {
			break
		}
	}
	if height < 200 {
		t.Fatalf("the frame did not take the widget's height (got %dpx)", height)
	}

	// The widget alone: the calculator shows, and computes as oferta calc.
	if err := chromedp.Do(ctx, chromedp.Navigate(widget), chromedp.WaitVisible(chromedp.CSS("#calculator")), typeInto("#calc-used", "3")); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "--format", "json", "-s", dir)
	if code != 0 {
		t.Fatal(stderr)
	}
	var want struct{ Refund string }
	if err := json.Unmarshal([]byte(out), &want); err != nil {
		t.Fatal(err)
	}
	ok, err := waitFor(ctx, fmt.Sprintf("document.querySelector('#oferta-calc-result').dataset.amount === %q", want.Refund))
	if err != nil || !ok {
		got, _ := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#oferta-calc-result"), "data-amount"))
		t.Errorf("the widget shows %q for used=3; oferta calc gives %q (%v)", got.Value, want.Refund, err)
	}
	// It loads its own files and nothing else.
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(function (e) { return e.name; })`))
	if err != nil || !strings.Contains(strings.Join(loaded, " "), "/assets/calc.js") {
		t.Errorf("resources loaded: %v (%v)", loaded, err)
	}
	for _, u := range loaded {
		if !strings.HasPrefix(u, school.URL+"/") {
			t.Errorf("the widget loads %s, from another host", u)
		}
	}
	// Nothing of the site's navigation: no header, no course menu.
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("header.site-header, nav").length`))
	if err != nil || n != 0 {
		t.Errorf("the widget has %d header or navigation elements (%v)", n, err)
	}
}

// TestContractInAFrame shows a course's contract in a frame, as a sales
// page embeds it: from another origin the frame takes the contract's
// height; from the same origin the test can look inside and see the page
// without the site's header and footer, its links opening a new tab.
func TestContractInAFrame(t *testing.T) {
	ctx := chrometest.New(t, 2*time.Minute)
	dir := sitetest.ExampleSite(t)
	mustBuild(t, dir)
	files := http.FileServer(http.Dir(filepath.Join(dir, "public")))
	host := func(src string) string {
		return fmt.Sprintf("<!doctype html><html><body><h1>Shop</h1>"+widgetSnippet+"</body></html>", src)
	}
	school := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/host.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, host("/smm-mentoring/oferta/"))
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer school.Close()
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, host(school.URL+"/smm-mentoring/oferta/"))
	}))
	defer shop.Close()

	frameHeight := func() int {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			h, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("iframe").style.height`))
			if n, _ := strconv.Atoi(strings.TrimSuffix(h, "px")); err == nil && n >= 1500 {
				return n
			}
		}
		h, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("iframe").style.height`))
		n, _ := strconv.Atoi(strings.TrimSuffix(h, "px"))
		return n
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shop.URL)); err != nil {
		t.Fatal(err)
	}
	if h := frameHeight(); h < 1500 {
		t.Errorf("from another origin the contract's frame is %dpx high; the contract is longer", h)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(school.URL+"/host.html")); err != nil {
		t.Fatal(err)
	}
	frameHeight()
	ok, err := waitFor(ctx, `(function () {
		var d = document.querySelector("iframe").contentDocument;
		if (!d || !d.documentElement.classList.contains("in-frame")) return false;
		// The footer stays: the seller, the edition, the withdrawal link.
		var header = d.querySelector(".site-header"), footer = d.querySelector(".site-footer");
		var away = d.querySelectorAll('a[href]:not([href^="#"])'), inPage = d.querySelectorAll('a[href^="#"]');
		for (var i = 0; i < away.length; i++) if (away[i].target !== "_blank") return false;
		for (var j = 0; j < inPage.length; j++) if (inPage[j].target) return false;
		return getComputedStyle(header).display === "none" && getComputedStyle(footer).display !== "none" && away.length > 0 && inPage.length > 0;
	})()`)
	if err != nil || !ok {
		t.Errorf("in a frame the contract keeps the site's header, loses its footer, or its links open inside the frame (%v)", err)
	}
	// Not in a frame, the page is as published.
	if err := chromedp.Do(ctx, chromedp.Navigate(school.URL+"/smm-mentoring/oferta/"), chromedp.WaitVisible(chromedp.CSS(".site-header"))); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("a[target]").length + (document.documentElement.classList.contains("in-frame") ? 1 : 0)`)); err != nil || n != 0 {
		t.Errorf("outside a frame the page was changed (%d, %v)", n, err)
	}
}
