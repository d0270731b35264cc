package expr

import (
	"fmt"
	"unicode/utf8"
)

// Error is a parse, check or evaluation error at a position in the
// formula's source. Callers add the position of the formula inside its file.
type Error struct {
	Offset int    // byte offset in the source
	Line   int    // 1-based line in the source
	Col    int    // 1-based column in runes within the line
	Msg    string // what is wrong, and what to do where that helps
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// errorAt builds an Error at byte offset off of src.
func errorAt(src string, off int, format string, args ...any) *Error {
	line, col := position(src, off)
	return &Error{Offset: off, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// position turns a byte offset into a 1-based line and rune column.
func position(src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCountInString(src[start:off]) + 1
}
