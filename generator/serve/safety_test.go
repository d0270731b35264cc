package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

// getHost fetches path from the running server with the Host header host.
func (r *running) getHost(t *testing.T, path, host string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", r.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s (Host %s): %v", path, host, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK && path == eventsPath {
		return resp.StatusCode, "" // a stream: never ends
	}
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeAnswersOnlyItsOwnHost: a page of another site whose name is
// made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as
// Host; pages, status and the event stream refuse it.
func TestServeAnswersOnlyItsOwnHost(t *testing.T) {
	r := start(t, sitetest.ExampleSite(t))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(r.url, "http://"))
	for _, path := range []string{"/", "/smm-mentoring/oferta/", statusPath + "?page=/", eventsPath, scriptPath} {
		for _, host := range []string{"evil.example", "evil.example:" + port, "localhost.evil.example:" + port, "localhost:1", "10.0.0.1:" + port} {
			code, body := r.getHost(t, path, host)
			if code != http.StatusForbidden || !strings.Contains(body, "--allow-host") {
				t.Errorf("GET %s with Host %s: %d %q, want 403 with advice", path, host, code, body)
			}
		}
		for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port} {
			if code, _ := r.getHost(t, path, host); code != http.StatusOK {
				t.Errorf("GET %s with Host %s: %d, want 200", path, host, code)
			}
		}
	}
}

// TestServeAllowHost: --allow-host adds names, with any port or with
// the one given.
func TestServeAllowHost(t *testing.T) {
	r := startWith(t, Options{Dir: sitetest.ExampleSite(t), AllowHosts: []string{"preview.example.com", "Box.Local:8443"}})
	for host, want := range map[string]int{
		"preview.example.com":      200,
		"preview.example.com:1234": 200,
		"box.local:8443":           200,
		"box.local:8444":           403,
		"box.local":                403,
		"other.example.com":        403,
	} {
		if code, _ := r.getHost(t, "/", host); code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
	}
}

func TestHostSet(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8090}
	any := &net.TCPAddr{IP: net.IPv4zero, Port: 8090}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8090}
	cases := []struct {
		addr net.Addr
		host string
		want bool
	}{
		{loop, "localhost:8090", true},
		{loop, "127.0.0.1:8090", true},
		{loop, "[::1]:8090", true},
		{loop, "localhost.:8090", true},
		{loop, "127.0.0.1:8091", false},
		{loop, "localhost", false}, // port 80
		{loop, "192.168.1.5:8090", false},
		{loop, "evil.example:8090", false},
		{loop, "", false},
		{any, "192.168.1.5:8090", true}, // an IP literal involves no DNS
		{any, "localhost:8090", true},
		{any, "myhost.lan:8090", false},
		{lan, "192.168.1.5:8090", true},
		{lan, "192.168.1.6:8090", false},
		{lan, "127.0.0.1:8090", false}, // not listening there
	}
	for _, c := range cases {
		if got := newHostSet(c.addr, nil).allows(c.host); got != c.want {
			t.Errorf("listening on %s, Host %q: allowed %v, want %v", c.addr, c.host, got, c.want)
		}
	}
}

// TestServeCapsEventStreams: a page that opens event streams in a loop
// gets 503 beyond the cap; a closed stream frees its place.
func TestServeCapsEventStreams(t *testing.T) {
	r := startWith(t, Options{Dir: sitetest.ExampleSite(t), MaxStreams: 2}) // start opens one
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("second stream: %v %v", resp, err)
	}
	code, body := r.getHost(t, eventsPath, strings.TrimPrefix(r.url, "http://"))
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "too many") {
		t.Errorf("third stream: %d %q, want 503", code, body)
	}
	cancel()
	resp.Body.Close()
	waitFor(t, "a stream's place to be freed", func() bool {
		return r.srv.streams.Load() < 2
	})
	openEvents(t, r.url)
}

