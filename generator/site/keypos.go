package site

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyPositions maps key paths to the position of the key in a TOML document.
// A path joins keys with "." and array elements with "[i]":
// "refund.deductions[0].name", "lint.ignore[1].rule".
//
// The TOML library reports positions for syntax errors only, so this small
// scanner walks the source once more, after it has parsed without error,
// and remembers where each key starts. It understands exactly as much TOML
// as is needed for that: comments, table and array-of-table headers, bare,
// quoted and dotted keys, strings of all four kinds, arrays and inline
// tables.
//
// Every course keeps its positions for lint, so they are stored compactly:
// the paths, sorted, in one string, and their positions in one slice. A
// site of 10,000 courses then holds two objects per file instead of a map
// and a string per key, which the garbage collector would trace again and
// again.
type keyPositions struct {
	file  string
	paths string   // every path, sorted, one after the other
	keys  []keyPos // in the order of paths
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

type posScanner struct {
	src  string
	i    int
	line int
	col  int // 1-based column in runes
	file string
	// out is each path with its first position, as the scan finds them.
	out map[string]Pos
	// arrays counts the elements of each array of tables seen so far, by
	// resolved path.
	arrays map[string]int
	// spent is the bytes of the paths built so far, and budget what they
	// may take: a path repeats its table's path, so a hostile document (a
	// long table header over many keys, nesting many levels deep) would
	// otherwise make paths that grow with the square of its size. Real
	// files spend a few times their size; past the budget the scan
	// records nothing more, and lookups fall back to the top of the file.
	spent, budget int
	over          bool
}

// afford charges n bytes of path to the budget and reports whether it
// still holds.
func (s *posScanner) afford(n int) bool {
	if !s.over {
		s.spent += n
		s.over = s.spent > s.budget
	}
	return !s.over
}

// join is the path of key under prefix, or "" past the budget.
func (s *posScanner) join(prefix, key string) string {
	if !s.afford(len(prefix) + 1 + len(key)) {
		return ""
	}
	return join(prefix, key)
}

// index is the path of element n of the array at path, or "" past the
// budget.
func (s *posScanner) index(path string, n int) string {
	if !s.afford(len(path) + 12) {
		return ""
	}
	return path + "[" + strconv.Itoa(n) + "]"
}

func scanKeyPositions(file, src string) keyPositions {
	s := &posScanner{src: src, line: 1, col: 1, file: file, out: map[string]Pos{}, arrays: map[string]int{}, budget: 16*len(src) + 1<<16}
	s.document()
	paths := slices.Sorted(maps.Keys(s.out))
	k := keyPositions{file: file, keys: make([]keyPos, len(paths))}
	size := 0
	for _, p := range paths {
		size += len(p)
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range paths {
		start := b.Len()
		b.WriteString(p)
		pos := s.out[p]
		k.keys[i] = keyPos{start: uint32(start), end: uint32(b.Len()), line: int32(pos.Line), col: int32(pos.Col)}
	}
	k.paths = b.String()
	return k
}

func (s *posScanner) eof() bool { return s.i >= len(s.src) }

func (s *posScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *posScanner) advance() {
	if s.eof() {
		return
	}
	r, n := utf8.DecodeRuneInString(s.src[s.i:])
	s.i += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *posScanner) pos() Pos { return Pos{File: s.file, Line: s.line, Col: s.col} }

// skipSpace skips blanks, and with newlines also line breaks and comments.
func (s *posScanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		case c == '\n' && newlines:
			s.advance()
		default:
			return
		}
	}
}

