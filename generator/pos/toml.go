package pos

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// DecodeTOML decodes src, the text of file, into v strictly: a key that v
// has no field for is an error, as is a syntax error or a value of the
// wrong type. src starts below lineOffset lines of its file (front matter
// after its +++ line). Each error is at the line and rune column of the
// key or value concerned (see TOMLError).
func DecodeTOML(file, src string, lineOffset int, v any) error {
	dec := toml.NewDecoder(strings.NewReader(src)).DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return TOMLError(file, src, lineOffset, err)
	}
	return nil
}

// TOMLError turns an error of the TOML library (github.com/pelletier/go-toml/v2)
// decoding src into positioned errors: file, the line (plus lineOffset,
// for text that starts below line 1 of its file) and the rune column the
// library points at; the library counts columns in bytes. A key the
// target has no field for (strict decoding) is reported as "unknown key"
// with its dotted path, one error per key; inside an inline table the
// library names the key from the inline table on. An error without a position is
// placed at the first line. The result is one *Error, or a List when
// there are several; Errors returns them either way.
func TOMLError(file, src string, lineOffset int, err error) error {
	at := func(de *toml.DecodeError, msg string) *Error {
		line, col := de.Position()
		return &Error{File: file, Line: line + lineOffset, Col: RuneCol(src, line, col), Err: errors.New(msg)}
	}
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) {
		var l List
		for i := range sm.Errors {
			de := &sm.Errors[i]
			l = append(l, at(de, fmt.Sprintf("unknown key %q", keyString(de.Key()))))
		}
		if len(l) == 1 {
			return l[0]
		}
		return l.Err()
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if m := byteRune.FindStringSubmatchIndex(msg); m != nil {
			// The library names the first byte of a character as if it
			// were one: "U+00D1 'Ñ'" for ё. Name the character.
			line, col := de.Position()
			if r, ok := runeAt(src, line, col); ok {
				msg = msg[:m[0]] + fmt.Sprintf("%#U", r) + msg[m[1]:]
			}
		}
		if m := mismatch.FindStringSubmatch(msg); m != nil {
			// The library's key path leaves out the keys of enclosing
			// inline tables: the position, at the value, names it.
			msg = fmt.Sprintf("%s is expected here, not %s", goWord(m[2]), tomlWord(m[1]))
		}
		return at(de, msg)
	}
	return &Error{File: file, Line: 1 + lineOffset, Col: 1, Err: errors.New(strings.TrimPrefix(err.Error(), "toml: "))}
}

// byteRune is the library's %#U of a byte that starts a multi-byte
// character.
var byteRune = regexp.MustCompile(`U\+00[89A-F][0-9A-F] '.'`)

// runeAt returns the character at the 1-based line and byte column of src
// when it is a multi-byte one.
func runeAt(src string, line, col int) (rune, bool) {
	for ; line > 1; line-- {
		i := strings.IndexByte(src, '\n')
		if i < 0 {
			return 0, false
		}
		src = src[i+1:]
	}
	if col < 1 || col > len(src) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(src[col-1:])
	return r, size > 1
}

// mismatch is the library's message for a value of the wrong type:
// "cannot decode TOML integer into struct field T.F of type string".
var mismatch = regexp.MustCompile(`^cannot decode TOML (.+?) into (?:struct field .* of type )?(\S+)$`)

// tomlWord names a TOML type as messages do.
func tomlWord(t string) string {
	switch t {
	case "integer":
		return "an integer"
	case "float":
		return "a decimal number"
	case "array":
		return "an array"
	case "inline table":
		return "a table"
	case "local date":
		return "a date"
	case "datetime", "local datetime":
		return "a date and time"
	case "local time":
		return "a time"
	}
	return "a " + t
}

// goWord names what a Go type holds as messages do.
func goWord(t string) string {
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "map[") || strings.HasPrefix(t, "struct"):
		return "a table"
	case t == "time.Time" || t == "toml.LocalDate":
		return "a date"
	}
	return t
}

// keyString writes a key path as the dotted path messages name keys by:
// parts with characters outside a bare key are quoted.
func keyString(k toml.Key) string {
	var b bytes.Buffer
	for i, part := range k {
		if i > 0 {
			b.WriteByte('.')
		}
		if part != "" && strings.Trim(part, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == "" {
			b.WriteString(part)
		} else {
			fmt.Fprintf(&b, "%q", part)
		}
	}
	return b.String()
}