// TestServeAbandonsASupersededRebuild: a rebuild whose context ends
// publishes nothing, and the next one reads the files it was to read.
func TestServeAbandonsASupersededRebuild(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	if res := s.rebuild(context.Background(), nil); !res.ok {
		t.Fatalf("first build: %+v", res.problems)
	}
	before := s.snap.Load()
	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	sitetest.WriteFile(t, file, strings.Replace(sitetest.ReadFile(t, file), "title = \"", "title = \"Superseded ", 1))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := s.rebuild(ctx, []string{file}); !res.abandoned {
		t.Fatalf("a rebuild with its context ended was not abandoned: %+v", res)
	}
	if s.snap.Load() != before {
		t.Error("an abandoned rebuild published a snapshot")
	}
	res := s.rebuild(context.Background(), nil)
	if !res.ok || !strings.Contains(string(served(s.snap.Load(), "smm-mentoring/oferta/index.html")), "Superseded") {
		t.Fatalf("the next rebuild did not read the abandoned one's file: %+v", res)
	}
}

// TestServeNewerChangeCancelsARunningRebuild: while a long rebuild runs,
// a newer save abandons it, and the pages end up showing the newer one.
func TestServeNewerChangeCancelsARunningRebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site")
	}
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 300, 1); err != nil {
		t.Fatal(err)
	}
	r := startWith(t, Options{Dir: dir, Debounce: 10 * time.Millisecond, SlowAfter: time.Millisecond})
	// Every course includes the shared clause: editing it rebuilds all.
	if _, err := synth.EditSharedClause(dir, builtin, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the rebuild to be reported as running", func() bool {
		return strings.Count(r.log.String(), "still rebuilding") >= 2 // the first build's, then this one's
	})
	if _, err := synth.EditSharedClause(dir, builtin, 2); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the running rebuild to be abandoned", func() bool {
		return strings.Contains(r.log.String(), "abandoned a rebuild")
	})
	waitFor(t, "the newer edit to be served", func() bool {
		sn := r.srv.snap.Load()
		if sn.pages == nil {
			return false
		}
		for _, f := range sn.pages.Files {
			if strings.HasSuffix(f.Path, "/oferta/index.html") {
				return sn.slow == "" && strings.Contains(string(f.Data), "Edit 2:")
			}
		}
		return false
	})
}

// TestServeReportsASlowRebuild: a rebuild that takes longer than
// SlowAfter is reported in the status (the overlay) while it runs, and
// the notice goes when it ends.
func TestServeReportsASlowRebuild(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, builtin, 100, 1); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Dir: dir, Builtin: builtin, SlowAfter: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan result, 1)
	go func() { done <- s.rebuild(context.Background(), nil) }()
	seen := false
	for !seen {
		select {
		case res := <-done:
			t.Fatalf("the rebuild ended (%s) before it was reported as slow", res.took)
		default:
		}
		if sn := s.snap.Load(); strings.Contains(sn.slow, "Still rebuilding") {
			w := newRecorder()
			s.ServeHTTP(w, localRequest("GET", statusPath+"?page=/"))
			if !strings.Contains(w.Body.String(), `"busy":"Still rebuilding`) {
				t.Errorf("status does not carry the notice: %s", w.Body.String())
			}
			seen = true
		}
		time.Sleep(100 * time.Microsecond)
	}
	if res := <-done; !res.ok {
		t.Fatalf("rebuild: %+v", res.problems)
	}
	if sn := s.snap.Load(); sn.slow != "" {
		t.Errorf("the notice stayed after the rebuild ended: %q", sn.slow)
	}
}

// TestServeSurvivesACrashingRebuild: a panic in a rebuild beside the
// watch is shown as an internal error, and the server goes on.
func TestServeSurvivesACrashingRebuild(t *testing.T) {
	s, err := New(Options{Dir: sitetest.ExampleSite(t), Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer s.recoverRebuild()
		panic("injected")
	}()
	sn := s.snap.Load()
	if len(sn.problems) != 1 || !strings.Contains(sn.problems[0].Message, "internal error: injected") || !strings.Contains(sn.problems[0].Message, "report it") {
		t.Fatalf("problems = %+v, want the internal error", sn.problems)
	}
	if res := s.rebuild(context.Background(), nil); !res.ok {
		t.Fatalf("the next rebuild: %+v", res.problems)
	}
}
