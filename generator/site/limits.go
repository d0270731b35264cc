package site

import (
	"fmt"
	"strings"
)

// Limits on what a TOML file may be before it is parsed. The TOML library
// recurses once per level of nesting, so a hostile file of a million
// brackets would overflow the stack; real site files are small and flat.
const (
	maxFileSize = 1 << 20 // bytes
	maxNesting  = 32      // arrays and inline tables inside each other
)

// checkLimits reports a file that is too large or nested too deeply, at
// the position where the limit is crossed.
func checkLimits(file, src string, lineOffset int) error {
	if len(src) > maxFileSize {
		return Errorf(Pos{File: file, Line: 1 + lineOffset, Col: 1}, "the file is %d bytes; oferta reads files of at most %d bytes", len(src), maxFileSize)
	}
	depth, line, col := 0, 1, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		switch c {
		case '\n':
			line, col = line+1, 0
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			// Skip the string, single- or multi-line, with its escapes.
			delim := string(c)
			if strings.HasPrefix(src[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			j := i + len(delim)
			for j < len(src) && !strings.HasPrefix(src[j:], delim) {
				if c == '"' && src[j] == '\\' {
					j++
				}
				if j < len(src) && src[j] == '\n' {
					line, col = line+1, 0
				}
				j++
			}
			i = j + len(delim) - 1
		case '[', '{':
			// Table headers ([a] and [[a]]) start a line; only values nest.
			if c == '[' && strings.TrimSpace(lineBefore(src, i)) == "" {
				continue
			}
			depth++
			if depth > maxNesting {
				return Errorf(Pos{File: file, Line: line + lineOffset, Col: col}, "%s", fmt.Sprintf("values are nested more than %d levels deep", maxNesting))
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// lineBefore returns the text of src's line up to position i.
func lineBefore(src string, i int) string {
	return src[strings.LastIndexByte(src[:i], '\n')+1 : i]
}
