package site

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what a TOML file may be before it is parsed. The TOML library
// recurses once per level of nesting, and the key positions of a deeply
// nested document grow with its depth; real site files are small and
// flat.
const (
	maxNesting  = 32 // arrays and inline tables inside each other
	maxKeyParts = 32 // parts of one dotted key or table header: a.b.c is 3
)

// checkUTF8 reports the first byte of src that is not UTF-8, at its line
// and column. lineOffset is added to the line.
func checkUTF8(file, src string, lineOffset int) error {
	if utf8.ValidString(src) {
		return nil
	}
	line, lineStart := 1, 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			col := utf8.RuneCountInString(src[lineStart:i]) + 1
			return Errorf(Pos{File: file, Line: line + lineOffset, Col: col}, "invalid UTF-8 (the byte 0x%02x): oferta reads text files in UTF-8; save the file in that encoding", src[i])
		}
		if r == '\n' {
			line, lineStart = line+1, i+1
		}
		i += n
	}
	return nil
}

// checkLimits reports a file that is too large or nested too deeply, at
// the position where the limit is crossed. It reads the file once, from
// start to end, with just enough of TOML's grammar to tell table headers
// from arrays and strings and comments from everything else; it does not
// judge the syntax, which the TOML library does next.
func checkLimits(file, src string, lineOffset int) error {
	if len(src) > maxFileSize {
		return Errorf(Pos{File: file, Line: 1 + lineOffset, Col: 1}, "the file is %d bytes; oferta reads files of at most %d bytes", len(src), maxFileSize)
	}
	s := &nestScanner{src: src, line: 1, expectKey: true}
	if s.scan() {
		return nil
	}
	col := utf8.RuneCountInString(src[s.lineStart:s.errAt]) + 1
	return Errorf(Pos{File: file, Line: s.errLine + lineOffset, Col: col}, "%s", s.msg)
}

// nestScanner is checkLimits' one pass over a TOML document.
type nestScanner struct {
	src       string
	i         int
	line      int
	lineStart int    // offset of the current line
	stack     []byte // the open '[' and '{' of values
	// expectKey is set where a key may start: at the start of a line
	// outside any value, and after '{' or ',' in an inline table.
	expectKey bool
	// The first limit crossed.
	msg     string
	errAt   int
	errLine int
}

func (s *nestScanner) fail(at int, msg string) bool {
	s.msg, s.errAt, s.errLine = msg, at, s.line
	return false
}

// scan reports false, with the reason set, when a limit is crossed.
func (s *nestScanner) scan() bool {
	src := s.src
	for s.i < len(src) {
		c := src[s.i]
		switch {
		case c == '\n':
			s.newline()
			if len(s.stack) == 0 {
				s.expectKey = true
			}
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '#':
			s.skipComment()
		case s.expectKey && len(s.stack) == 0 && c == '[':
			// A table header: [a.b] or [[a.b]].
			s.i++
			if s.i < len(src) && src[s.i] == '[' {
				s.i++
			}
			if !s.key() {
				return false
			}
		case s.expectKey:
			if !s.key() {
				return false
			}
		case c == '"' || c == '\'':
			s.skipString()
		case c == '[' || c == '{':
			s.stack = append(s.stack, c)
			if len(s.stack) > maxNesting {
				return s.fail(s.i, fmt.Sprintf("values are nested more than %d levels deep", maxNesting))
			}
			s.i++
			s.expectKey = c == '{'
		case c == ']' || c == '}':
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
			}
			s.i++
		case c == ',':
			s.i++
			s.expectKey = len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{'
		default:
			s.i++
		}
	}
	return true
}

func (s *nestScanner) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
}

func (s *nestScanner) skipComment() {
	if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
		s.i += j
	} else {
		s.i = len(s.src)
	}
}

// key skips a key, bare, quoted or dotted, counting its parts, and the
// '=' after it. A key that is not one (a '}' that closes an empty inline
// table) is left to the caller.
func (s *nestScanner) key() bool {
	s.expectKey = false
	src := s.src
	for parts := 1; ; parts++ {
		for s.i < len(src) && (src[s.i] == ' ' || src[s.i] == '\t') {
			s.i++
		}
		start := s.i
		if s.i < len(src) && (src[s.i] == '"' || src[s.i] == '\'') {
			s.skipString()
		} else {
			for s.i < len(src) && !strings.ContainsRune(" \t\r\n.=#[]{},\"'", rune(src[s.i])) {
				s.i++
			}
		}
		if s.i == start {
			return true
		}
		if parts > maxKeyParts {
			return s.fail(start, fmt.Sprintf("keys are nested more than %d levels deep (a dotted key or table header of more than %d parts)", maxKeyParts, maxKeyParts))
		}
		for s.i < len(src) && (src[s.i] == ' ' || src[s.i] == '\t') {
			s.i++
		}
		if s.i >= len(src) || src[s.i] != '.' {
			break
		}
		s.i++
	}
	if s.i < len(src) && src[s.i] == '=' {
		s.i++
	}
	return true
}

// skipString skips a string of any of TOML's four kinds. A one-line
// string ends at the end of its line at the latest; a multi-line one
// may end in up to two more quotes than its delimiter (”'a”” is "a'").
func (s *nestScanner) skipString() {
	src := s.src
	q := src[s.i]
	delim := string([]byte{q, q, q})
	if strings.HasPrefix(src[s.i:], delim) {
		s.i += 3
		for s.i < len(src) && !strings.HasPrefix(src[s.i:], delim) {
			switch {
			case src[s.i] == '\n':
				s.newline()
				continue
			case q == '"' && src[s.i] == '\\' && s.i+1 < len(src) && src[s.i+1] != '\n':
				s.i++
			}
			s.i++
		}
		s.i += 3
		for n := 0; n < 2 && s.i < len(src) && src[s.i] == q; n++ {
			s.i++
		}
		if s.i > len(src) {
			s.i = len(src)
		}
		return
	}
	s.i++
	for s.i < len(src) && src[s.i] != q && src[s.i] != '\n' {
		if q == '"' && src[s.i] == '\\' && s.i+1 < len(src) && src[s.i+1] != '\n' {
			s.i++
		}
		s.i++
	}
	if s.i < len(src) && src[s.i] == q {
		s.i++
	}
}
