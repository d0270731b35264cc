package site

import (
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// fastTOML decodes the plain TOML that course files are nearly always
// written in, giving exactly the map toml.Unmarshal gives, in a fraction
// of its time: lines of `key = value` under [table] and [[array]]
// headers of bare keys, values that are basic strings with the common
// escapes, whole numbers, booleans, dates and one-line arrays of those.
// Anything else — a comment, a dotted or quoted key, a decimal, a
// multi-line string, an inline table, a key set twice, a table opened
// twice, any syntax error — makes it give up (ok false), and the caller
// hands the file to the TOML library, which decodes it or says what is
// wrong. So it never decides an error and never accepts what the library
// would refuse (TestFastTOML and FuzzFastTOML compare the two).
func fastTOML(src string) (m map[string]any, ok bool) {
	p := fastParser{src: src, root: map[string]any{}}
	p.cur = p.root
	if !p.document() {
		return nil, false
	}
	return p.root, true
}

type fastParser struct {
	src  string
	i    int
	root map[string]any
	cur  map[string]any // the table key/value lines go to
	// arrays are the arrays of tables opened by [[a]] or [[a.b]], by
	// name; named the top-level tables opened by [a].
	arrays map[string]bool
	named  map[string]bool
}

func (p *fastParser) document() bool {
	for p.i < len(p.src) {
		line := p.src[p.i:]
		if j := strings.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		next := p.i + len(line) + 1
		line = trimBlank(line)
		switch {
		case line == "":
		case line[0] == '[':
			if !p.header(line) {
				return false
			}
		default:
			if !p.keyValue(line) {
				return false
			}
		}
		p.i = next
	}
	return true
}

// trimBlank trims spaces and tabs.
func trimBlank(s string) string {
	return strings.Trim(s, " \t")
}

// bare reports whether k is a non-empty bare key.
func bare(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// header opens [a], [a.b], [[a]] or [[a.b]], where a is a table opened
// by [a] (for a.b) and each is new, or, for [[…]], an array of tables
// opened by the same header before.
func (p *fastParser) header(line string) bool {
	array := strings.HasPrefix(line, "[[")
	var name string
	if array {
		if !strings.HasSuffix(line, "]]") || len(line) < 5 {
			return false
		}
		name = line[2 : len(line)-2]
	} else {
		if !strings.HasSuffix(line, "]") || len(line) < 3 {
			return false
		}
		name = line[1 : len(line)-1]
	}
	parent, key, top := p.root, name, true
	if dot := strings.IndexByte(name, '.'); dot >= 0 {
		a := name[:dot]
		key = name[dot+1:]
		if !bare(a) || !p.named[a] {
			return false
		}
		parent, top = p.root[a].(map[string]any), false
	}
	if !bare(key) {
		return false
	}
	t := map[string]any{}
	if array {
		if p.arrays == nil {
			p.arrays = map[string]bool{}
		}
		v, exists := parent[key]
		switch {
		case !exists:
			parent[key] = []any{t}
			p.arrays[name] = true
		case p.arrays[name]:
			parent[key] = append(v.([]any), t)
		default:
			return false
		}
	} else {
		if _, exists := parent[key]; exists {
			return false
		}
		parent[key] = t
		if top {
			if p.named == nil {
				p.named = map[string]bool{}
			}
			p.named[key] = true
		}
	}
	p.cur = t
	return true
}

// keyValue reads `key = value` into the current table.
func (p *fastParser) keyValue(line string) bool {
	eq := strings.IndexByte(line, '=')
	if eq < 0 {
		return false
	}
	key := trimBlank(line[:eq])
	if !bare(key) {
		return false
	}
	if _, exists := p.cur[key]; exists {
		return false
	}
	rest := trimBlank(line[eq+1:])
	v, n, ok := fastValue(rest, true)
	if !ok || n != len(rest) {
		return false
	}
	p.cur[key] = v
	return true
}

// fastValue reads the value at the start of s and returns it with the
// bytes it took; with arrays, a one-line array of scalars is read too.
func fastValue(s string, arrays bool) (any, int, bool) {
	if s == "" {
		return nil, 0, false
	}
	switch c := s[0]; {
	case c == '"':
		return fastString(s)
	case c == '[' && arrays:
		return fastArray(s)
	case c == 't' && strings.HasPrefix(s, "true"):
		return true, 4, delimited(s[4:])
	case c == 'f' && strings.HasPrefix(s, "false"):
		return false, 5, delimited(s[5:])
	case c >= '0' && c <= '9' || c == '-':
		if d, ok := fastDate(s); ok {
			return d, 10, delimited(s[10:])
		}
		return fastInt(s)
	}
	return nil, 0, false
}

// delimited reports whether a scalar ends where s starts.
func delimited(s string) bool {
	return s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == ',' || s[0] == ']'
}

// fastString reads a one-line basic string with the escapes \" \\ \n
// and \t, and no control characters.
func fastString(s string) (any, int, bool) {
	var b strings.Builder
	escaped := false
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !escaped && c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue // the common byte, before the cases
		}
		switch {
		case c == '"':
			if !delimited(s[i+1:]) {
				return nil, 0, false
			}
			if !escaped {
				return s[1:i], i + 1, true
			}
			return b.String(), i + 1, true
		case c == '\\':
			if !escaped {
				escaped = true
				b.Grow(i)
				b.WriteString(s[1:i])
			}
			if i+1 >= len(s) {
				return nil, 0, false
			}
			i++
			switch s[i] {
			case '"':
				b.WriteByte('"')
			case '\\':
				b.WriteByte('\\')
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return nil, 0, false
			}
		case c < 0x20 && c != '\t' || c == 0x7f:
			return nil, 0, false
		default:
			if escaped {
				b.WriteByte(c)
			}
		}
	}
	return nil, 0, false
}

