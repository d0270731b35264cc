package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

// TestGoldenDeRo renders the German and the Romanian sister sites
// (examples/de, examples/ro) and compares their pages — index, contract,
// FAQ with the refund table and calculator, statement — with
// testdata/golden-de and testdata/golden-ro. Both sites must lint without
// errors. After an intended change run
// `go test ./generator/pipeline -run GoldenDeRo -update` and review the diff.
func TestGoldenDeRo(t *testing.T) {
	for _, l := range []string{"de", "ro"} {
		t.Run(l, func(t *testing.T) {
			checked, err := pipeline.Check(filepath.Join("..", "..", "examples", l), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range checked.Findings {
				t.Errorf("finding: %s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule, f.Message)
			}
			files, err := pipeline.Render(checked, false)
			if err != nil {
				t.Fatal(err)
			}
			pages := map[string][]byte{}
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".html") {
					continue
				}
				if !strings.Contains(string(f.Data), `<html lang="`+l+`"`) {
					t.Errorf("%s: no <html lang=%q>", f.Path, l)
				}
				pages[f.Path] = f.Data
			}
			compareGolden(t, filepath.Join("testdata", "golden-"+l), pages)
			if len(pages) < 7 {
				t.Errorf("only %d pages rendered", len(pages))
			}
		})
	}
}

// TestCalculationDeRo renders the refund calculation (text and the
// printable document) of a course of each sister site and compares it
// with testdata/calc-dero/<lang>-<slug>.{txt,html} (not under golden-<lang>,
// which -update of TestGoldenDeRo empties): the amount stands in
// figures and in words, in German and in Romanian.
func TestCalculationDeRo(t *testing.T) {
	cases := []struct {
		lang, slug string
		used       int
		words      string
	}{
		{"de", "deutsch-b1", 4, "neunhundertdreiundfünfzig Euro und 33 Cent"},
		{"ro", "engleza-b1", 3, "o mie șase sute zece lei și 00 bani"},
	}
	pages := map[string][]byte{}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			checked, err := pipeline.Check(filepath.Join("..", "..", "examples", c.lang), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
			if err != nil {
				t.Fatal(err)
			}
			var k *contract.Contract
			for _, x := range checked.Contracts {
				if x.Course.Slug == c.slug {
					k = x
				}
			}
			if k == nil {
				t.Fatalf("no course %s", c.slug)
			}
			req := refund.Request{Used: c.used}
			res, err := refund.Compute(k.Terms, req)
			if err != nil {
				t.Fatal(err)
			}
			r, err := render.New(checked.Site)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := r.Calculation(k, req, res, render.CalcFor{})
			if err != nil {
				t.Fatal(err)
			}
			text := render.CalcText(k, req, res, render.CalcFor{})
			for name, data := range map[string]string{c.lang + "-" + c.slug + ".txt": text, c.lang + "-" + c.slug + ".html": string(doc)} {
				if !strings.Contains(data, c.words) {
					t.Errorf("%s: no amount in words %q", name, c.words)
				}
				pages[name] = []byte(data)
			}
		})
	}
	// The folder is compared as a whole, stale files included, only when
	// every case ran: -run naming one would find the others' files stale.
	if len(pages) == 2*len(cases) {
		compareGolden(t, filepath.Join("testdata", "calc-dero"), pages)
	}
}
