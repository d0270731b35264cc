package site

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/pelletier/go-toml/v2"
)

// decoder walks a parsed TOML document against the schema, collecting every
// problem with the position of the key concerned.
type decoder struct {
	file string
	pos  keyPositions
	errs ErrorList
	// line is added to every position: front matter starts below line 1.
	line int
}

// parseTOML parses src and returns its top-level table. A syntax error is
// returned at the position the TOML library reports (pos.TOMLError).
func parseTOML(file, src string, lineOffset int, spec *Key) (*decoder, *table, error) {
	if err := checkUTF8(file, src, lineOffset); err != nil {
		return nil, nil, err
	}
	return parseUTF8TOML(file, src, lineOffset, spec)
}

// parseUTF8TOML is parseTOML of a src known to be UTF-8 (readText
// checked it).
func parseUTF8TOML(file, src string, lineOffset int, spec *Key) (*decoder, *table, error) {
	keys, err := scanLimited(file, src, lineOffset)
	if err != nil {
		return nil, nil, err
	}
	// Plain files are read by fastTOML; the library reads the others and
	// reports every error. It only reads the bytes it is given, so it
	// reads src's own instead of a copy.
	m, ok := fastTOML(src)
	if !ok {
		if err = toml.Unmarshal(unsafe.Slice(unsafe.StringData(src), len(src)), &m); err != nil {
			return nil, nil, pos.TOMLError(file, src, lineOffset, err)
		}
	}
	d := &decoder{file: file, pos: keys, line: lineOffset}
	return d, &table{d: d, spec: spec, m: m}, nil
}

func (d *decoder) errorf(p Pos, format string, args ...any) {
	d.errs = append(d.errs, Errorf(p, format, args...))
}

// table is one TOML table being decoded against spec, its entry in the
// key tables of keys.go.
type table struct {
	d    *decoder
	spec *Key
	path string
	m    map[string]any
	// used is the keys read so far (get marks them, and the decoder
	// reads only the keys of the table's description); allUsed says
	// Keys read them all, however many a map of free keys has.
	used    keySet
	allUsed bool
}

// keySet is the keys of a table read so far: a description lists a few
// keys, and a list is cheaper than a map for them.
type keySet []string

func (s keySet) has(k string) bool {
	for _, x := range s {
		if x == k {
			return true
		}
	}
	return false
}

func (s *keySet) add(k string) {
	if !s.has(k) {
		*s = append(*s, k)
	}
}

func (t *table) keyPath(key string) string { return join(t.path, key) }

// Pos returns the position of key in this table, falling back to the table
// itself and then to the top of the file.
func (t *table) Pos(key string) Pos {
	paths := []string{t.path}
	if key != "" {
		paths = []string{t.keyPath(key), t.path}
	}
	for _, path := range paths {
		if p, ok := t.d.pos.get(path); ok && path != "" {
			p.Line += t.d.line
			return p
		}
	}
	return Pos{File: t.d.file, Line: 1 + t.d.line, Col: 1}
}

// ValuePos returns the position of the value of key, falling back to the
// key's position.
func (t *table) ValuePos(key string) Pos {
	if p, ok := t.d.pos.get(t.keyPath(key) + "="); ok {
		p.Line += t.d.line
		return p
	}
	return t.Pos(key)
}

// Has reports whether the table sets key.
func (t *table) Has(key string) bool {
	_, ok := t.m[key]
	return ok
}

// get returns the value of key and the key's description. A missing
// required key is reported. The accessor's kind must be the one the key
// tables give the key: a decoder that reads a key as something else is a
// bug, found by every test that decodes the key.
func (t *table) get(key string, kinds ...Kind) (any, *Key, bool) {
	k := t.spec.field(key)
	if !slices.Contains(kinds, k.Kind) {
		panic(fmt.Sprintf("site: the decoder reads %q as kind %v, the key tables in keys.go say %v", t.keyPath(key), kinds, k.Kind))
	}
	v, ok := t.m[key]
	if !t.allUsed {
		t.used.add(key)
	}
	if !ok {
		if k.Required {
			if t.path == "" {
				t.d.errorf(t.Pos(""), "missing required key %q", key)
			} else {
				t.d.errorf(t.Pos(""), "missing required key %q in [%s]", key, t.path)
			}
		}
		return nil, k, false
	}
	return v, k, true
}

