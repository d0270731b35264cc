package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// lockedBuffer is written by the server's goroutines while a test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCommand runs `oferta serve --port 0` in-process: it prints the
// real URL, serves the site with the preview script, and stops cleanly
// with exit 0 when its context is cancelled (Ctrl-C).
func TestServeCommand(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- Run(ctx, []string{"serve", "-s", dir, "--port", "0", "--allow-host", "preview.test", "--allow-host", "box.test:9000"}, &stdout, &stderr)
	}()

	urlPattern := regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/`)
	var url string
	deadline := time.Now().Add(15 * time.Second)
	for url == "" {
		if m := urlPattern.FindStringSubmatch(stdout.String()); m != nil {
			if port, _ := strconv.Atoi(m[1]); port == 0 {
				t.Fatalf("printed port 0 instead of the real one: %s", stdout.String())
			}
			url = m[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(url + "smm-mentoring/oferta/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `id="oferta-reload"`) {
		t.Errorf("GET contract page: %d, reload script present: %v", resp.StatusCode, strings.Contains(string(body), `id="oferta-reload"`))
	}
	// DNS rebinding: another name for 127.0.0.1 is refused, unless allowed.
	for host, want := range map[string]int{"evil.example": 403, "preview.test": 200, "box.test:9000": 200, "box.test": 403} {
		req, _ := http.NewRequest("GET", url+"_oferta/status?page=/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
	// An open event stream must not hold the shutdown up.
	events, err := http.Get(url + "_oferta/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d after Ctrl-C, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
	if !strings.Contains(stdout.String(), "built 5 courses") {
		t.Errorf("no build line in:\n%s", stdout.String())
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

func TestServePortInUse(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, _, stderr := run(t, "serve", "-s", dir, "--port", port)
	if code != exitBadInput || !strings.Contains(stderr, "port "+port+" on 127.0.0.1 is already in use") {
		t.Errorf("exit %d, stderr %q; want 2 and that the port is in use", code, stderr)
	}
}

func TestServeBadInput(t *testing.T) {
	empty := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-s", empty, "--port", "0"}, "no oferta.toml in " + empty},
		{[]string{"serve", "-s", empty + "/missing", "--port", "0"}, "there is no folder"},
		{[]string{"serve", "--port", "70000"}, "not a TCP port"},
		{[]string{"serve", "--prot", "1"}, "flag provided but not defined"},
		{[]string{"serve", "somewhere"}, "unexpected argument"},
		{[]string{"serve", "--allow-host", "http://x/"}, "not a host name"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, c.args...)
		if code != exitBadInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}
