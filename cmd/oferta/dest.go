package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkDest refuses an output folder whose replacement would destroy the
// site: the site folder itself, a folder that contains it, or one of its
// own folders other than public/ (content/, clauses/, editions/, …). The
// build replaces the whole output folder, so pointing it at the wrong
// place must fail before anything is moved.
func checkDest(site, dest string) error {
	s, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if rs, err := filepath.EvalSymlinks(s); err == nil {
		s = rs
	}
	if rd, err := filepath.EvalSymlinks(d); err == nil {
		d = rd
	}
	within := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case within(s, d):
		return fmt.Errorf("-d %s holds the site itself; the build replaces the whole output folder, so choose a folder of its own, such as %s", dest, filepath.Join(site, "public"))
	case within(d, s) && !within(d, filepath.Join(s, "public")):
		return fmt.Errorf("-d %s is inside the site, where the build would replace your files; use %s or a folder outside the site", dest, filepath.Join(site, "public"))
	}
	if fi, err := os.Stat(d); err == nil && !fi.IsDir() {
		return fmt.Errorf("-d %s is a file, not a folder", dest)
	}
	return nil
}