func (s *posScanner) document() {
	prefix := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if strings.HasPrefix(s.src[s.i:], "[[") {
			p := s.pos()
			s.advance()
			s.advance()
			keys := s.key()
			s.skipTo(']')
			s.advance()
			s.advance()
			base := s.resolve(keys)
			n := s.arrays[base]
			s.arrays[base] = n + 1
			prefix = s.index(base, n)
			s.record(base, p)
			s.record(prefix, p)
			continue
		}
		if s.peek() == '[' {
			p := s.pos()
			s.advance()
			keys := s.key()
			s.skipTo(']')
			s.advance()
			prefix = s.resolve(keys)
			if n, ok := s.arrays[prefix]; ok {
				// [a.b] after [[a.b]] is not valid TOML; stay safe.
				prefix = s.index(prefix, n-1)
			}
			s.record(prefix, p)
			continue
		}
		s.keyValue(prefix)
	}
}

// resolve turns header keys into a path, inserting the current element
// index of every array of tables the header passes through.
func (s *posScanner) resolve(keys []string) string {
	path := ""
	for i, k := range keys {
		path = s.join(path, k)
		if n, ok := s.arrays[path]; ok && i < len(keys)-1 {
			path = s.index(path, n-1)
		}
	}
	return path
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func (s *posScanner) record(path string, p Pos) {
	if s.over {
		return
	}
	if _, ok := s.out[path]; !ok {
		s.out[path] = p
	}
}

func (s *posScanner) skipTo(c byte) {
	for !s.eof() && s.peek() != c {
		s.advance()
	}
}

// key reads a possibly dotted key and returns its parts.
func (s *posScanner) key() []string {
	var parts []string
	for {
		s.skipSpace(false)
		switch s.peek() {
		case '"', '\'':
			parts = append(parts, s.str())
		default:
			start := s.i
			for !s.eof() {
				c := s.peek()
				if c == '.' || c == '=' || c == ' ' || c == '\t' || c == ']' || c == '\n' || c == '\r' {
					break
				}
				s.advance()
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.advance()
	}
}

func (s *posScanner) keyValue(prefix string) {
	p := s.pos()
	keys := s.key()
	path := prefix
	for _, k := range keys {
		path = s.join(path, k)
		s.record(path, p)
	}
	s.skipSpace(false)
	if s.peek() == '=' {
		s.advance()
	}
	s.skipSpace(false)
	if s.afford(len(path) + 1) {
		s.record(path+"=", s.pos()) // where the value starts
	}
	s.value(path)
}

// value skips one value, recording the keys of inline tables inside it.
func (s *posScanner) value(path string) {
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.advance()
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.eof() || s.peek() == ']' {
				s.advance()
				return
			}
			elem := s.index(path, n)
			s.record(elem, s.pos())
			s.value(elem)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			}
		}
	case '{':
		s.advance()
		for {
			s.skipSpace(true)
			if s.eof() || s.peek() == '}' {
				s.advance()
				return
			}
			s.keyValue(path)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			}
		}
	default:
		// A number, date, boolean: runs to a delimiter.
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				return
			}
			s.advance()
		}
	}
}

// str reads a string of any of TOML's four kinds and returns its text
// (escapes in basic strings are left as written: keys rarely need them).
func (s *posScanner) str() string {
	q := s.peek()
	multi := strings.HasPrefix(s.src[s.i:], strings.Repeat(string(q), 3))
	if multi {
		s.advance()
		s.advance()
		s.advance()
		start := s.i
		delim := strings.Repeat(string(q), 3)
		for !s.eof() && !strings.HasPrefix(s.src[s.i:], delim) {
			if q == '"' && s.peek() == '\\' {
				s.advance()
			}
			s.advance()
		}
		text := s.src[start:s.i]
		s.advance()
		s.advance()
		s.advance()
		// Up to two more quotes may close the string ("""a"""").
		for s.peek() == q {
			s.advance()
		}
		return text
	}
	s.advance()
	start := s.i
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.advance()
		}
		s.advance()
	}
	text := s.src[start:s.i]
	s.advance()
	if q == '"' {
		if u, err := strconv.Unquote(`"` + text + `"`); err == nil {
			return u
		}
	}
	return text
}
