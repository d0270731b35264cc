package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// Notifier is what the server needs from the operating system's file
// notifications: non-recursive watches on folders and a stream of events
// for the entries inside them. NewFSNotifier provides it with fsnotify;
// tests may give their own.
type Notifier interface {
	// Add watches the entries of one folder (not its sub-folders).
	Add(dir string) error
	// Remove stops watching a folder; an error for a folder that is gone
	// is expected and ignored by the caller.
	Remove(dir string) error
	Events() <-chan Event
	Errors() <-chan error
	Close() error
}

// Event is a change to one entry of a watched folder.
type Event struct {
	Path string // the watched folder joined with the entry's name
	// Gone reports that the entry was removed or renamed away; otherwise
	// it was created or written.
	Gone bool
}

// ErrOverflow is reported on Errors when the notifier lost events; the
// server then treats every file as changed.
var ErrOverflow = fsnotify.ErrEventOverflow

// NewFSNotifier returns a Notifier backed by fsnotify.
func NewFSNotifier() (Notifier, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	n := &fsNotifier{w: w, events: make(chan Event), done: make(chan struct{})}
	go n.pump()
	return n, nil
}

type fsNotifier struct {
	w      *fsnotify.Watcher
	events chan Event
	done   chan struct{}
}

func (n *fsNotifier) Add(dir string) error    { return n.w.Add(dir) }
func (n *fsNotifier) Remove(dir string) error { return n.w.Remove(dir) }
func (n *fsNotifier) Events() <-chan Event    { return n.events }
func (n *fsNotifier) Errors() <-chan error    { return n.w.Errors }

func (n *fsNotifier) Close() error {
	close(n.done)
	return n.w.Close()
}

// pump translates fsnotify's events. A change of mode alone (Chmod) does
// not change what a file says, so it is dropped.
func (n *fsNotifier) pump() {
	defer close(n.events)
	for ev := range n.w.Events {
		if ev.Op == fsnotify.Chmod {
			continue
		}
		e := Event{Path: ev.Name, Gone: ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)}
		select {
		case n.events <- e:
		case <-n.done:
			return
		}
	}
}

// watchedTops are the entries of the site folder a preview depends on.
// The site folder itself is watched without recursion, so that these are
// picked up when they are created later and nothing else (public/, .git/)
// is walked.
var watchedTops = []string{"content", "clauses", "themes", "editions"}

// tree watches a site folder recursively on top of a Notifier, which
// watches one folder at a time.
type tree struct {
	n    Notifier
	root string          // the site folder, absolute
	dirs map[string]bool // folders being watched
}

func newTree(n Notifier, root string) *tree {
	return &tree{n: n, root: root, dirs: map[string]bool{}}
}

// start watches the site folder and the folders below the watched tops.
func (t *tree) start() error {
	if err := t.n.Add(t.root); err != nil {
		return err
	}
	t.dirs[t.root] = true
	for _, top := range watchedTops {
		dir := filepath.Join(t.root, top)
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if err := t.addTree(dir, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// addTree watches dir and every folder below it. found, when not nil, is
// called with every file inside: they may have been written before the
// watch was in place, so they count as changed.
func (t *tree) addTree(dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked; its events say so
			}
			return err
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if found != nil {
				found(p)
			}
			return nil
		}
		if t.dirs[p] {
			return nil
		}
		if err := t.n.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		t.dirs[p] = true
		return nil
	})
}

// forget drops the watches on dir and below it, after it was removed or
// renamed away.
func (t *tree) forget(dir string) {
	var gone []string
	for d := range t.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			gone = append(gone, d)
		}
	}
	sort.Strings(gone)
	for _, d := range gone {
		delete(t.dirs, d)
		_ = t.n.Remove(d) // the kernel has usually dropped it already
	}
}

// relevant reports whether a path can change the site: oferta.toml or an
// entry below a watched top, not an editor's temporary or backup file.
func (t *tree) relevant(p string) bool {
	rel, err := filepath.Rel(t.root, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "oferta.toml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	found := false
	for _, w := range watchedTops {
		found = found || w == top
	}
	if !found {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if ignored(part) {
			return false
		}
	}
	return true
}

// handle follows one event: new folders are watched (with the files
// already inside them reported), removed ones forgotten. changed is
// called with every path the event changes.
func (t *tree) handle(ev Event, changed func(string)) {
	p := filepath.Clean(ev.Path)
	if !t.relevant(p) {
		return
	}
	if ev.Gone {
		t.forget(p)
		changed(p)
		return
	}
	fi, err := os.Lstat(p)
	if err != nil {
		// Gone again already (a temporary file): what is on disk now is
		// what the rebuild reads.
		t.forget(p)
		changed(p)
		return
	}
	if fi.IsDir() && !t.dirs[p] {
		_ = t.addTree(p, changed) // a folder that vanished meanwhile is no error
	}
	changed(p)
}

// ignored reports names that editors and tools write beside the real
// files: hidden files (the site loader skips them too), backups ("x~"),
// swap files and vim's write test "4913".
func ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"), name == "4913":
		return true
	}
	switch filepath.Ext(name) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak":
		return true
	}
	return false
}
