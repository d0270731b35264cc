// Package output writes a built site to disk. Everything is written to a
// fresh temporary folder beside the destination first; only when every
// file is written is the old destination moved aside and the new one
// renamed into its place. A failed build therefore never leaves a
// half-written site, and the previous output stays exactly as it was.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/oferta-dev/oferta/generator/render"
)

// Write replaces the folder dest with files.
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

// Writer writes a site file by file into a temporary folder beside its
// destination and swaps it in on Commit, so that a build can write each
// page as soon as it is rendered instead of holding the whole site in
// memory. Write may be called from several goroutines at once.
type Writer struct {
	dest, tmp string
	dirs      sync.Map // folders inside tmp known to exist
}

// Create starts writing a new version of the folder dest.
func Create(dest string) (*Writer, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dest); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder", dest)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{dest: dest, tmp: tmp}, nil
}

// Write writes one file into the new folder.
func (w *Writer) Write(f render.File) error {
	clean := path.Clean(f.Path)
	if f.Path == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || clean != f.Path {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", f.Path)
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

// Commit puts the new folder in the place of the old one.
func (w *Writer) Commit() error {
	if err := swap(w.tmp, w.dest); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// Abort removes the new folder and leaves the destination as it was.
func (w *Writer) Abort() { os.RemoveAll(w.tmp) }

// swap puts the folder tmp where dest is. The old dest is moved aside
// first and removed only after the new one is in place.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		parent, base := filepath.Split(dest)
		if parent == "" {
			parent = "."
		}
		aside, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(aside, base)
		if err := os.Rename(dest, old); err != nil {
			os.Remove(aside)
			return err
		}
		defer os.RemoveAll(aside)
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest) // put the previous output back
		}
		return err
	}
	return nil
}
