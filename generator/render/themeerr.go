package render

import (
	"errors"
	"html/template"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/oferta-dev/oferta/generator/site"
)

// Errors of the template packages name a place as "faq:3:12", the name
// of the template's tree (here a layout's name) with a line and a byte
// column, inside their message text. Those that carry it in fields
// (html/template's escaping errors) are read from the fields; for the
// others, templateError reads the place once, here, and turns it into a
// *site.Error at the layout's real file with a rune column and the rest
// of the message. TestTemplateErrorsOfThisGo pins the formats this relies
// on, so that a Go release that changes them fails a test rather than a
// message.

// templateError turns an error of parsing, escaping or executing a layout
// (lt, nil while parsing) into a *site.Error at its place in a layout
// file. An error it cannot place is returned as an error of the file
// fallback.
func (c *Theme) templateError(lt *layout, err error, fallback string) error {
	var esc *template.Error
	if errors.As(err, &esc) && lt != nil {
		return c.escapeError(lt, esc)
	}
	var exec texttemplate.ExecError
	if errors.As(err, &exec) {
		if e := c.placed(exec.Err.Error(), true); e != nil {
			return e
		}
		return &site.Error{File: fallback, Err: err}
	}
	if e := c.placed(err.Error(), false); e != nil {
		return e
	}
	return &site.Error{File: fallback, Err: err}
}

// escapeError places an error of html/template's escaper: at its node
// when it has one, else at its line.
func (c *Theme) escapeError(lt *layout, e *template.Error) error {
	f, ok := c.sources[lt.files[e.Name]]
	if !ok {
		return &site.Error{File: c.from.Dir, Err: e}
	}
	out := &site.Error{File: f.File, Line: e.Line, Err: errors.New(e.Description)}
	if e.Node != nil {
		out.Line, out.Col = lineCol(string(f.Data), int(e.Node.Position()))
	}
	return out
}

// placed reads the place at the start of msg, "template: faq:3:12: rest"
// (an execution, with a byte column) or "template: faq:3: rest" (parsing,
// without one), and returns the rest at that place in the layout named;
// nil when msg is not of that form or names no layout.
func (c *Theme) placed(msg string, withCol bool) *site.Error {
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		return nil
	}
	name, rest, ok := strings.Cut(rest, ":")
	f, known := c.sources[name]
	if !ok || !known {
		return nil
	}
	src := string(f.Data)
	num := func() (int, bool) {
		var digits string
		digits, rest, ok = strings.Cut(rest, ":")
		n, err := strconv.Atoi(digits)
		return n, ok && err == nil && n >= 0
	}
	line, ok := num()
	if !ok {
		return nil
	}
	col := 0
	if withCol {
		byteCol, ok := num()
		if !ok {
			return nil
		}
		col = pos.Column(lineText(src, line), byteCol)
	}
	rest = strings.TrimPrefix(rest, " ")
	if !withCol {
		line, col = parseErrorAt(src, name, line, rest)
	}
	return &site.Error{File: f.File, Line: line, Col: col, Err: errors.New(rest)}
}

// parseErrorAt finds where in src the parse error msg, which the parser
// reported at line, lies: text/template names only the line. The parser
// reads src from the start and stops at the first error, so the shortest
// prefix of src that fails with the same message at the same line ends
// just after the token at fault. The error is placed at the start of the
// action that token is in, or at the token when it is in no action
// (an {{end}} too many is in one; the end of the file is in none).
func parseErrorAt(src, name string, line int, msg string) (int, int) {
	start := 0
	for i := 1; i < line; i++ {
		n := strings.IndexByte(src[start:], '\n')
		if n < 0 {
			return line, 0
		}
		start += n + 1
	}
	want := "template: " + name + ":" + strconv.Itoa(line) + ": " + msg
	// The token at fault ends on the line, or the error is at the end of
	// the file. Parsing a prefix costs its length: a budget keeps a long
	// line of a large layout from taking long, at the price of a column.
	lineEnd := len(src)
	if n := strings.IndexByte(src[start:], '\n'); n >= 0 {
		lineEnd = start + n + 1
	}
	budget := 64 << 20
	for end := start; end <= len(src); end++ {
		if end > lineEnd {
			end = len(src)
		}
		if end < len(src) && !isRuneStart(src[end]) {
			continue
		}
		if budget -= end + 1; budget < 0 {
			break
		}
		_, err := texttemplate.New(name).Funcs(reparseFuncs).Parse(src[:end])
		if err == nil || err.Error() != want {
			continue
		}
		return lineCol(src, faultAt(src, end))
	}
	return line, 0
}

// faultAt returns where to place an error whose token ends at end: the
// start of the action the token is in (its closing delimiter included),
// or the token's last byte.
func faultAt(src string, end int) int {
	if open := strings.LastIndex(src[:end], "{{"); open >= 0 {
		if i := strings.Index(src[open+2:], "}}"); i < 0 || open+2+i+2 >= end {
			return open
		}
	}
	return max(end-1, 0)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// lineText returns line n (1-based) of src without its newline.
func lineText(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		return src[:j]
	}
	return src
}

// lineCol returns the 1-based line and rune column of byte offset off in
// src.
func lineCol(src string, off int) (line, col int) { return pos.At(src, off) }

// reparseFuncs are the layouts' functions by name, for parsing a prefix of
// a layout again: parsing needs only the names.
var reparseFuncs = func() texttemplate.FuncMap {
	m := texttemplate.FuncMap{"t": func(string) string { return "" }}
	for k, v := range staticFuncs {
		m[k] = v
	}
	return m
}()
