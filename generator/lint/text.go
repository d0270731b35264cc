package lint

import (
	"fmt"
	"io"

	"github.com/oferta-dev/oferta/generator/site"
)

// WriteText prints findings as file:line:col: severity: message [rule].
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		pos := site.Pos{File: f.File, Line: f.Line, Col: f.Col}
		if _, err := fmt.Fprintf(w, "%s: %s: %s [%s]\n", pos, f.Severity, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}
