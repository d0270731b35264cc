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
	dir := exampleSite(t)
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
		if err == nil && strings.HasSuffix(h, "px") {
			height, _ = strconv.Atoi(strings.TrimSuffix(h, "px"))
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
	// Nothing of the site around it: no header, footer or links.
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("header.site-header, footer, a[href]").length`))
	if err != nil || n != 0 {
		t.Errorf("the widget has %d header, footer or link elements (%v)", n, err)
	}
}
