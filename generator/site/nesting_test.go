package site

import (
	"runtime"
	"strings"
	"testing"
)

// runtimeMem is the memory allocated so far, to measure what one step
// allocates.
type runtimeMem struct{ total uint64 }

func (m *runtimeMem) read() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.total = ms.TotalAlloc
}

// mb is the megabytes allocated since before.
func (m runtimeMem) mb(before runtimeMem) uint64 { return (m.total - before.total) >> 20 }

// deepLayouts write n levels of nesting in every way TOML allows, each of
// which a check that looks at brackets one line at a time can miss.
var deepLayouts = []struct {
	name string
	doc  func(n int) string
}{
	{"each [ on its own line", func(n int) string {
		return "a = [\n" + strings.Repeat("[\n", n) + strings.Repeat("]\n", n) + "]\n"
	}},
	{"each [ on its own line, never closed", func(n int) string {
		return "a = [\n" + strings.Repeat("[\n", n)
	}},
	{"after a string ending in ''''", func(n int) string {
		return "s = '''x''''\nb = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	}},
	{`after a string ending in """"`, func(n int) string {
		return "s = \"\"\"x\"\"\"\"\nb = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	}},
	{"inline tables", func(n int) string {
		return "a = " + strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n) + "\n"
	}},
	{"inline tables over lines", func(n int) string {
		return "a = [\n" + strings.Repeat("{b=[\n", n/2) + strings.Repeat("]}\n", n/2) + "]\n"
	}},
	{"array of tables header", func(n int) string {
		return "[[" + strings.Repeat("a.", n) + "a]]\nx = 1\n"
	}},
	{"table header", func(n int) string {
		return "[" + strings.Repeat("a.", n) + "a]\nx = 1\n"
	}},
	{"dotted key", func(n int) string {
		return strings.Repeat("a.", n) + "a = 1\n"
	}},
	{"comments between brackets", func(n int) string {
		return "a = [ # ]]\n" + strings.Repeat("[ # ]]\n", n) + strings.Repeat("]\n", n) + "]\n"
	}},
	{"brackets in a one-line string, then real ones", func(n int) string {
		return "s = \"[[[\\\"\"\nt = '''\n]]]'''\nb = [\n" + strings.Repeat("[\n", n) + strings.Repeat("]\n", n) + "]\n"
	}},
}

// deepKinds are the files that hold TOML: course files, oferta.toml and
// clause front matter.
var deepKinds = []struct {
	name   string
	decode func(src string) error
}{
	{"course", func(src string) error {
		_, err := decodeCourse("content/deep.toml", src, &Config{Languages: []string{"ru"}, Currency: "RUB"})
		return err
	}},
	{"oferta.toml", func(src string) error {
		_, err := decodeConfig("oferta.toml", src)
		return err
	}},
	{"clause front matter", func(src string) error {
		_, err := decodeClause("clauses/ru/deep.md", "ru", "+++\n"+src+"+++\nBody\n")
		return err
	}},
}

// TestDeepNestingIsRejectedCheaply feeds every layout of deep nesting to
// every kind of file, at 40,000 levels (some 120 KB) and at 450,000 (under
// the size limit for most layouts), and checks the memory it took.
func TestDeepNestingIsRejectedCheaply(t *testing.T) {
	for _, levels := range []int{40000, 450000} {
		for _, layout := range deepLayouts {
			src := layout.doc(levels)
			for _, kind := range deepKinds {
				var before, after runtimeMem
				before.read()
				err := kind.decode(src)
				after.read()
				if err == nil || !strings.Contains(err.Error(), "nested more than") && !strings.Contains(err.Error(), "oferta reads files of at most") {
					t.Errorf("%s, %d levels, %s: got %v, want a nesting or size error", layout.name, levels, kind.name, err)
				}
				if mb := after.mb(before); mb > 100 {
					t.Errorf("%s, %d levels, %s: %d MB allocated", layout.name, levels, kind.name, mb)
				}
			}
		}
	}
}

// TestNestingErrorPosition checks that the error points at the bracket
// or key part that crosses the limit.
func TestNestingErrorPosition(t *testing.T) {
	cases := []struct{ src, want string }{
		{"a = [\n" + strings.Repeat("[\n", 40), "x.toml:33:1: values are nested more than 32 levels deep"},
		{"a = " + strings.Repeat("[", 40), "x.toml:1:37: values are nested"},
		{"[" + strings.Repeat("ab.", 40) + "c]", "x.toml:1:98: keys are nested more than 32 levels deep"},
		{"x = 1\n" + strings.Repeat("'k'.", 40) + "a = 1", "x.toml:2:129: keys are nested"},
	}
	for _, tc := range cases {
		err := checkLimits("x.toml", tc.src, 0)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%.30q…: got %v, want %q", tc.src, err, tc.want)
		}
	}
}

// TestNestingWithinLimits checks that what real files hold passes: deep
// enough nesting, brackets inside strings and comments, headers.
func TestNestingWithinLimits(t *testing.T) {
	docs := []string{
		"a = [[1, 2], [3]]\n[[t]]\nb = { c = [\"[[[\", '{{{'] }\n",
		"a = " + strings.Repeat("[", 32) + strings.Repeat("]", 32) + "\n",
		"a = [\n" + strings.Repeat("[ # [[[[\n", 31) + strings.Repeat("]\n", 31) + "]\n",
		"s = '''x''''\n[" + strings.Repeat("a.", 31) + "a]\n" + strings.Repeat("b.", 31) + "c = 1\n",
		"s = \"\"\"\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n\"\"\"\n",
		"s = '" + strings.Repeat("[", 100) + "'\n",
		"s = \"\\\"" + strings.Repeat("[", 100) + "\"\n",
	}
	for _, doc := range docs {
		if err := checkLimits("x.toml", doc, 0); err != nil {
			t.Errorf("%.40q…: %v", doc, err)
		}
	}
}

// TestKeyPositionsLinear scans documents whose key paths would grow with
// the square of their size if each were kept whole: a long table header
// over many keys, and many levels of arrays. Their positions past the
// budget are dropped; the scan stays within a few times the input.
func TestKeyPositionsLinear(t *testing.T) {
	docs := map[string]string{
		"long header, many keys": "[" + strings.Repeat("k", 400000) + "]\n" + strings.Repeat("b = 1\n", 100000),
		"deep arrays":            "a = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n",
		"deep inline tables":     "a = " + strings.Repeat("{b=", 100000) + "1" + strings.Repeat("}", 100000) + "\n",
	}
	for name, doc := range docs {
		var before, after runtimeMem
		before.read()
		scanKeyPositions("x.toml", doc)
		after.read()
		if mb := after.mb(before); mb > 100 {
			t.Errorf("%s: %d MB allocated", name, mb)
		}
	}
}
