package serve

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// fakeNotifier records the folders a tree watches.
type fakeNotifier struct {
	added, removed []string
}

func (f *fakeNotifier) Add(dir string) error    { f.added = append(f.added, dir); return nil }
func (f *fakeNotifier) Remove(dir string) error { f.removed = append(f.removed, dir); return nil }
func (f *fakeNotifier) Events() <-chan Event    { return nil }
func (f *fakeNotifier) Errors() <-chan error    { return nil }
func (f *fakeNotifier) Close() error            { return nil }

// TestServeTreeFollowsFolders checks the recursive watch: folders that
// appear later are watched with the files already in them reported,
// removed ones are forgotten, and files that cannot change the site are
// ignored.
func TestServeTreeFollowsFolders(t *testing.T) {
	root := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(root, "oferta.toml"), "")
	sitetest.WriteFile(t, filepath.Join(root, "content", "a.toml"), "")
	sitetest.WriteFile(t, filepath.Join(root, "public", "index.html"), "")
	n := &fakeNotifier{}
	tr := newTree(n, root)
	if err := tr.start(); err != nil {
		t.Fatal(err)
	}
	if want := []string{root, filepath.Join(root, "content")}; !equalSorted(n.added, want) {
		t.Fatalf("watching %v, want %v", n.added, want)
	}

	// A whole clause tree appears at once (mkdir -p, then a file).
	sitetest.WriteFile(t, filepath.Join(root, "clauses", "ru", "extra", "x.md"), "")
	var changed []string
	tr.handle(Event{Path: filepath.Join(root, "clauses")}, func(p string) { changed = append(changed, p) })
	for _, d := range []string{"clauses", "clauses/ru", "clauses/ru/extra"} {
		if !tr.dirs[filepath.Join(root, d)] {
			t.Errorf("%s is not watched", d)
		}
	}
	if !contains(changed, filepath.Join(root, "clauses", "ru", "extra", "x.md")) {
		t.Errorf("the file inside the new folder is not reported: %v", changed)
	}

	// Files that cannot change the site.
	for _, p := range []string{"public/index.html", "README.md", "content/.a.toml.swp", "content/a.toml~", "content/4913", ".git/index"} {
		var got []string
		tr.handle(Event{Path: filepath.Join(root, p)}, func(p string) { got = append(got, p) })
		if len(got) > 0 {
			t.Errorf("%s reported as a change", p)
		}
	}

	// A removed folder is forgotten with everything below it.
	if err := os.RemoveAll(filepath.Join(root, "clauses")); err != nil {
		t.Fatal(err)
	}
	tr.handle(Event{Path: filepath.Join(root, "clauses"), Gone: true}, func(string) {})
	for d := range tr.dirs {
		if d != root && d != filepath.Join(root, "content") {
			t.Errorf("%s still watched after its removal", d)
		}
	}
	if len(n.removed) != 3 {
		t.Errorf("removed watches %v, want the 3 clause folders", n.removed)
	}
}

func equalSorted(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
