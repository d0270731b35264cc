package pos

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// DecodeTOML decodes src, the text of file, into v strictly: a key that v
// has no field for is an error, as is a syntax error or a value of the
// wrong type. src starts below lineOffset lines of its file (front matter
// after its +++ line). The error is a List, each entry at the line and
// rune column of the key or value concerned (see TOMLError).
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
// placed at the first line. The result is a List.
func TOMLError(file, src string, lineOffset int, err error) List {
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
		l.Sort()
		return l
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if m := mismatch.FindStringSubmatch(msg); m != nil {
			// The library's key path leaves out the keys of enclosing
			// inline tables: the position, at the value, names it.
			msg = fmt.Sprintf("%s is expected here, not %s", goWord(m[2]), tomlWord(m[1]))
		}
		return List{at(de, msg)}
	}
	return List{{File: file, Line: 1 + lineOffset, Col: 1, Err: errors.New(strings.TrimPrefix(err.Error(), "toml: "))}}
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
