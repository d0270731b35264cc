package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/oferta-dev/oferta/generator/site"
)

// Options configure a Server.
type Options struct {
	Dir     string // the site folder
	Builtin site.Builtin
	// Log receives one progress line per rebuild; nil discards them.
	Log io.Writer
	// Notifier watches the files; nil means fsnotify.
	Notifier Notifier
	// Debounce is the quiet period after the last change before a
	// rebuild; zero means 150 ms.
	Debounce time.Duration
	// AllowHosts are the host names (or host:port) that requests may
	// name in their Host header besides the address the server listens
	// on and the loopback names (localhost, 127.0.0.1, [::1]) with its
	// port. Any other Host is refused, so that a web page cannot reach
	// the preview through a DNS name of its own (DNS rebinding).
	AllowHosts []string
	// MaxStreams caps the event streams open at once; zero means 32.
	MaxStreams int
	// SlowAfter is how long a rebuild may take before the open pages are
	// told that it is still running; zero means 5 seconds.
	SlowAfter time.Duration
}

// Server is a live preview of one site. It owns its reload hub and its
// build; several Servers can run in one process.
type Server struct {
	opts Options
	root string // Dir, absolute
	hub  *hub
	snap atomic.Pointer[snapshot]

	hosts   atomic.Pointer[hostSet] // the Host headers answered
	streams atomic.Int32            // event streams open

	pubMu sync.Mutex // one snapshot published at a time
	// finished is the flag of the rebuild that holds buildMu: set, under
	// pubMu, when it published or gave up, so that a late notice that it
	// is slow is not shown. Guarded by pubMu.
	finished *bool
	buildMu  sync.Mutex // one rebuild at a time
	last     built      // guarded by buildMu
	// since are the files changed since last.checked was made (relative to
	// the site, with slashes): a rebuild that fails keeps them, so the
	// next one still reads them. Guarded by buildMu.
	since []string
	// viewed are the pages open tabs asked the status of lately, the
	// latest first: after a clause edit the rebuild renders them before
	// anything else. Guarded by viewMu.
	viewMu sync.Mutex
	viewed []string
	// afterPreview, when not nil, is called by a rebuild after it
	// published a preview and before it checks the whole site (tests).
	afterPreview func()
}

// ErrNotSite is returned by New for a folder without oferta.toml.
var ErrNotSite = errors.New("not an oferta site")

// New returns a server for the site in opts.Dir. It fails when the folder
// has no oferta.toml; every other problem of the site is shown in the
// browser and fixed while the server runs.
func New(opts Options) (*Server, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	if opts.MaxStreams <= 0 {
		opts.MaxStreams = 32
	}
	if opts.SlowAfter <= 0 {
		opts.SlowAfter = 5 * time.Second
	}
	fi, err := os.Stat(opts.Dir)
	if err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w: there is no folder %s", ErrNotSite, opts.Dir)
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, "oferta.toml")); err != nil {
		return nil, fmt.Errorf("%w: no oferta.toml in %s (create a site with \"oferta new site DIR\")", ErrNotSite, opts.Dir)
	}
	root, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, root: root, hub: newHub()}
	s.snap.Store(&snapshot{})
	s.hosts.Store(newHostSet(nil, opts.AllowHosts))
	return s, nil
}

// Serve watches the site, builds it and serves it on ln until ctx is
// done; then it closes the event streams, shuts the HTTP server down and
// stops watching. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	n := s.opts.Notifier
	if n == nil {
		var err error
		if n, err = NewFSNotifier(); err != nil {
			ln.Close()
			return fmt.Errorf("watching %s: %w", s.opts.Dir, err)
		}
	}
	defer n.Close()
	s.hosts.Store(newHostSet(ln.Addr(), s.opts.AllowHosts))
	t := newTree(n, s.root)
	if err := t.start(); err != nil {
		ln.Close()
		return fmt.Errorf("watching %s: %w", s.opts.Dir, err)
	}
	// Watch first, then build: a save during the first build is not lost.
	s.rebuild(ctx, nil)

	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.watch(watchCtx, t)
	}()

	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	stopWatch()
	<-watched
	s.hub.close() // event streams never go idle: end them before Shutdown
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shutCtx); serr != nil && err == nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// errSuperseded is why a rebuild is abandoned when a newer change came.
var errSuperseded = errors.New("a newer change came")

