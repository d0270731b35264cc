package pdf

import (
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindWithoutBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("OFERTA_CHROMIUM", "")
	_, err := Find()
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("err = %v, want ErrNoBrowser", err)
	}
	for _, want := range []string{"chromium", "google-chrome", "apt-get install chromium", "OFERTA_CHROMIUM"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message does not name %q: %v", want, err)
		}
	}
}

func TestFindOrder(t *testing.T) {
	bin := t.TempDir()
	for _, name := range []string{"google-chrome", "chromium-browser"} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	t.Setenv("OFERTA_CHROMIUM", "")
	if p, err := Find(); err != nil || filepath.Base(p) != "chromium-browser" {
		t.Errorf("Find() = %q, %v; want chromium-browser before google-chrome", p, err)
	}
	t.Setenv("OFERTA_CHROMIUM", filepath.Join(bin, "google-chrome"))
	if p, err := Find(); err != nil || filepath.Base(p) != "google-chrome" {
		t.Errorf("Find() = %q, %v; want $OFERTA_CHROMIUM", p, err)
	}
	t.Setenv("OFERTA_CHROMIUM", filepath.Join(bin, "missing"))
	if _, err := Find(); err == nil || !strings.Contains(err.Error(), "OFERTA_CHROMIUM") {
		t.Errorf("a missing $OFERTA_CHROMIUM: err = %v", err)
	}
}

// TestServe checks the in-memory server: folder addresses give their
// index.html, fonts their type, and nothing else is found.
func TestServe(t *testing.T) {
	p := &Printer{files: map[string][]byte{
		"index.html":              []byte("home"),
		"smm/oferta/index.html":   []byte("contract"),
		"assets/fonts/Noto.woff2": []byte("font"),
		"assets/style.css":        []byte("css"),
	}}
	for _, c := range []struct{ path, body, ctype string }{
		{"/", "home", "text/html"},
		{"/smm/oferta/", "contract", "text/html"},
		{"/smm/oferta/index.html", "contract", "text/html"},
		{"/assets/fonts/Noto.woff2", "font", "font/woff2"},
		{"/assets/style.css", "css", "text/css"},
		{"/../etc/passwd", "", ""},
		{"/missing", "", ""},
	} {
		rec := httptest.NewRecorder()
		p.serve(rec, httptest.NewRequest("GET", "http://127.0.0.1"+c.path, nil))
		if c.body == "" {
			if rec.Code != 404 {
				t.Errorf("%s: %d, want 404", c.path, rec.Code)
			}
			continue
		}
		if rec.Body.String() != c.body || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.ctype) {
			t.Errorf("%s: %q (%s), want %q (%s)", c.path, rec.Body.String(), rec.Header().Get("Content-Type"), c.body, c.ctype)
		}
	}
}
