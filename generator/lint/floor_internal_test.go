package lint

import (
	"testing"

	"github.com/oferta-dev/oferta/generator/expr"
)

// TestSpecFormulasPrint: atFloor recognises the library's formulas by
// their printed form; it must be the SPEC's text exactly.
func TestSpecFormulasPrint(t *testing.T) {
	for _, f := range []string{specProrata, specFlat} {
		if got := expr.MustParse(f).String(); got != f {
			t.Errorf("%s prints as %s", f, got)
		}
	}
}
