package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyPositions maps key paths to the position of the key in a TOML document.
// A path joins keys with "." and array elements with "[i]":
// "refund.deductions[0].name", "lint.ignore[1].rule".
//
// The TOML library reports positions for syntax errors only, so scanTOML
// walks the source once, before the library parses it, checks the limits
// of limits.go and remembers where each key starts (see scanTOML).
//
// Every course keeps its positions for lint, so they are stored compactly:
// the paths in one string, and their positions, sorted by path, in one
// slice. A site of 10,000 courses then holds two objects per file instead
// of a map and a string per key, which the garbage collector would trace
// again and again.
type keyPositions struct {
	file  string
	paths string   // every path recorded, one after the other
	keys  []keyPos // sorted by path
}

// keyPos is the position of the path paths[start:end].
type keyPos struct {
	start, end uint32
	line, col  int32
}

// get returns the position recorded for path.
func (k keyPositions) get(path string) (Pos, bool) {
	i, found := slices.BinarySearchFunc(k.keys, path, func(kp keyPos, path string) int {
		return strings.Compare(k.paths[kp.start:kp.end], path)
	})
	if !found {
		return Pos{}, false
	}
	kp := k.keys[i]
	return Pos{File: k.file, Line: int(kp.line), Col: int(kp.col)}, true
}

// scanKeyPositions returns the key positions of src, or none when src
// crosses a limit.
func scanKeyPositions(file, src string) keyPositions {
	k, _ := scanTOML(file, src)
	return k
}

// scanTOML is the one pass over a TOML document before the TOML library
// parses it. It reports the first limit the document crosses (values
// nested more than maxNesting deep, a key of more than maxKeyParts parts)
// at the bracket or key part that crosses it, and otherwise returns where
// each key, each value and each array element starts. Columns count runes.
//
// It understands exactly as much TOML as that needs: comments, table and
// array-of-table headers, bare, quoted and dotted keys, strings of all
// four kinds, arrays and inline tables. It does not judge the syntax,
// which the library does next, but it must never miss nesting the library
// would recurse into: a string or comment ends where the library ends
// it at the latest, and every '[' or '{' outside them that is not in a
// header opens a value.
func scanTOML(file, src string) (keyPositions, error) {
	// The course files of a synthetic site record paths of 0.44 times
	// their size, one every 28 bytes: room for those from the start
	// spares growing them.
	s := &tomlScanner{src: src, line: 1, budget: 16*len(src) + 1<<16,
		buf: make([]byte, 0, len(src)/2+64), recs: make([]keyPos, 0, len(src)/24+8)}
	if err := s.run(); err != nil {
		return keyPositions{}, Errorf(Pos{File: file, Line: err.line, Col: err.col}, "%s", err.msg)
	}
	paths := string(s.buf)
	keys := s.recs
	// The first position of a path recorded twice comes first, and
	// Compact keeps it: paths are recorded one after the other in buf, so
	// the earlier record is the one that starts first.
	slices.SortFunc(keys, func(a, b keyPos) int {
		if c := strings.Compare(paths[a.start:a.end], paths[b.start:b.end]); c != 0 {
			return c
		}
		return cmp.Compare(a.start, b.start)
	})
	keys = slices.CompactFunc(keys, func(a, b keyPos) bool {
		return paths[a.start:a.end] == paths[b.start:b.end]
	})
	return keyPositions{file: file, paths: paths, keys: slices.Clip(keys)}, nil
}

// limitError is the first limit a document crosses.
type limitError struct {
	line, col int
	msg       string
}

type tomlScanner struct {
	src       string
	i         int
	line      int
	lineStart int // offset of the current line
	// colAt and colRunes cache the rune column: colRunes runes lie
	// between lineStart and colAt. Positions are taken in order, so
	// counting from the last one keeps a long line linear.
	colAt, colRunes int
	depth           int // open arrays and inline tables

	// buf holds every path recorded, one after the other, and recs their
	// positions in the order found.
	buf  []byte
	recs []keyPos
	key  []byte // the path of the key being read
	// arrays counts the elements of each array of tables seen so far, by
	// resolved path.
	arrays map[string]int
	// spent is the bytes of the paths built so far, and budget what they
	// may take: a path repeats its table's path, so a hostile document (a
	// long table header over many keys) would otherwise make paths that
	// grow with the square of its size. Real files spend a few times
	// their size; past the budget the scan records nothing more, and
	// lookups fall back to the top of the file.
	spent, budget int
	over          bool
}

// bailout carries a limitError out of the scan's recursion.
type bailout struct{ err *limitError }

func (s *tomlScanner) run() (err *limitError) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	s.document()
	return nil
}

func (s *tomlScanner) fail(at int, format string, args ...any) {
	panic(bailout{&limitError{line: s.line, col: s.colOf(at), msg: fmt.Sprintf(format, args...)}})
}

