package lint

import (
	"fmt"
	"io"
)

// WriteText prints findings as file:line:col: severity: message [rule].
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s: %s: %s [%s]\n", position(f), f.Severity, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}

func position(f Finding) string {
	switch {
	case f.Line == 0:
		return f.File
	case f.Col == 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
}
