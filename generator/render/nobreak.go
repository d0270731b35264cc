package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// Where a line must not break in a user's string: between a number and
// the word or sign after it ("8 недель", "80 000 ₽", "15 %"), inside a
// number's groups ("80 000"), and between a word or "№" and the number
// after it ("офис 3", "д. 12", "№ 5").
var (
	noBreakAfterNumber  = regexp.MustCompile(`(\d) ([\p{L}₽€$%№\d])`)
	noBreakBeforeNumber = regexp.MustCompile(`(\p{L}\.?|№) (\d)`)
)

// noBreak puts no-break spaces into s where a number meets its word (see
// above), for the theme's {{ nb }}: course titles, addresses, card facts.
// A break after a colon or a dash stays possible ("SMM: 8 недель" breaks
// only after the colon).
func noBreak(s string) string {
	// Twice: a match consumes the character after the space, which may
	// start the next pair ("8 8 8").
	for range 2 {
		s = noBreakAfterNumber.ReplaceAllString(s, "$1\u00a0$2")
		s = noBreakBeforeNumber.ReplaceAllString(s, "$1\u00a0$2")
	}
	return s
}

// cssString is s as a quoted CSS string: quotes, backslashes, line
// breaks and the characters of HTML markup escaped, so it can stand in a
// <style> element ("Договор — \"SMM\"").
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\', '<', '>', '&', '\n', '\r', '\f':
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}