// colOf is the 1-based rune column of offset at, which is on the current
// line.
func (s *tomlScanner) colOf(at int) int {
	if at < s.lineStart {
		return utf8.RuneCountInString(s.src[strings.LastIndexByte(s.src[:at], '\n')+1:at]) + 1
	}
	if s.colAt < s.lineStart || s.colAt > at {
		s.colAt, s.colRunes = s.lineStart, 0
	}
	s.colRunes += utf8.RuneCountInString(s.src[s.colAt:at])
	s.colAt = at
	return s.colRunes + 1
}

// afford charges n bytes of path to the budget and reports whether it
// still holds.
func (s *tomlScanner) afford(n int) bool {
	if !s.over {
		s.spent += n
		s.over = s.spent > s.budget
	}
	return !s.over
}

// linecol is a line and rune column.
type linecol struct{ line, col int32 }

// here is the position of the next byte.
func (s *tomlScanner) here() linecol { return linecol{int32(s.line), int32(s.colOf(s.i))} }

// recordKey remembers the path of the key being read, with suffix, at p,
// unless it is past the budget.
func (s *tomlScanner) recordKey(suffix string, p linecol) {
	if !s.afford(len(s.key) + len(suffix)) {
		return
	}
	start := len(s.buf)
	s.buf = append(append(s.buf, s.key...), suffix...)
	s.recs = append(s.recs, keyPos{start: uint32(start), end: uint32(len(s.buf)), line: p.line, col: p.col})
}

// recordPath remembers path at p, unless it is "" or past the budget.
func (s *tomlScanner) recordPath(path string, p linecol) {
	if path == "" || !s.afford(len(path)) {
		return
	}
	start := len(s.buf)
	s.buf = append(s.buf, path...)
	s.recs = append(s.recs, keyPos{start: uint32(start), end: uint32(len(s.buf)), line: p.line, col: p.col})
}

func (s *tomlScanner) eof() bool { return s.i >= len(s.src) }

func (s *tomlScanner) peek() byte {
	if s.i >= len(s.src) {
		return 0
	}
	return s.src[s.i]
}

func (s *tomlScanner) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
}

// skipByte moves past one byte that nothing else takes, so that every
// loop of the scan advances.
func (s *tomlScanner) skipByte() {
	if s.peek() == '\n' {
		s.newline()
	} else if !s.eof() {
		s.i++
	}
}

// skipSpace skips blanks and comments, and with newlines also line breaks.
func (s *tomlScanner) skipSpace(newlines bool) {
	src := s.src
	for s.i < len(src) {
		switch src[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '#':
			if j := strings.IndexByte(src[s.i:], '\n'); j >= 0 {
				s.i += j
			} else {
				s.i = len(src)
			}
		case '\n':
			if !newlines {
				return
			}
			s.newline()
		default:
			return
		}
	}
}

