package sitetest

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// module is the module path Root looks for in go.mod.
const module = "github.com/oferta-dev/oferta"

// Root returns the repository's root folder, which is itself the example
// school: the nearest folder above the current one whose go.mod declares
// the oferta module.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module "+module+"\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod of %s above the current folder", module)
		}
		dir = parent
	}
}

// New writes files (by slash-separated path) into a new temporary folder
// and returns it.
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, files)
	return dir
}

// Write writes files (by slash-separated path) below dir.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), files[name])
	}
}

// WriteFile writes data to path, creating its folders.
func WriteFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ReadFile returns the contents of path.
func ReadFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Replace replaces the first old in the file at path with new; old must
// be there.
func Replace(t testing.TB, path, old, new string) {
	t.Helper()
	src := ReadFile(t, path)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	WriteFile(t, path, strings.Replace(src, old, new, 1))
}

// Txtar parses the archive file and writes its files, except those named
// in keep, into a new temporary folder. The archive comes back too: the
// files kept out of the folder are a test's expectations.
func Txtar(t testing.TB, file string, keep ...string) (dir string, ar *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, f := range ar.Files {
		if slices.Contains(keep, f.Name) {
			continue
		}
		WriteFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	return dir, ar
}

// CopyFile copies the file from to the file to, creating its folders.
func CopyFile(t testing.TB, from, to string) {
	t.Helper()
	WriteFile(t, to, ReadFile(t, from))
}

// CopyTree copies every folder and file below from to the same path below
// to.
func CopyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		CopyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ExampleSite copies the example school's own files, oferta.toml and
// content/, into a new temporary folder. Clauses and theme are left out:
// they come built in, as they do for every user's site.
func ExampleSite(t testing.TB) string {
	t.Helper()
	root := Root(t)
	dir := t.TempDir()
	CopyFile(t, filepath.Join(root, "oferta.toml"), filepath.Join(dir, "oferta.toml"))
	CopyTree(t, filepath.Join(root, "content"), filepath.Join(dir, "content"))
	return dir
}

// ReadTree returns every file below dir by slash-separated relative
// path.
func ReadTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Copy copies every file below the folder from into a new temporary
// folder and returns it.
func Copy(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	CopyTree(t, from, dir)
	return dir
}
