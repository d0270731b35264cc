package contract

import "strings"

// escapeMarkdown puts a backslash before every ASCII punctuation character,
// which CommonMark defines as a literal character, and turns line breaks
// into spaces. The result shows as exactly the text given, whatever it
// holds: "<script>" stays text, "*x*" stays with its stars.
func escapeMarkdown(s string) string {
	// Every byte to change is ASCII, so the text is read byte by byte and
	// copied in runs; a text with nothing to change is returned as it is.
	i := 0
	for i < len(s) && !escapeByte(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	start := 0
	for ; i < len(s); i++ {
		c := s[i]
		if !escapeByte(c) {
			continue
		}
		b.WriteString(s[start:i])
		if c == '\n' || c == '\r' {
			b.WriteByte(' ')
		} else {
			b.WriteByte('\\')
			b.WriteByte(c)
		}
		start = i + 1
	}
	b.WriteString(s[start:])
	return b.String()
}

// escapeByte reports whether escapeMarkdown changes byte c.
func escapeByte(c byte) bool {
	return c == '\n' || c == '\r' || c < 0x80 && isASCIIPunct(c)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