func (t *table) wrongType(key string, want string, v any) {
	t.d.errorf(t.ValuePos(key), "%s must be %s, not %s", t.keyPath(key), want, tomlType(v))
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a decimal number"
	case bool:
		return "a boolean"
	case time.Time, toml.LocalDate:
		return "a date"
	case toml.LocalDateTime:
		return "a date and time"
	case toml.LocalTime:
		return "a time"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// String returns a string value. When the key lists allowed values, a
// value outside them is reported and "" returned.
func (t *table) String(key string) string {
	v, k, ok := t.get(key, KindString)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.notAString(key, v)
		return ""
	}
	if len(k.Enum) == 0 || s == "" || slices.Contains(k.Enum, s) {
		return s
	}
	allowed := strings.Join(quoteAll(k.Enum), ", ")
	if k.EnumHint != "" {
		allowed = k.EnumHint
	}
	msg := fmt.Sprintf("%s = %q is not allowed; use one of %s", t.keyPath(key), s, allowed)
	if k.EnumHint != "" {
		msg = fmt.Sprintf("%s = %q is not allowed; use %s", t.keyPath(key), s, allowed)
	}
	if sug := Suggest(s, k.Enum); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	}
	t.d.errorf(t.ValuePos(key), "%s", msg)
	return ""
}

// notAString reports a value that should have been a string. A number is
// the common case (an ИНН written without quotes): say how to quote it.
func (t *table) notAString(key string, v any) {
	var lit string
	switch x := v.(type) {
	case int64:
		lit = strconv.FormatInt(x, 10)
	case float64:
		lit = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		t.wrongType(key, "a string", v)
		return
	}
	name := key
	if !bareKey.MatchString(name) {
		name = strconv.Quote(name)
	}
	t.d.errorf(t.ValuePos(key), "%s must be a string, not %s — put it in quotes: %s = %q", t.keyPath(key), tomlType(v), name, lit)
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// Int returns a whole number within the key's [Min, Max].
func (t *table) Int(key string) int {
	v, k, ok := t.get(key, KindInt)
	if !ok {
		return 0
	}
	lo, hi := k.Min, k.Max
	n, isInt := v.(int64)
	if !isInt {
		t.wrongType(key, "a whole number", v)
		return 0
	}
	if n < lo || n > hi {
		t.d.errorf(t.ValuePos(key), "%s = %d is out of range; it must be from %d to %d", t.keyPath(key), n, lo, hi)
		return 0
	}
	return int(n)
}

// Decimal returns an exact number written as a TOML integer, a TOML decimal
// (up to 15 significant digits, so that it converts back exactly) or a
// decimal string such as "80000.50", within the key's bounds.
func (t *table) Decimal(key string) *big.Rat {
	v, k, ok := t.get(key, KindDecimal)
	if !ok {
		return nil
	}
	r, err := decimalValue(v)
	if err != nil {
		t.d.errorf(t.ValuePos(key), "%s: %v", t.keyPath(key), err)
		return nil
	}
	if !k.Bounded {
		return r
	}
	lo, hi := big.NewRat(k.Min, 1), big.NewRat(k.Max, 1)
	switch {
	case k.MinExclusive && r.Cmp(lo) <= 0:
		t.d.errorf(t.ValuePos(key), "%s must be greater than %d", t.keyPath(key), k.Min)
	case !k.MinExclusive && r.Cmp(lo) < 0 && k.NoMax:
		t.d.errorf(t.ValuePos(key), "%s must not be negative", t.keyPath(key))
	case !k.NoMax && (r.Cmp(lo) < 0 || r.Cmp(hi) > 0):
		t.d.errorf(t.ValuePos(key), "%s must be from %d to %d", t.keyPath(key), k.Min, k.Max)
	default:
		return r
	}
	return nil
}

func decimalValue(v any) (*big.Rat, error) {
	switch x := v.(type) {
	case int64:
		return new(big.Rat).SetInt64(x), nil
	case float64:
		// The shortest decimal that reads back as the same float64 is the
		// literal the user wrote whenever it has at most 15 significant
		// digits; longer literals must be written as strings.
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if digits := strings.TrimLeft(strings.Replace(strings.TrimPrefix(s, "-"), ".", "", 1), "0"); len(digits) > 15 {
			return nil, fmt.Errorf("%s has too many digits for a TOML number; write it as a string, e.g. \"%s\"", s, s)
		}
		return money.ParseDecimal(s)
	case string:
		return money.ParseDecimal(x)
	}
	return nil, fmt.Errorf("must be a number, not %s", tomlType(v))
}

// Bool returns a boolean.
func (t *table) Bool(key string) bool {
	v, _, ok := t.get(key, KindBool)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.wrongType(key, "true or false", v)
	}
	return b
}

