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

// TestCalculatorDeRo types into the calculator of the German and the
// Romanian sister sites and checks that it shows the amount `oferta calc`
// gives, formatted as the language writes money ("1.072,50 €": (1 490 − 60) · 9/12,
// "1.610,00 lei"), with amounts typed the way a German or Romanian client
// types them.
func TestCalculatorDeRo(t *testing.T) {
	ctx := chrometest.New(t, 3*time.Minute)
	for _, site := range []struct {
		dir, slug string
		requests  [][3]string // used, paid, day
		display   map[string]string
	}{
		{"de", "deutsch-b1", [][3]string{{"3", "", ""}, {"3", "1.490,00", "20"}, {"12", "", ""}, {"5", "745,5", "20"}, {"2", "", "3"}},
			map[string]string{"3": "1.072,50\u00a0€"}},
		{"ro", "engleza-b1", [][3]string{{"3", "", ""}, {"3", "2.400,00 lei", "20"}, {"10", "", ""}, {"4", "1200,50", "20"}, {"2", "", "3"}},
			map[string]string{"3": "1.610,00\u00a0lei"}},
	} {
		dir := t.TempDir()
		sitetest.CopyFile(t, filepath.Join(repoRoot, "examples", site.dir, "oferta.toml"), filepath.Join(dir, "oferta.toml"))
		sitetest.CopyTree(t, filepath.Join(repoRoot, "examples", site.dir, "content"), filepath.Join(dir, "content"))
		mustBuild(t, dir)
		srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
		page := "/" + site.slug + "/faq/"
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page), chromedp.WaitVisible(chromedp.CSS("#calculator"))); err != nil {
			srv.Close()
			t.Fatalf("%s: %v", page, err)
		}
		form, err := chromedp.Run(ctx, chromedp.Attributes(chromedp.CSS("#oferta-calc")))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range site.requests {
			used, paid, day := r[0], r[1], r[2]
			args := []string{"calc", site.slug, "--used", used, "--format", "json", "-s", dir}
			if paid != "" {
				p := strings.NewReplacer(".", "", ",", ".", " lei", "").Replace(paid)
				args = append(args, "--paid", p)
			}
			if day != "" {
				args = append(args, "--day", day)
			}
			code, out, stderr := run(t, args...)
			if code != 0 {
				t.Fatalf("oferta %v: exit %d: %s", args, code, stderr)
			}
			var want struct{ Refund string }
			if err := json.Unmarshal([]byte(out), &want); err != nil {
				t.Fatal(err)
			}
			typed := paid
			if typed == "" {
				typed = form["data-price"] // the field's default
			}
			steps := []chromedp.Action[chromedp.Void]{typeInto("#calc-used", used), typeInto("#calc-paid", typed), typeInto("#calc-day", day)}
			if err := chromedp.Do(ctx, steps...); err != nil {
				t.Fatalf("%s %v: %v", site.slug, r, err)
			}
			settled := fmt.Sprintf("document.querySelector('#oferta-calc-result').dataset.amount === %q", want.Refund)
			_, _ = chromedp.Run(ctx, chromedp.Poll[bool](settled, chromedp.WithPollingTimeout(3*time.Second)))
			res, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#oferta-calc-result"), "data-amount"))
			if err != nil {
				t.Fatal(err)
			}
			if res.Value != want.Refund {
				t.Errorf("%s used=%s paid=%q day=%q: the calculator shows %q, oferta calc gives %q", site.slug, used, paid, day, res.Value, want.Refund)
			}
			if shown, ok := site.display[used]; ok && paid == "" {
				text, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#oferta-calc-result")))
				if err != nil {
					t.Fatal(err)
				}
				if text != shown {
					t.Errorf("%s used=%s: the calculator shows %q, want %q", site.slug, used, text, shown)
				}
			}
		}
		srv.Close()
	}
}
