// Command screenshots takes pictures of every kind of page of a site, as
// a phone (390 px wide), a desktop (1280 px) and the first pages of its A4
// print, into a folder (`make screenshots` writes .screenshots/ for the
// example site). It renders the site in-process, as `oferta build` does,
// and shows it to a headless Chromium from memory: nothing is written
// but the pictures.
//
//	screenshots [-s DIR] [-o DIR]
//
// The print pictures are made from the PDF Chromium prints, rasterised by
// pdftoppm (Debian's poppler-utils); without it they are left out.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pdf"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(2)
	}
}

// shot is one page to picture.
type shot struct {
	name string // file name stem: "ru-contract"
	path string // served path
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("screenshots", flag.ContinueOnError)
	dir := fs.String("s", ".", "the site `folder`")
	out := fs.String("o", ".screenshots", "the `folder` for the pictures")
	if err := fs.Parse(args); err != nil {
		return err
	}
	browser, err := pdf.Find()
	if err != nil {
		return err
	}
	checked, err := pipeline.CheckContext(ctx, *dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		return err
	}
	files, err := pipeline.Render(checked, false)
	if err != nil {
		return err
	}
	served := map[string][]byte{}
	for _, f := range files {
		served[f.Path] = f.Data
	}
	shots := pick(files, checked.Site.Config.DefaultLanguage())
	// The calculation document of the first course, as `oferta calc
	// --format html` prints it.
	if len(checked.Contracts) > 0 && checked.Contracts[0].Terms != nil {
		k := checked.Contracts[0]
		r, err := render.New(checked.Site)
		if err != nil {
			return err
		}
		req := refund.Request{Used: k.Terms.Total / 2}
		res, err := refund.Compute(k.Terms, req)
		if err != nil {
			return err
		}
		doc, err := r.Calculation(k, req, res, render.CalcFor{})
		if err != nil {
			return err
		}
		served["assets/calculation.html"] = doc
		shots = append(shots, shot{name: k.Lang + "-calc", path: "assets/calculation.html"})
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	p, err := pdf.Start(ctx, browser, served)
	if err != nil {
		return err
	}
	defer p.Close()
	_, noRaster := exec.LookPath("pdftoppm")
	for _, s := range shots {
		for _, v := range []struct {
			name          string
			width, height int64
			mobile        bool
		}{{"phone", 390, 844, true}, {"desktop", 1280, 900, false}} {
			var opts []chromedp.EmulateViewportOption
			if v.mobile {
				opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
			}
			if err := chromedp.Do(p.Context(), chromedp.EmulateViewport(v.width, v.height, opts...)); err != nil {
				return err
			}
			if err := p.Load(s.path); err != nil {
				return err
			}
			png, err := chromedp.Run(p.Context(), chromedp.FullScreenshot(100))
			if err != nil {
				return fmt.Errorf("%s: %w", s.path, err)
			}
			if err := os.WriteFile(filepath.Join(*out, s.name+"-"+v.name+".png"), png, 0o644); err != nil {
				return err
			}
			// How much wider than the screen the page is: 0 on a
			// page that does not overflow sideways.
			over, err := chromedp.Run(p.Context(), chromedp.Evaluate[int64](fmt.Sprintf(`document.documentElement.scrollWidth - %d`, v.width)))
			if err == nil && over > 0 {
				fmt.Printf("%s %s: %d px wider than the screen\n", s.name, v.name, over)
			}
		}
		if noRaster != nil {
			continue
		}
		data, err := p.Print(s.path)
		if err != nil {
			return err
		}
		tmp := filepath.Join(*out, s.name+"-print.pdf")
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		// The first two A4 pages at 70 dpi.
		cmd := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", tmp, filepath.Join(*out, s.name+"-print"))
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pdftoppm: %v: %s", err, msg)
		}
	}
	fmt.Printf("%d kinds of page pictured into %s (phone, desktop, A4 print) in %s\n", len(shots), *out, time.Now().Format("15:04:05"))
	return nil
}

// kinds names the pages worth picturing by the shape of their path; the
// first page of each kind in each language is taken.
var kinds = []struct {
	name string
	re   *regexp.Regexp
}{
	{"index", regexp.MustCompile(`^(?:[a-z]{2}/)?index\.html$`)},
	{"contract", regexp.MustCompile(`/oferta/index\.html$`)},
	{"edition", regexp.MustCompile(`/oferta/\d{4}-\d\d-\d\d/index\.html$`)},
	{"changes", regexp.MustCompile(`/oferta/changes/index\.html$`)},
	{"faq", regexp.MustCompile(`/faq/index\.html$`)},
	{"refund", regexp.MustCompile(`/refund/index\.html$`)},
	{"withdraw", regexp.MustCompile(`/withdraw/index\.html$`)},
}

// pick returns the first page of each kind in each language.
func pick(files []render.File, defaultLang string) []shot {
	paths := make([]string, 0, len(files))
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	sort.Strings(paths)
	seen := map[string]bool{}
	var out []shot
	for _, p := range paths {
		l := defaultLang
		if i := strings.IndexByte(p, '/'); i == 2 {
			l = p[:2]
		}
		for _, k := range kinds {
			if !k.re.MatchString(p) {
				continue
			}
			name := l + "-" + k.name
			if !seen[name] {
				seen[name] = true
				out = append(out, shot{name: name, path: p})
			}
			break
		}
	}
	return out
}