// Date returns a TOML local date (2026-11-01); a string in that form is
// accepted too.
func (t *table) Date(key string) time.Time {
	v, _, ok := t.get(key, KindDate)
	if !ok {
		return time.Time{}
	}
	switch x := v.(type) {
	case toml.LocalDate:
		return time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, time.UTC)
	case toml.LocalDateTime:
		t.d.errorf(t.Pos(key), "%s must be a date without a time, like 2026-11-01", t.keyPath(key))
		return time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, time.UTC)
	case time.Time:
		t.d.errorf(t.Pos(key), "%s must be a date without a time, like 2026-11-01", t.keyPath(key))
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		d, err := time.Parse("2006-01-02", x)
		if err != nil {
			t.d.errorf(t.Pos(key), "%s = %q is not a date like 2026-11-01", t.keyPath(key), x)
		}
		return d
	}
	t.wrongType(key, "a date like 2026-11-01", v)
	return time.Time{}
}

// Strings returns an array of strings. When the key lists allowed values,
// an element outside them is reported and left out.
func (t *table) Strings(key string) []string {
	v, k, ok := t.get(key, KindStrings)
	if !ok {
		return nil
	}
	arr, isArr := v.([]any)
	if !isArr {
		t.wrongType(key, "an array of strings", v)
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, isStr := e.(string)
		if !isStr {
			t.d.errorf(t.elemPos(key, i), "%s[%d] must be a string, not %s", t.keyPath(key), i, tomlType(e))
			continue
		}
		if len(k.Enum) > 0 && !slices.Contains(k.Enum, s) {
			msg := fmt.Sprintf("%s: %q is not one of %s", t.keyPath(key), s, strings.Join(quoteAll(k.Enum), ", "))
			if sug := Suggest(s, k.Enum); sug != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sug)
			}
			t.d.errorf(t.elemPos(key, i), "%s", msg)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (t *table) elemPos(key string, i int) Pos {
	if p, ok := t.d.pos.get(t.keyPath(key) + "[" + strconv.Itoa(i) + "]"); ok {
		p.Line += t.d.line
		return p
	}
	return t.Pos(key)
}

// Table returns a sub-table (or a map of free keys), or nil when it is
// absent.
func (t *table) Table(key string) *table {
	v, k, ok := t.get(key, KindTable, KindMap)
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.wrongType(key, "a table", v)
		return nil
	}
	return &table{d: t.d, spec: k, path: t.keyPath(key), m: m}
}

// Tables returns an array of tables ([[key]] or key = [{…}, {…}]).
func (t *table) Tables(key string) []*table {
	v, k, ok := t.get(key, KindTables)
	if !ok {
		return nil
	}
	var maps []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		maps = x
	case []any:
		for i, e := range x {
			m, isMap := e.(map[string]any)
			if !isMap {
				t.d.errorf(t.elemPos(key, i), "%s[%d] must be a table, not %s", t.keyPath(key), i, tomlType(e))
				continue
			}
			maps = append(maps, m)
		}
	default:
		t.wrongType(key, "an array of tables", v)
		return nil
	}
	out := make([]*table, len(maps))
	for i, m := range maps {
		out[i] = &table{d: t.d, spec: k, path: t.keyPath(key) + "[" + strconv.Itoa(i) + "]", m: m}
	}
	return out
}

// Keys returns the keys of the table in sorted order and marks them used.
func (t *table) Keys() []string {
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	t.allUsed = true
	sort.Strings(keys)
	return keys
}

// Done reports every key of the table that the decoder did not read, with a
// suggestion among the keys the table's description lists.
func (t *table) Done() {
	if t.allUsed {
		return
	}
	unused := false
	for k := range t.m {
		if !t.used.has(k) {
			unused = true
			break
		}
	}
	if !unused {
		return
	}
	known := t.spec.Names()
	for _, k := range sortedKeys(t.m) {
		if t.used.has(k) {
			continue
		}
		msg := fmt.Sprintf("unknown key %q", t.keyPath(k))
		if sug := Suggest(k, known); sug != "" {
			msg += fmt.Sprintf("; did you mean %q?", sug)
		} else if t.path != "" {
			msg += fmt.Sprintf(" in [%s]", t.path)
		}
		t.d.errorf(t.Pos(k), "%s", msg)
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