// fastInt reads a whole number of up to 18 digits without a sign of +,
// underscores or leading zeros.
func fastInt(s string) (any, int, bool) {
	i, neg := 0, false
	if s[0] == '-' {
		i, neg = 1, true
	}
	start := i
	var n int64
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int64(s[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || digits > 1 && s[start] == '0' || !delimited(s[i:]) {
		return nil, 0, false
	}
	if neg {
		n = -n
	}
	return n, i, true
}

// fastDate reads YYYY-MM-DD, a date that exists, with no time after it.
func fastDate(s string) (toml.LocalDate, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return toml.LocalDate{}, false
	}
	num := func(t string) (int, bool) {
		v := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			v = v*10 + int(t[i]-'0')
		}
		return v, true
	}
	y, ok1 := num(s[0:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:10])
	// A time after the date (T or a space and digits) is left to the
	// library, and so are the 29th to the 31st.
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 28 || len(s) > 10 && s[10] != ',' && s[10] != ']' && s[10] != ' ' && s[10] != '\t' {
		return toml.LocalDate{}, false
	}
	if len(s) > 11 && s[10] == ' ' && s[11] >= '0' && s[11] <= '9' {
		return toml.LocalDate{}, false
	}
	return toml.LocalDate{Year: y, Month: m, Day: d}, true
}

// fastArray reads a one-line array of scalars.
func fastArray(s string) (any, int, bool) {
	out := []any{}
	i := 1
	for {
		i += len(s[i:]) - len(strings.TrimLeft(s[i:], " \t"))
		if i >= len(s) {
			return nil, 0, false
		}
		if s[i] == ']' {
			return out, i + 1, true
		}
		v, n, ok := fastValue(s[i:], false)
		if !ok {
			return nil, 0, false
		}
		out = append(out, v)
		i += n
		i += len(s[i:]) - len(strings.TrimLeft(s[i:], " \t"))
		if i >= len(s) {
			return nil, 0, false
		}
		switch s[i] {
		case ',':
			i++
		case ']':
			return out, i + 1, true
		default:
			return nil, 0, false
		}
	}
}
