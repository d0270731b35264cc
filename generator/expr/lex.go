package expr

import (
	"strings"
	"unicode/utf8"
)

// Limits on hostile or mistaken input. A real formula is a line or two.
const (
	MaxSource    = 4096 // bytes of source
	MaxDepth     = 64   // nesting of parentheses, calls and unary operators
	MaxNumDigits = 40   // digits in one number literal
)

type tokenKind uint8

const (
	tEOF tokenKind = iota
	tNum
	tStr
	tIdent
	tTrue
	tFalse
	tAnd
	tOr
	tNot
	tLParen
	tRParen
	tComma
	tPlus
	tMinus
	tStar
	tSlash
	tEq
	tNe
	tLt
	tLe
	tGt
	tGe
)

type token struct {
	kind tokenKind
	pos  int    // byte offset of the token's first byte
	text string // source text; for tStr the unquoted value
}

// describe names a token in an error message.
func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of formula"
	case tNum:
		return "number " + t.text
	case tStr:
		return "string " + quoteShort(t.text)
	case tIdent:
		return "name " + quoteShort(t.text)
	}
	return "'" + t.text + "'"
}

var keywords = map[string]tokenKind{
	"and": tAnd, "or": tOr, "not": tNot, "true": tTrue, "false": tFalse,
}

// lexer produces tokens on demand; the parser keeps one token of lookahead.
type lexer struct {
	src string
	pos int
}

func (l *lexer) errorf(off int, format string, args ...any) *Error {
	return errorAt(l.src, off, format, args...)
}

func (l *lexer) next() (token, *Error) {
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case ' ', '\t', '\n', '\r':
			l.pos++
			continue
		}
		break
	}
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tEOF, pos: start}, nil
	}
	c := l.src[start]
	switch {
	case isDigit(c):
		return l.number()
	case isLetter(c):
		return l.ident()
	case c == '"':
		return l.string()
	}
	two := ""
	if start+1 < len(l.src) {
		two = l.src[start : start+2]
	}
	tok := func(k tokenKind, n int) (token, *Error) {
		l.pos += n
		return token{kind: k, pos: start, text: l.src[start:l.pos]}, nil
	}
	switch two {
	case "==":
		return tok(tEq, 2)
	case "!=":
		return tok(tNe, 2)
	case "<=":
		return tok(tLe, 2)
	case ">=":
		return tok(tGe, 2)
	case "&&":
		return token{}, l.errorf(start, "unexpected '&&'; write 'and'")
	case "||":
		return token{}, l.errorf(start, "unexpected '||'; write 'or'")
	}
	switch c {
	case '(':
		return tok(tLParen, 1)
	case ')':
		return tok(tRParen, 1)
	case ',':
		return tok(tComma, 1)
	case '+':
		return tok(tPlus, 1)
	case '-':
		return tok(tMinus, 1)
	case '*':
		return tok(tStar, 1)
	case '/':
		return tok(tSlash, 1)
	case '<':
		return tok(tLt, 1)
	case '>':
		return tok(tGt, 1)
	case '=':
		return token{}, l.errorf(start, "unexpected '='; write '==' to compare")
	case '!':
		return token{}, l.errorf(start, "unexpected '!'; write 'not' or '!='")
	case '%':
		return token{}, l.errorf(start, "unexpected '%%'; write a percentage as a fraction (3 %% is 0.03)")
	case '.':
		return token{}, l.errorf(start, "unexpected '.'; write a number with a leading digit (0.5)")
	case '\'':
		return token{}, l.errorf(start, "unexpected \"'\"; strings are written in double quotes")
	}
	r, _ := utf8.DecodeRuneInString(l.src[start:])
	return token{}, l.errorf(start, "unexpected character %q", r)
}

// number scans digits with an optional fraction: 12, 0.03. Exponents,
// hex and trailing dots are rejected so that a literal means one exact value.
func (l *lexer) number() (token, *Error) {
	start := l.pos
	digits := 0
	for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
		l.pos++
		digits++
	}
	if l.pos < len(l.src) && l.src[l.pos] == '.' {
		l.pos++
		frac := 0
		for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
			l.pos++
			frac++
		}
		if frac == 0 {
			return token{}, l.errorf(l.pos, "expected a digit after '.' in a number")
		}
		digits += frac
	}
	if l.pos < len(l.src) {
		if c := l.src[l.pos]; isLetter(c) || c == '.' {
			if c == 'e' || c == 'E' {
				return token{}, l.errorf(l.pos, "exponents are not allowed in numbers; write all digits")
			}
			return token{}, l.errorf(l.pos, "unexpected %q after a number", rune(c))
		}
	}
	if digits > MaxNumDigits {
		return token{}, l.errorf(start, "number has more than %d digits", MaxNumDigits)
	}
	return token{kind: tNum, pos: start, text: l.src[start:l.pos]}, nil
}

// ident scans a dotted name: price, params.hours, course.duration.count.
func (l *lexer) ident() (token, *Error) {
	start := l.pos
	for {
		for l.pos < len(l.src) && (isLetter(l.src[l.pos]) || isDigit(l.src[l.pos])) {
			l.pos++
		}
		if l.pos >= len(l.src) || l.src[l.pos] != '.' {
			break
		}
		l.pos++ // the dot
		if l.pos >= len(l.src) || !isLetter(l.src[l.pos]) {
			return token{}, l.errorf(l.pos, "expected a name after '.'")
		}
	}
	text := l.src[start:l.pos]
	if k, ok := keywords[text]; ok {
		return token{kind: k, pos: start, text: text}, nil
	}
	return token{kind: tIdent, pos: start, text: text}, nil
}

// string scans a double-quoted string. The only escapes are \" and \\;
// a string ends on its line.
func (l *lexer) string() (token, *Error) {
	start := l.pos
	l.pos++ // opening quote
	var b strings.Builder
	for {
		if l.pos >= len(l.src) || l.src[l.pos] == '\n' || l.src[l.pos] == '\r' {
			return token{}, l.errorf(start, "unterminated string; close it with '\"' on the same line")
		}
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return token{kind: tStr, pos: start, text: b.String()}, nil
		case c == '\\':
			if l.pos+1 < len(l.src) && (l.src[l.pos+1] == '"' || l.src[l.pos+1] == '\\') {
				b.WriteByte(l.src[l.pos+1])
				l.pos += 2
				continue
			}
			return token{}, l.errorf(l.pos, "unknown escape in string; only \\\" and \\\\ are allowed")
		case c < 0x20 || c == 0x7f:
			return token{}, l.errorf(l.pos, "control character in string")
		}
		b.WriteByte(c)
		l.pos++
	}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
