package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/output"
)

// checkDest refuses an output folder whose replacement would destroy the
// site: the site folder itself, a folder that contains it, or what the
// site is made of (oferta.toml, content/, clauses/, themes/, editions/). The
// build replaces the whole output folder, so pointing it at the wrong
// place must fail before anything is moved. Any other folder is replaced
// only when it is absent, empty or marked as oferta's output
// (output.Check).
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
	}
	for _, own := range []string{"oferta.toml", "content", "clauses", "themes", "editions"} {
		if within(d, filepath.Join(s, own)) {
			return fmt.Errorf("-d %s is the site's %s, which the build would replace; use %s or another folder of its own", dest, own, filepath.Join(site, "public"))
		}
	}
	if fi, err := os.Stat(d); err == nil && !fi.IsDir() {
		return fmt.Errorf("-d %s is a file, not a folder", dest)
	}
	// Only a folder that is empty or that oferta wrote may be replaced:
	// checked now, before the build, and again when the output is
	// swapped in.
	return output.Check(dest)
}
