package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/oferta-dev/oferta/generator/serve"
	"github.com/oferta-dev/oferta/generator/synth"
)

// serveFigures are the times of a lawyer's save of the clause every
// course includes, in `oferta serve`: until the page a tab shows is
// served with the change, and until the whole site is checked (the
// panel's "lint: up to date"). The CPU figures are this process's, over
// the same spans; the profiles are of the spans (the lint one from the
// save, the view span included).
type serveFigures struct {
	view, lint, viewCPU, lintCPU time.Duration
	viewProf, lintProf           *profile
	profErr                      error
}

// serveEdit runs the real preview server (package serve, through its
// exported API only) on the site in dir, in this process, with a
// Notifier that this function drives instead of the operating system's.
// A tab is simulated over HTTP as live.js does it: it shows the page at
// viewed (an output path), listens to the event stream and asks the
// status on each event. Each run writes a new text of the shared clause
// (synth.EditSharedClause) and tells the server, as a file-system event
// does; the clock starts then, so the server's quiet period before a
// rebuild (150 ms, for an editor's burst of writes) is left out, as in
// BenchmarkServeSharedClauseEdit. The next run starts when the rebuild
// ended (its progress line).
func serveEdit(ctx context.Context, cfg benchConfig, dir, viewed string, profiled bool) (serveFigures, error) {
	var fig serveFigures
	b := builtin()
	root, err := filepath.Abs(dir)
	if err != nil {
		return fig, err
	}
	n := &chanNotifier{events: make(chan serve.Event, 64), errs: make(chan error)}
	log := &lineLog{lines: make(chan string, 1024)}
	srv, err := serve.New(serve.Options{Dir: root, Builtin: b, Notifier: n, Log: log, Debounce: benchDebounce, SlowAfter: time.Hour})
	if err != nil {
		return fig, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fig, err
	}
	ctx, cancel := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		<-served
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{}

	// The first build, in memory.
	if err := log.waitDone(ctx, 2*time.Hour); err != nil {
		return fig, fmt.Errorf("serve, first build: %w", err)
	}
	events, err := eventStream(ctx, client, base)
	if err != nil {
		return fig, err
	}
	page := "/" + strings.TrimSuffix(viewed, "index.html")
	status := func() (serveStatus, error) {
		var st serveStatus
		resp, err := client.Get(base + "/_oferta/status?page=" + url.QueryEscape(page))
		if err != nil {
			return st, err
		}
		defer resp.Body.Close()
		err = json.NewDecoder(resp.Body).Decode(&st)
		return st, err
	}
	get := func() error {
		resp, err := client.Get(base + page)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("serve: GET %s: %s", page, resp.Status)
		}
		return nil
	}
	if err := get(); err != nil { // the tab opens the page…
		return fig, err
	}
	st, err := status() // …and asks its status: the server now knows it is shown
	if err != nil {
		return fig, err
	}
	if st.Version == "" || len(st.Errors) > 0 {
		return fig, fmt.Errorf("serve: %s is not served (errors: %v)", page, st.Errors)
	}

	var viewProf, lintProf profiler
	var views, lints, viewCPUs, lintCPUs []time.Duration
	for i := 1; i <= cfg.runs; i++ {
		files, err := synth.EditSharedClause(dir, b, 1000+i)
		if err != nil {
			return fig, err
		}
		before := st.Version
		log.drain()
		runtime.GC()
		if profiled {
			viewProf.start()
		}
		start, cpu := time.Now(), selfCPU()
		for _, f := range files {
			n.events <- serve.Event{Path: filepath.Join(root, filepath.FromSlash(f))}
		}
		var view, viewCPU time.Duration
		var switched chan struct{}
		for {
			select {
			case <-ctx.Done():
				return fig, ctx.Err()
			case _, ok := <-events:
				if !ok {
					return fig, fmt.Errorf("serve: the event stream ended")
				}
			case <-time.After(time.Hour):
				return fig, fmt.Errorf("serve: no event in an hour after the clause edit %d", i)
			}
			if st, err = status(); err != nil {
				return fig, err
			}
			if len(st.Errors) > 0 {
				return fig, fmt.Errorf("serve: the clause edit %d: %v", i, st.Errors)
			}
			if view == 0 && st.Version != before {
				if err := get(); err != nil {
					return fig, err
				}
				view, viewCPU = time.Since(start), selfCPU()-cpu
				if profiled {
					// Stopping a profile waits for its writer: off
					// the clock, while the check runs on.
					switched = make(chan struct{})
					go func() {
						viewProf.stop()
						lintProf.start()
						close(switched)
					}()
				}
			}
			if view != 0 && st.Lint == "up to date" {
				break
			}
		}
		lint, lintCPU := time.Since(start), selfCPU()-cpu
		if switched != nil {
			<-switched
			lintProf.stop()
		}
		views, viewCPUs = append(views, view), append(viewCPUs, viewCPU)
		lints, lintCPUs = append(lints, lint), append(lintCPUs, lintCPU)
		// The rest of the site renders behind; the next edit waits for it.
		if err := log.waitDone(ctx, time.Hour); err != nil {
			return fig, fmt.Errorf("serve, the clause edit %d: %w", i, err)
		}
		progress(cfg, "serve: clause edit %d: page %s, lint %s", i, dur(view), dur(lint))
	}
	fig.view, fig.lint = median(views), median(lints)
	fig.viewCPU, fig.lintCPU = median(viewCPUs), median(lintCPUs)
	if profiled {
		fig.viewProf = viewProf.result()
		if lp := lintProf.result(); lp != nil || fig.viewProf != nil {
			fig.lintProf = &profile{}
			fig.lintProf.add(fig.viewProf)
			fig.lintProf.add(lp)
		}
		fig.profErr = cmpErr(viewProf.err, lintProf.err)
	}
	return fig, nil
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// serveStatus is the part of the preview's status (what live.js reads)
// that the measurement needs.
type serveStatus struct {
	Gen     int               `json:"gen"`
	Version string            `json:"version"`
	Lint    string            `json:"lint"`
	Errors  []json.RawMessage `json:"errors"`
}

