package lint

import (
	"fmt"
	"io"
	"strings"
)

// WriteGitHub prints findings as GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request:
//
//	::error file=content/smm.toml,line=4,col=1,title=refund/waiver::message
//
// Paths must be relative to the repository root, which is where CI runs.
func WriteGitHub(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		var b strings.Builder
		b.WriteString("::")
		b.WriteString(f.Severity.String())
		b.WriteString(" file=")
		b.WriteString(escapeProperty(f.File))
		if f.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", f.Line)
			if f.Col > 0 {
				fmt.Fprintf(&b, ",col=%d", f.Col)
			}
		}
		b.WriteString(",title=")
		b.WriteString(escapeProperty(f.Rule))
		b.WriteString("::")
		b.WriteString(escapeData(f.Message))
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message as the runner expects
// (actions/toolkit, command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data,
// and also ":" and ",", which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
