package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Browsers are the programs looked for on the PATH, in this order, when
// $OFERTA_CHROMIUM is not set.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// ErrNoBrowser is returned (wrapped in a *NoBrowserError) when no
// Chromium or Chrome is installed.
var ErrNoBrowser = errors.New("no Chromium or Chrome found")

// NoBrowserError says what to install to print PDFs.
type NoBrowserError struct{}

func (NoBrowserError) Error() string {
	return "PDF output needs Chromium or Chrome, and none was found on the PATH (looked for " +
		strings.Join(Browsers, ", ") + "). Install one (Debian/Ubuntu: apt-get install chromium; " +
		"macOS: brew install --cask chromium) or set OFERTA_CHROMIUM to the browser's program"
}

func (NoBrowserError) Unwrap() error { return ErrNoBrowser }

// Find returns the browser to print with: $OFERTA_CHROMIUM when set, or
// the first of Browsers on the PATH.
func Find() (string, error) {
	if p := os.Getenv("OFERTA_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("OFERTA_CHROMIUM=%s: %w", p, err)
		}
		return p, nil
	}
	for _, name := range Browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", NoBrowserError{}
}

// Printer is a running headless browser with the files it serves.
type Printer struct {
	files   map[string][]byte
	srv     *http.Server
	base    string
	ctx     context.Context
	cancels []context.CancelFunc
	tmp     string
}

// Start starts the browser at exe (see Find) and serves files (paths
// relative to the site root, as render returns them) to it from memory
// on a loopback port. Close ends both.
func Start(ctx context.Context, exe string, files map[string][]byte) (*Printer, error) {
	p := &Printer{files: files}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving pages to the browser: %w", err)
	}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(ln)
	p.base = "http://" + ln.Addr().String() + "/"
	p.tmp, err = os.MkdirTemp("", "oferta-chromium-")
	if err != nil {
		p.srv.Close()
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(p.tmp),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		// Only the loopback server answers; nothing else is fetched.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	p.ctx = bctx
	p.cancels = []context.CancelFunc{cancelBrowser, cancelAlloc}
	if err := chromedp.Do(bctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return p, nil
}

// Context is the browser's context, for other chromedp actions (the
// screenshots of `make screenshots`).
func (p *Printer) Context() context.Context { return p.ctx }

// URL is the address the page at path is served at.
func (p *Printer) URL(pagePath string) string { return p.base + strings.TrimPrefix(pagePath, "/") }

func (p *Printer) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "." || strings.HasSuffix(r.URL.Path, "/") {
		name = strings.TrimPrefix(strings.TrimPrefix(name, ".")+"/index.html", "/")
	}
	data, ok := p.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if path.Ext(name) == ".woff2" {
		w.Header().Set("Content-Type", "font/woff2")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// A4 in inches, the paper of every document oferta prints; the margins
// come from the print stylesheet's @page rule (PreferCSSPageSize).
const a4Width, a4Height = 8.27, 11.69

// Print loads the page at pagePath and prints it to PDF: tagged, with an
// outline of its headings, backgrounds printed, A4 unless the stylesheet
// says otherwise.
func (p *Printer) Print(pagePath string) ([]byte, error) {
	if err := p.Load(pagePath); err != nil {
		return nil, err
	}
	titles, err := p.headings()
	if err != nil {
		return nil, fmt.Errorf("reading the headings of %s: %w", pagePath, err)
	}
	yes := true
	res, err := chromedp.Run(p.ctx, chromedp.Action[page.PrintToPDFResult](func(ctx context.Context, t *chromedp.Target) (page.PrintToPDFResult, error) {
		return cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
			PrintBackground:         &yes,
			PreferCSSPageSize:       &yes,
			PaperWidth:              a4Width,
			PaperHeight:             a4Height,
			GenerateTaggedPDF:       &yes,
			GenerateDocumentOutline: &yes,
		})
	}))
	if err != nil {
		return nil, fmt.Errorf("printing %s: %w", pagePath, err)
	}
	// A PDF whose outline cannot be mended keeps Chromium's.
	data, _ := fixOutline(res.Data, titles)
	return data, nil
}

// headings returns the text of the headings the print shows, in
// document order, as a reader sees it: the titles of the bookmarks.
func (p *Printer) headings() ([]string, error) {
	media := func(m string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		})
	}
	if err := chromedp.Do(p.ctx, media("print")); err != nil {
		return nil, err
	}
	titles, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("h1,h2,h3,h4,h5,h6")]
		.filter(h => h.getClientRects().length > 0)
		.map(h => h.innerText.replace(/\s+/g, " ").trim())`))
	if err2 := chromedp.Do(p.ctx, media("")); err == nil {
		err = err2
	}
	return titles, err
}

// Load opens the page at pagePath and waits until its fonts are loaded,
// so that nothing is printed in a fallback font.
func (p *Printer) Load(pagePath string) error {
	if _, ok := p.files[strings.TrimPrefix(pagePath, "/")]; !ok && !strings.HasSuffix(pagePath, "/") {
		return fmt.Errorf("no page %s to print", pagePath)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.URL(pagePath))); err != nil {
		return fmt.Errorf("opening %s: %w", pagePath, err)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("waiting for the fonts of %s: %w", pagePath, err)
	}
	return nil
}

// Close stops the browser and the server and removes the browser's
// temporary profile.
func (p *Printer) Close() {
	for _, c := range p.cancels {
		c()
	}
	if p.srv != nil {
		p.srv.Close()
	}
	if p.tmp != "" {
		os.RemoveAll(p.tmp)
	}
}