// recoverRebuild turns a panic of a rebuild that runs beside the watch
// into an error in the overlay and the terminal: a bug in oferta, which
// must not take the preview down with it.
func (s *Server) recoverRebuild() {
	p := recover()
	if p == nil {
		return
	}
	msg := fmt.Sprintf("internal error: %v. This is a bug in oferta, not a problem of your files; please report it. The pages shown are from the last finished build.", p)
	fmt.Fprintln(s.opts.Log, "error:", msg)
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	next := *s.snap.Load()
	next.gen++
	next.slow = ""
	next.problems = append(slices.Clip(next.problems), Problem{Message: msg})
	s.snap.Store(&next)
	s.hub.publish(message{event: "status", data: []byte(fmt.Sprintf(`{"gen":%d,"changed":[]}`, next.gen))})
}

// watch collects changed paths and rebuilds once no change came for the
// debounce period (or, under a steady stream of changes, every second).
// The rebuild runs beside the watch: when a newer change is due while
// one runs, the running one is abandoned (its context cancelled) and the
// newer one starts as soon as it has stopped.
func (s *Server) watch(ctx context.Context, t *tree) {
	const maxWait = time.Second
	var (
		running <-chan struct{} // closed when the running rebuild ends; nil when none runs
		cancel  context.CancelCauseFunc
		queued  []string // paths for the rebuild after the running one
		again   bool     // a rebuild is queued
	)
	run := func(paths []string) {
		rctx, stop := context.WithCancelCause(ctx)
		done := make(chan struct{})
		running, cancel = done, stop
		go func() {
			defer close(done)
			defer stop(nil)
			defer s.recoverRebuild()
			s.rebuild(rctx, paths)
		}()
	}
	defer func() {
		if running == nil {
			return
		}
		cancel(nil)
		// A rebuild stops at the next course; one stuck inside a template
		// is not waited for.
		select {
		case <-running:
		case <-time.After(2 * time.Second):
		}
	}()
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	add := func(p string) { pending[p] = true }
	arm := func() {
		if len(pending) == 0 {
			return
		}
		if first.IsZero() {
			first = time.Now()
		}
		wait := s.opts.Debounce
		if left := maxWait - time.Since(first); left < wait {
			wait = max(left, 0)
		}
		timer.Reset(wait)
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-t.n.Events():
			if !ok {
				return
			}
			t.handle(ev, add)
			arm()
		case err, ok := <-t.n.Errors():
			if !ok {
				return
			}
			if errors.Is(err, ErrOverflow) {
				// Events were lost: treat everything, the theme included,
				// as changed.
				add(filepath.Join(s.root, "themes"))
				arm()
				continue
			}
			fmt.Fprintf(s.opts.Log, "watching: %v\n", err)
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			pending, first = map[string]bool{}, time.Time{}
			if running != nil {
				cancel(errSuperseded) // the newer change is what the pages must show
				queued, again = append(queued, paths...), true
				continue
			}
			run(paths)
		case <-running:
			running = nil
			if again {
				run(queued)
				queued, again = nil, false
			}
		}
	}
}

// maxViewed is how many recently viewed pages a rebuild renders first.
const maxViewed = 8

// view records that a tab shows the page at the output path rel.
func (s *Server) view(rel string) {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	if i := slices.Index(s.viewed, rel); i >= 0 {
		s.viewed = slices.Delete(s.viewed, i, i+1)
	}
	s.viewed = slices.Insert(s.viewed, 0, rel)
	if len(s.viewed) > maxViewed {
		s.viewed = s.viewed[:maxViewed]
	}
}

// recentlyViewed returns the pages tabs showed lately, the latest first.
func (s *Server) recentlyViewed() []string {
	s.viewMu.Lock()
	defer s.viewMu.Unlock()
	return slices.Clone(s.viewed)
}
