// Package output writes a built site to disk. Everything is written to a
// fresh temporary folder beside the destination first; only when every
// file is written is the new folder swapped into the destination's place
// (on Linux in one atomic exchange of the two folders). A failed or
// interrupted build therefore never leaves a half-written site, and the
// previous output stays exactly as it was.
//
// A folder oferta writes carries a marker file (Marker). The destination
// is replaced only when it is absent, empty, or carries the marker:
// anything else is somebody's own folder, and Create refuses it with a
// *RefusedError. Temporary folders that an interrupted build left beside
// the destination are recognised by their name and their marker and
// removed by the next Create.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/oferta-dev/oferta/generator/render"
)

// Marker is the name of the file that marks a folder as written by
// oferta. It is not a page: it is in no sitemap and no file list, and its
// content never changes, so two builds of the same input stay identical.
const Marker = ".oferta-output"

// markerText is what the marker says to whoever opens it.
const markerText = `This folder was written by oferta (https://github.com/oferta-dev/oferta).
Every build replaces the whole folder, so do not keep files of your own in it.
oferta replaces a folder only when it is empty or holds this file.
`

// Write replaces the folder dest with files. It is Create, Write for
// each file and Commit, and what a command that writes a folder in one go
// (such as the seller's kit) calls.
func Write(dest string, files []render.File) error {
	w, err := Create(dest)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.Write(f); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

// RefusedError reports a destination that oferta will not replace
// because it did not create it.
type RefusedError struct {
	Dest   string
	Reason string // why, and what to do
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to replace %s: %s", e.Dest, e.Reason)
}

// Check reports whether the folder dest may be replaced by a build: it
// is absent, an empty folder, or a folder with oferta's marker. Otherwise
// the error is a *RefusedError that says why and what to do.
//
// A folder written by a version of oferta older than the marker has none
// and is refused like any other: telling it apart from a user's own
// folder would take guessing, and a wrong guess deletes the user's files.
// Deleting it once by hand is all that is needed.
func Check(dest string) error {
	fi, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &RefusedError{Dest: dest, Reason: "it is a file, not a folder. Choose a folder (a new or an empty one)."}
	}
	if hasMarker(dest) {
		return nil
	}
	f, err := os.Open(dest)
	if err != nil {
		return err
	}
	names, err := f.Readdirnames(1)
	f.Close()
	if len(names) == 0 && (err == nil || errors.Is(err, io.EOF)) {
		return nil
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return &RefusedError{Dest: dest, Reason: "it is not empty and was not written by oferta (it has no " + Marker + " file). " +
		"Choose an empty or a new folder, or delete this one yourself. " +
		"If an older version of oferta wrote it, delete it once; every build since marks its output."}
}

// hasMarker reports whether dir holds the marker as a regular file.
func hasMarker(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && fi.Mode().IsRegular()
}

// Writer writes a site file by file into a temporary folder beside its
// destination and swaps it in on Commit, so that a build can write each
// page as soon as it is rendered instead of holding the whole site in
// memory. Write may be called from several goroutines at once.
type Writer struct {
	dest, tmp string
	dirs      sync.Map // folders inside tmp known to exist
	lock      func()   // releases the lock on tmp
}

// Create starts writing a new version of the folder dest. It fails with a
// *RefusedError when dest is not a folder oferta may replace (see
// Check), and removes what interrupted builds left beside dest.
func Create(dest string) (*Writer, error) {
	dest = filepath.Clean(dest)
	// A destination that is a symbolic link is written where it points:
	// the link stays, and the folder it names is checked and replaced.
	if real, err := filepath.EvalSymlinks(dest); err == nil {
		dest = real
	}
	if err := Check(dest); err != nil {
		return nil, err
	}
	parent, base := split(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	RemoveStale(dest)
	tmp, err := os.MkdirTemp(parent, tempPrefix(base, "new"))
	if err != nil {
		return nil, err
	}
	w := &Writer{dest: dest, tmp: tmp, lock: func() {}}
	// The marker is written first, so that a folder left by a build that
	// was killed is recognisable as ours.
	err = os.Chmod(tmp, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	if err == nil {
		w.lock, err = lockDir(tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return w, nil
}

// Dest is the folder the Writer replaces (with symbolic links resolved).
func (w *Writer) Dest() string { return w.dest }

// Write writes one file into the new folder.
func (w *Writer) Write(f render.File) error {
	clean := path.Clean(f.Path)
	if f.Path == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || clean != f.Path {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", f.Path)
	}
	if clean == Marker {
		return fmt.Errorf("refusing to write %q: the name is oferta's own marker of its output folders", f.Path)
	}
	if err := w.mkdir(path.Dir(clean)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(w.tmp, filepath.FromSlash(clean)), f.Data, 0o644)
}

// mkdir makes the folder dir (slash-separated, inside tmp) and its
// parents, remembering what exists: one system call per new folder
// where os.MkdirAll would first look at every parent.
func (w *Writer) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	// Another goroutine may make the same folder at the same moment.
	if err := os.Mkdir(filepath.Join(w.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

// Commit puts the new folder in the place of the old one. The
// destination is checked again first: it may have changed during the
// build.
func (w *Writer) Commit() error {
	defer w.lock()
	err := Check(w.dest)
	if err == nil {
		err = swap(w.tmp, w.dest)
	}
	if err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// Abort removes the new folder and leaves the destination as it was.
func (w *Writer) Abort() {
	w.lock()
	os.RemoveAll(w.tmp)
}

// RemoveStale removes the temporary folders that builds into dest left
// beside it when they were interrupted or killed: folders named like
// ours (".public.new-*", ".public.old-*" for dest "public") that carry
// the marker, and that no running build holds (where the system can
// tell). Anything else is left alone. Errors are ignored: a leftover is
// tried again next time.
func RemoveStale(dest string) {
	parent, base := split(filepath.Clean(dest))
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(name, tempPrefix(base, "new")) || strings.HasPrefix(name, tempPrefix(base, "old"))) {
			continue // a symbolic link is not a folder here, and is left alone
		}
		m := filepath.Join(parent, name)
		if !hasMarker(m) || busy(m) {
			continue // not ours, or another build is writing it right now
		}
		os.RemoveAll(m)
	}
}

// tempPrefix is the start of the name of a temporary folder beside the
// destination base: ".public.new-" for a new build, ".public.old-" for
// the previous output on its way out.
func tempPrefix(base, kind string) string { return "." + base + "." + kind + "-" }

func split(dest string) (parent, base string) {
	parent, base = filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	return filepath.Clean(parent), base
}

// swap puts the folder tmp where dest is and removes the old dest. The
// destination is never missing: on Linux the two folders trade places in
// one atomic exchange; elsewhere (or on a file system without the
// exchange) the old folder is renamed aside, the new one renamed in, and
// the old one removed, so that only a crash between the two renames could
// leave no destination (and the old one is then still beside it).
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, dest)
	} else if err != nil {
		return err
	}
	err := exchange(tmp, dest)
	if err == nil {
		return os.RemoveAll(tmp) // tmp is now the previous output
	}
	if !errors.Is(err, errNoExchange) {
		return err
	}
	parent, base := split(dest)
	aside, err := os.MkdirTemp(parent, tempPrefix(base, "old"))
	if err != nil {
		return err
	}
	// An empty destination has no marker: give it one, so that it is
	// recognisable as ours while it is aside.
	if !hasMarker(dest) {
		os.WriteFile(filepath.Join(dest, Marker), []byte(markerText), 0o644)
	}
	if err := os.Remove(aside); err != nil {
		return err
	}
	if err := os.Rename(dest, aside); err != nil {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(aside, dest) // put the previous output back
		return err
	}
	return os.RemoveAll(aside)
}

// errNoExchange reports that the system cannot exchange two folders
// atomically.
var errNoExchange = errors.New("atomic exchange not supported")