// eventStream opens the preview's Server-Sent Events and returns the
// names of the events as they come, after the greeting.
func eventStream(ctx context.Context, client *http.Client, base string) (<-chan string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_oferta/events", nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("serve: the event stream: %s", resp.Status)
	}
	events := make(chan string, 64)
	hello := make(chan struct{})
	go func() {
		defer resp.Body.Close()
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		// A reload after a clause every course includes lists every
		// page that changed: tens of thousands of paths on one line.
		sc.Buffer(make([]byte, 0, 64<<10), 256<<20)
		greeted := false
		for sc.Scan() {
			name, ok := strings.CutPrefix(sc.Text(), "event: ")
			if !ok {
				continue
			}
			if !greeted {
				greeted = true
				close(hello)
				continue
			}
			select {
			case events <- name:
			case <-ctx.Done():
				return
			}
		}
	}()
	select {
	case <-hello:
	case <-time.After(time.Minute):
		return nil, fmt.Errorf("serve: no greeting on the event stream")
	}
	return events, nil
}

// chanNotifier is a serve.Notifier whose events the measurement sends.
type chanNotifier struct {
	events chan serve.Event
	errs   chan error
}

func (n *chanNotifier) Add(string) error           { return nil }
func (n *chanNotifier) Remove(string) error        { return nil }
func (n *chanNotifier) Events() <-chan serve.Event { return n.events }
func (n *chanNotifier) Errors() <-chan error       { return n.errs }
func (n *chanNotifier) Close() error               { return nil }

// benchDebounce is the quiet period the measured server waits after a
// change: the shared-clause edit saves a file per language, and with
// none the server would start on the first and abandon that rebuild for
// the second. The figures include it (the clock starts at the first
// event); the server's own default is 150 ms.
const benchDebounce = 10 * time.Millisecond

// lineLog receives the server's progress lines.
type lineLog struct {
	mu    sync.Mutex
	part  string
	lines chan string
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.part += string(p)
	for {
		line, rest, ok := strings.Cut(l.part, "\n")
		if !ok {
			break
		}
		l.part = rest
		select {
		case l.lines <- line:
		default: // nobody reads that many: drop
		}
	}
	return len(p), nil
}

// drain forgets the lines printed so far.
func (l *lineLog) drain() {
	for {
		select {
		case <-l.lines:
		default:
			return
		}
	}
}

// waitDone waits for the progress line of a rebuild that ended: the
// server prints one per rebuild ("built …", "rebuilt …", "no page
// changed …"), after the "clause changed" line of a preview. Errors end
// the wait with the line.
func (l *lineLog) waitDone(ctx context.Context, limit time.Duration) error {
	timeout := time.After(limit)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timeout:
			return fmt.Errorf("no rebuild ended in %s", limit)
		case line := <-l.lines:
			switch {
			case strings.HasPrefix(line, "clause changed"), strings.HasPrefix(line, "still rebuilding"),
				strings.HasPrefix(line, "abandoned a rebuild"): // a newer one follows
			case strings.HasPrefix(line, "built "), strings.HasPrefix(line, "rebuilt "), strings.HasPrefix(line, "no page changed"):
				return nil
			default:
				return fmt.Errorf("the server said: %s", line)
			}
		}
	}
}