func (s *tomlScanner) document() {
	prefix := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			prefix = s.header()
			continue
		}
		before := s.i
		s.keyValue(prefix)
		if s.i == before {
			s.skipByte()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path of the table it opens.
func (s *tomlScanner) header() string {
	at := s.here()
	s.i++
	array := s.peek() == '['
	if array {
		s.i++
	}
	var keys []string
	for parts := 1; ; parts++ {
		s.skipSpace(false)
		start := s.i
		k := s.keyPart()
		if s.i == start {
			break
		}
		if parts > maxKeyParts {
			s.fail(start, "keys are nested more than %d levels deep (a dotted key or table header of more than %d parts)", maxKeyParts, maxKeyParts)
		}
		keys = append(keys, k)
		s.skipSpace(false)
		if s.peek() != '.' {
			break
		}
		s.i++
	}
	// The rest of the header, up to its ']' or ']]' on the same line.
	for !s.eof() && s.peek() != ']' && s.peek() != '\n' {
		s.i++
	}
	if s.peek() == ']' {
		s.i++
		if array && s.peek() == ']' {
			s.i++
		}
	}
	path := s.resolve(keys)
	if array {
		if s.arrays == nil {
			s.arrays = map[string]int{}
		}
		n := s.arrays[path]
		s.arrays[path] = n + 1
		base := path
		path = s.index(base, n)
		s.recordPath(base, at)
	} else if n, ok := s.arrays[path]; ok {
		// [a.b] after [[a.b]] is not valid TOML; stay safe.
		path = s.index(path, n-1)
	}
	s.recordPath(path, at)
	return path
}

// resolve turns header keys into a path, inserting the current element
// index of every array of tables the header passes through. Past the
// budget it is "".
func (s *tomlScanner) resolve(keys []string) string {
	path := ""
	for i, k := range keys {
		if !s.afford(len(path) + 1 + len(k)) {
			return ""
		}
		path = join(path, k)
		if n, ok := s.arrays[path]; ok && i < len(keys)-1 {
			path = s.index(path, n-1)
		}
	}
	return path
}

// index is the path of element n of the array at path, or "" past the
// budget.
func (s *tomlScanner) index(path string, n int) string {
	if path == "" || !s.afford(len(path)+12) {
		return ""
	}
	return path + "[" + strconv.Itoa(n) + "]"
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// keyPart reads one part of a key, bare or quoted, and returns its text
// (escapes in basic strings are resolved when they are valid).
func (s *tomlScanner) keyPart() string {
	switch s.peek() {
	case '"', '\'':
		q := s.peek()
		start := s.i
		s.skipString()
		text := s.src[start:s.i]
		if len(text) >= 2 && text[len(text)-1] == q {
			text = text[1 : len(text)-1]
		} else {
			text = text[1:]
		}
		if q == '"' && strings.IndexByte(text, '\\') >= 0 {
			if u, err := strconv.Unquote(`"` + text + `"`); err == nil {
				return u
			}
		}
		return text
	}
	start := s.i
	for s.i < len(s.src) && !isKeyStop(s.src[s.i]) {
		s.i++
	}
	return s.src[start:s.i]
}

// isKeyStop reports the bytes that end a bare key.
func isKeyStop(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '.', '=', '#', '[', ']', '{', '}', ',', '"', '\'':
		return true
	}
	return false
}

// keyValue reads key = value in the table at prefix. The key's path is
// built in s.key only while the budget holds.
func (s *tomlScanner) keyValue(prefix string) {
	at := s.here()
	s.key = s.key[:0]
	build := !s.over && s.afford(len(prefix))
	if build {
		s.key = append(s.key, prefix...)
	}
	for parts := 1; ; parts++ {
		s.skipSpace(false)
		start := s.i
		k := s.keyPart()
		if s.i == start {
			break
		}
		if parts > maxKeyParts {
			s.fail(start, "keys are nested more than %d levels deep (a dotted key or table header of more than %d parts)", maxKeyParts, maxKeyParts)
		}
		if build && !s.over {
			if len(s.key) > 0 {
				s.key = append(s.key, '.')
			}
			s.key = append(s.key, k...)
			s.recordKey("", at)
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			break
		}
		s.i++
	}
	s.skipSpace(false)
	if s.peek() == '=' {
		s.i++
	}
	s.skipSpace(false)
	path := ""
	if build && !s.over && len(s.key) > 0 {
		s.recordKey("=", s.here()) // where the value starts
		if c := s.peek(); (c == '[' || c == '{') && s.afford(len(s.key)) {
			path = string(s.key)
		}
	}
	s.value(path)
}

// value skips one value, recording the positions of the elements of arrays
// and of the keys of inline tables inside it under path (none when path
// is "").
func (s *tomlScanner) value(path string) {
	switch c := s.peek(); c {
	case '"', '\'':
		s.skipString()
	case '[', '{':
		s.depth++
		if s.depth > maxNesting {
			s.fail(s.i, "values are nested more than %d levels deep", maxNesting)
		}
		s.i++
		if c == '[' {
			s.array(path)
		} else {
			s.inlineTable(path)
		}
		s.depth--
	default:
		// A number, date or boolean: it runs to a delimiter. A bracket
		// ends it too, so that it is counted as a value of its own.
		src := s.src
		for s.i < len(src) {
			switch src[s.i] {
			case ',', '[', ']', '{', '}', '\n', '#':
				return
			}
			s.i++
		}
	}
}

func (s *tomlScanner) array(path string) {
	for n := 0; ; n++ {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == ']' {
			s.i++
			return
		}
		before := s.i
		elem := ""
		if path != "" {
			if c := s.peek(); c == '[' || c == '{' {
				elem = s.index(path, n)
				s.recordPath(elem, s.here())
			} else if !s.over {
				s.key = append(strconv.AppendInt(append(append(s.key[:0], path...), '['), int64(n), 10), ']')
				s.recordKey("", s.here())
			}
		}
		s.value(elem)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.i++
		} else if s.i == before {
			s.skipByte()
		}
	}
}

func (s *tomlScanner) inlineTable(path string) {
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '}' {
			s.i++
			return
		}
		before := s.i
		if path == "" {
			s.keyValueUnrecorded()
		} else {
			s.keyValue(path)
		}
		s.skipSpace(true)
		if s.peek() == ',' {
			s.i++
		} else if s.i == before {
			s.skipByte()
		}
	}
}

// keyValueUnrecorded reads key = value where nothing is recorded: inside
// a value past the budget.
func (s *tomlScanner) keyValueUnrecorded() {
	over := s.over
	s.over = true
	s.keyValue("")
	s.over = over
}

// skipString skips a string of any of TOML's four kinds. A one-line
// string ends at the end of its line at the latest; a multi-line one
// may end in up to two more quotes than its delimiter (”'a”” is "a'").
func (s *tomlScanner) skipString() {
	src := s.src
	q := src[s.i]
	if s.i+2 < len(src) && src[s.i+1] == q && src[s.i+2] == q {
		s.i += 3
		for s.i < len(src) && !(src[s.i] == q && s.i+2 < len(src) && src[s.i+1] == q && src[s.i+2] == q) {
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
