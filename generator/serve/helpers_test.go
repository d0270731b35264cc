package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
)

var builtin = site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}

// syncBuffer is a bytes.Buffer that the server's goroutines may write to
// while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a server started on 127.0.0.1:0 for one test.
type running struct {
	srv  *Server
	url  string // "http://127.0.0.1:port"
	log  *syncBuffer
	sse  *eventLog
	dir  string
	stop func()
}

// start runs a server for dir until the test ends, waits until the first
// build is served and opens an event stream.
func start(t *testing.T, dir string) *running {
	t.Helper()
	return startWith(t, Options{Dir: dir})
}

// startWith is start with options; Builtin and Log are set here.
func startWith(t *testing.T, opts Options) *running {
	t.Helper()
	dir := opts.Dir
	log := &syncBuffer{}
	opts.Builtin, opts.Log = builtin, log
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	r := &running{srv: srv, url: "http://" + ln.Addr().String(), log: log, dir: dir}
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Serve: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("Serve did not return 10s after its context was cancelled")
			}
		})
	}
	t.Cleanup(r.stop)
	waitFor(t, "the first build", func() bool { code, _ := r.get(t, "/"); return code == 200 })
	r.sse = openEvents(t, r.url)
	return r
}

// get fetches a path and returns the status code and body.
func (r *running) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(r.url + path)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// status fetches the status of a page.
func (r *running) status(t testing.TB, page string) statusJSON {
	t.Helper()
	resp, err := http.Get(r.url + statusPath + "?page=" + page)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st statusJSON
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

// sseEvent is one Server-Sent Event as a client received it.
type sseEvent struct {
	name string
	data string
}

// eventLog records the events of one stream.
type eventLog struct {
	mu     sync.Mutex
	events []sseEvent
}

func openEvents(t *testing.T, base string) *eventLog {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	l := &eventLog{}
	hello := make(chan struct{})
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				l.mu.Lock()
				l.events = append(l.events, ev)
				l.mu.Unlock()
				if ev.name == "hello" {
					close(hello)
				}
				ev = sseEvent{}
			}
		}
	}()
	select {
	case <-hello:
	case <-time.After(10 * time.Second):
		t.Fatal("no hello event on the event stream")
	}
	return l
}

// mark returns the number of events so far, to look only at later ones.
func (l *eventLog) mark() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.events)
}

// reloadedSince reports whether a "reload" event after mark named the
// URL path page as changed.
func (l *eventLog) reloadedSince(mark int, page string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, ev := range l.events[mark:] {
		if ev.name != "reload" {
			continue
		}
		var d struct{ Changed []string }
		if json.Unmarshal([]byte(ev.data), &d) == nil {
			for _, p := range d.Changed {
				if p == page {
					return true
				}
			}
		}
	}
	return false
}

// waitFor polls cond until it holds, failing the test after 15 seconds.
// The limit only keeps a broken test from hanging; nothing is timed.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second) // a liveness bound for loaded machines, not a speed target
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// localRequest is a request for ServeHTTP as a browser on this machine
// sends it (httptest's default Host, example.com, is refused).
func localRequest(method, target string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "localhost"
	return req
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

// served returns the bytes a snapshot serves at an output path, or nil.
func served(sn *snapshot, rel string) []byte {
	data, _ := sn.file(rel)
	return data
}
