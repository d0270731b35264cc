// Package output writes a built site to disk. Everything is written to a
// fresh temporary folder beside the destination first; only when every
// file is written is the old destination moved aside and the new one
// renamed into its place. A failed build therefore never leaves a
// half-written site, and the previous output stays exactly as it was.
package output

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/render"
)

// Write replaces the folder dest with files.
func Write(dest string, files []render.File) (err error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	if fi, err := os.Stat(dest); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dest)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(tmp, f); err != nil {
			return err
		}
	}
	return swap(tmp, dest)
}

func writeFile(root string, f render.File) error {
	clean := path.Clean(f.Path)
	if f.Path == "" || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || clean != f.Path {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", f.Path)
	}
	full := filepath.Join(root, filepath.FromSlash(clean))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, f.Data, 0o644)
}

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
