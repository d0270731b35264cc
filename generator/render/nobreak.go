package render

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// noBreak puts no-break spaces into s where a line must not break in a
// user's string, for the theme's {{ nb }}: course titles, addresses, card
// facts. That is a space between a number and the word or sign after it
// ("8 недель", "80 000 ₽", "15 %"), inside a number's groups ("80 000"),
// and between a word (or an abbreviation's full stop: "д. 12") or "№" and
// the number after it ("офис 3", "№ 5"). A break after a colon or a dash
// stays possible ("SMM: 8 недель" breaks only after the colon).
func noBreak(s string) string {
	if !strings.Contains(s, " ") || strings.IndexFunc(s, isDigit) < 0 {
		return s // the common case: nothing to join
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev, prev2 rune // the two runes before the current one
	for i, r := range s {
		if r == ' ' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if joinsAround(prev2, prev, next) {
				b.WriteRune('\u00a0')
				prev2, prev = prev, '\u00a0'
				continue
			}
		}
		b.WriteRune(r)
		prev2, prev = prev, r
	}
	return b.String()
}

// joinsAround reports whether a space between prev and next must not
// break (see noBreak); before is the rune before prev.
func joinsAround(before, prev, next rune) bool {
	switch {
	case isDigit(prev):
		return unicode.IsLetter(next) || isDigit(next) || strings.ContainsRune("₽€$%№", next)
	case isDigit(next):
		return unicode.IsLetter(prev) || prev == '№' || (prev == '.' && unicode.IsLetter(before))
	}
	return false
}

// isDigit is an ASCII digit: numbers in user strings are written with them.
func isDigit(r rune) bool { return '0' <= r && r <= '9' }

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
