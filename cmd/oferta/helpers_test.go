package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the repository, which is itself the example site.
const repoRoot = "../.."

// run runs the command line in-process.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// exampleSite copies the example school's own files (oferta.toml and
// content/) into a temporary folder; clauses and theme come from the
// binary, as they do for every user's site.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join(repoRoot, "oferta.toml"), filepath.Join(dir, "oferta.toml"))
	copyTree(t, filepath.Join(repoRoot, "content"), filepath.Join(dir, "content"))
	return dir
}

// exampleSiteWithFee is the example school with a 3 % acquiring fee, so
// that the calculation shows every kind of step. The school itself
// withholds no fee.
func exampleSiteWithFee(t *testing.T) string {
	t.Helper()
	dir := exampleSite(t)
	path := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(data), "bank_fee_percent = 0", "bank_fee_percent = 3", 1)
	if cfg == string(data) {
		t.Fatal("the example school's oferta.toml has no bank_fee_percent = 0")
	}
	writeFile(t, path, cfg)
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readTree returns every file below dir by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// mustBuild builds the site in dir into dir/public and returns the tree.
func mustBuild(t *testing.T, dir string, extra ...string) map[string]string {
	t.Helper()
	code, _, stderr := run(t, append([]string{"build", "-q", "-s", dir}, extra...)...)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	return readTree(t, filepath.Join(dir, "public"))
}

// htmlPages returns the paths of the HTML pages in a tree.
func htmlPages(tree map[string]string) []string {
	var out []string
	for p := range tree {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	return out
}
