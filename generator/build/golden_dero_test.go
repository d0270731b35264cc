package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/build"
	"github.com/oferta-dev/oferta/generator/site"
)

// TestGoldenDeRo renders the German and the Romanian sister sites
// (examples/de, examples/ro) and compares their pages — index, contract,
// FAQ with the refund table and calculator, statement — with
// testdata/golden-de and testdata/golden-ro. Both sites must lint without
// errors. After an intended change run
// `go test ./generator/build -run GoldenDeRo -update` and review the diff.
func TestGoldenDeRo(t *testing.T) {
	for _, l := range []string{"de", "ro"} {
		t.Run(l, func(t *testing.T) {
			checked, err := build.Check(filepath.Join("..", "..", "examples", l), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range checked.Findings {
				t.Errorf("finding: %s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule, f.Message)
			}
			files, err := build.Render(checked, false)
			if err != nil {
				t.Fatal(err)
			}
			outDir := filepath.Join("testdata", "golden-"+l)
			if *update {
				os.RemoveAll(outDir)
			}
			seen := 0
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".html") {
					continue
				}
				seen++
				if !strings.Contains(string(f.Data), `<html lang="`+l+`"`) {
					t.Errorf("%s: no <html lang=%q>", f.Path, l)
				}
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
			if seen < 7 {
				t.Errorf("only %d pages rendered", seen)
			}
		})
	}
}
