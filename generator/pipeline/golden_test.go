package pipeline_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden renders the site in testdata/golden/site.txtar with the
// built-in library and theme and compares every page with the files in
// testdata/golden/out. After an intended change to clauses, theme or
// rendering, run `go test ./generator/pipeline -run Golden -update` and
// review the diff.
func TestGolden(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/golden/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	outDir := filepath.Join("testdata", "golden", "out")
	if *update {
		os.RemoveAll(outDir)
	}
	seen := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") && f.Path != "sitemap.xml" && f.Path != "feed.xml" {
			continue // assets are checked by their own tests
		}
		seen++
		golden := filepath.Join(outDir, filepath.FromSlash(f.Path))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update): %v", f.Path, err)
			continue
		}
		if string(want) != string(f.Data) {
			t.Errorf("%s differs from %s:\n%s", f.Path, golden, firstDiff(string(want), string(f.Data)))
		}
	}
	if seen < 5 {
		t.Errorf("only %d pages rendered", seen)
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
