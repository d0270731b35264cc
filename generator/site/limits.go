package site

import "unicode/utf8"

// Limits on what a TOML file may be before it is parsed. The TOML library
// recurses once per level of nesting, and the key positions of a deeply
// nested document grow with its depth; real site files are small and
// flat. scanTOML (keypos.go) checks them.
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
// the position where the limit is crossed. The nesting is checked by
// scanTOML, in the same pass that finds the key positions.
func checkLimits(file, src string, lineOffset int) error {
	_, err := scanLimited(file, src, lineOffset)
	return err
}

// scanLimited checks the file's size, then scans it with scanTOML.
// lineOffset is added to the line of an error.
func scanLimited(file, src string, lineOffset int) (keyPositions, error) {
	if len(src) > maxFileSize {
		return keyPositions{}, Errorf(Pos{File: file, Line: 1 + lineOffset, Col: 1}, "the file is %d bytes; oferta reads files of at most %d bytes", len(src), maxFileSize)
	}
	k, err := scanTOML(file, src)
	if e, ok := err.(*Error); ok {
		e.Line += lineOffset
	}
	return k, err
}
