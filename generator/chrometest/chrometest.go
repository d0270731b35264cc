// Package chrometest starts Debian's Chromium for browser tests through
// chromedp. Without Chromium a test is skipped with a loud message on a
// developer's machine, and fails in CI (CI=true), where .ci/run installs it.
package chrometest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds the browser: $OFERTA_CHROMIUM, or chromium on the PATH.
func Path() (string, bool) {
	if p := os.Getenv("OFERTA_CHROMIUM"); p != "" {
		return p, true
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// New starts a headless browser for t and returns a context to run
// chromedp actions in. The browser is closed when the test ends; the
// whole test gets at most timeout.
func New(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	path, ok := Path()
	if !ok {
		msg := "Chromium not found: browser tests need Debian's chromium (apt-get install -y chromium)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		fmt.Fprintf(os.Stderr, "\n*** SKIPPING BROWSER TEST %s: %s ***\n\n", t.Name(), msg)
		t.Skip(msg)
	}
	// The defaults run headless without background networking, which
	// this machine's closed network would refuse anyway.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	ctx, cancelTimeout := context.WithTimeout(context.Background(), timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return bctx
}
