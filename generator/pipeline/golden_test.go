package pipeline_test

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden renders the site in testdata/golden/site.txtar with the
// built-in library and theme and compares every page with the files in
// testdata/golden/out. After an intended change to clauses, theme or
// rendering, run `go test ./generator/pipeline -run Golden -update` and
// review the diff.
func TestGolden(t *testing.T) {
	dir, _ := sitetest.Txtar(t, "testdata/golden/site.txtar")
	checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range checked.Findings {
		t.Logf("finding: %s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule, f.Message)
	}
	files, err := pipeline.Render(checked, false)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") && f.Path != "sitemap.xml" && f.Path != "feed.xml" {
			continue // assets are checked by their own tests
		}
		pages[f.Path] = f.Data
	}
	if len(pages) < 5 {
		t.Errorf("only %d pages rendered", len(pages))
	}
	compareGolden(t, filepath.Join("testdata", "golden", "out"), pages)
}

// compareGolden compares pages (by slash-separated path) with the files
// below dir. A file below dir that no page has is stale: an error that
// names it, since a page the site no longer builds must not keep passing
// as "tested". With -update, dir is rewritten to hold exactly the pages:
// changed files are rewritten and stale ones deleted.
func compareGolden(t testing.TB, dir string, pages map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(pages)) {
		data := pages[path]
		golden := filepath.Join(dir, filepath.FromSlash(path))
		if *update {
			sitetest.WriteFile(t, golden, string(data))
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update): %v", path, err)
			continue
		}
		if string(want) != string(data) {
			t.Errorf("%s differs from %s:\n%s", path, golden, firstDiff(string(want), string(data)))
		}
	}
	var golden map[string]string
	if _, err := os.Stat(dir); err == nil {
		golden = sitetest.ReadTree(t, dir)
	}
	for _, path := range slices.Sorted(maps.Keys(golden)) {
		if _, ok := pages[path]; !ok {
			t.Errorf("%s: stale golden file: no page is built for it (run with -update to delete it)", filepath.Join(dir, filepath.FromSlash(path)))
		}
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return ""
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	if s == "" {
		return "0"
	}
	return s
}

// errorLog is a testing.TB that records its errors instead of failing.
type errorLog struct {
	testing.TB
	errs []string
}

func (l *errorLog) Errorf(format string, args ...any) {
	l.errs = append(l.errs, fmt.Sprintf(format, args...))
}

// TestCompareGoldenStale: a golden file no page is built for fails the
// comparison, naming the file; a missing one and a changed one too.
func TestCompareGoldenStale(t *testing.T) {
	if *update {
		t.Skip("-update rewrites instead of comparing")
	}
	dir := sitetest.New(t, map[string]string{
		"a/index.html":    "same",
		"b/index.html":    "old",
		"gone/index.html": "stale",
	})
	log := &errorLog{TB: t}
	compareGolden(log, dir, map[string][]byte{
		"a/index.html":   []byte("same"),
		"b/index.html":   []byte("new"),
		"new/index.html": []byte("added"),
	})
	want := []string{"b/index.html differs", "new/index.html: no golden file", filepath.Join(dir, "gone", "index.html") + ": stale golden file"}
	if len(log.errs) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(log.errs, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(log.errs[i], w) {
			t.Errorf("error %d = %q, want it to start with %q", i, log.errs[i], w)
		}
	}
}
