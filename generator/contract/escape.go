package contract

import "strings"

// escapeMarkdown puts a backslash before every ASCII punctuation character,
// which CommonMark defines as a literal character, and turns line breaks
// into spaces. The result shows as exactly the text given, whatever it
// holds: "<script>" stays text, "*x*" stays with its stars.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && isASCIIPunct(byte(r)):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
