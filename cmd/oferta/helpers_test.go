package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
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

// exampleSiteWithFee is the example school with a 3 % acquiring fee, so
// that the calculation shows every kind of step. The school itself
// withholds no fee.
func exampleSiteWithFee(t *testing.T) string {
	t.Helper()
	dir := sitetest.ExampleSite(t)
	path := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(data), "bank_fee_percent = 0", "bank_fee_percent = 3", 1)
	if cfg == string(data) {
		t.Fatal("the example school's oferta.toml has no bank_fee_percent = 0")
	}
	sitetest.WriteFile(t, path, cfg)
	return dir
}

// mustBuild builds the site in dir into dir/public and returns the tree.
func mustBuild(t *testing.T, dir string, extra ...string) map[string]string {
	t.Helper()
	code, _, stderr := run(t, append([]string{"build", "-q", "-s", dir}, extra...)...)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	return sitetest.ReadTree(t, filepath.Join(dir, "public"))
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
