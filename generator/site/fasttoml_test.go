package site

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// fastTOMLCases are documents fastTOML must read as the library does, or
// leave to it.
var fastTOMLCases = []string{
	"",
	"title = \"Курс\"\nprice = 80000\n",
	"a = \"x\\\"y\\\\z\\n\\t\"\nb = true\nc = false\nd = 2026-11-01\ne = -0\nf = -12\n",
	"includes = [\"a\", \"b\",]\nempty = []\nmixed = [1, \"a\", true, 2026-02-28]\n",
	"[duration]\nunit = \"week\"\ncount = 4\n\n[refund]\npolicy = \"flat\"\n\n[[refund.deductions]]\nname = \"x\"\namount = 1500\n\n[[refund.deductions]]\nname = \"y\"\namount = 10\n\n[[faq]]\nquestion = \"q\"\nanswer = \"a\"\n[[faq]]\nquestion = \"q2\"\n",
	"[refund]\n[refund.params]\nrate = 3\n",
	// What it leaves to the library, valid or not.
	"a = 1\na = 2\n",
	"[a]\n[a]\n",
	"a = 1\n[a]\n",
	"[[a]]\n[a]\n",
	"[a]\n[[a]]\n",
	"[a]\nb = 1\n[[a.b]]\n",
	"[[a]]\n[[a.b]]\n",
	"[a.b]\n",
	"a.b = 1\n",
	"\"a\" = 1\n",
	"a = 1 # note\n",
	"# note\na = 1\n",
	"a = 1.5\n", "a = 1e3\n", "a = +1\n", "a = 1_000\n", "a = 0x10\n", "a = 01\n", "a = 1234567890123456789\n",
	"a = 2026-02-29\n", "a = 2026-02-30\n", "a = 2026-13-01\n", "a = 2026-11-01T10:00:00\n", "a = 2026-11-01 10:00:00\n", "a = 10:00:00\n",
	"a = 'lit'\n", "a = \"\"\"multi\"\"\"\n", "a = \"\\u0041\"\n", "a = \"\\x\"\n", "a = \"open\n", "a = \"tab\there\"\n", "a = \"ctl\x01\"\n",
	"a = [\n  1,\n]\n", "a = [1 2]\n", "a = [[1], [2]]\n", "a = {b = 1}\n", "a = [\"x\"]y\n", "a = \"x\"y\n", "a = truex\n", "a = 1x\n",
	"a = 1\r\nb = 2\r\n", "[a] \n", "[ a ]\n", "[a]x\n", "[[a]\n", "[]\n", "[[]]\n", "[a.]\n", "= 1\n", "a =\n", "a\n", "\ufeffa = 1\n",
}

func checkFastTOML(t *testing.T, src string) {
	t.Helper()
	fast, ok := fastTOML(src)
	if !ok {
		return
	}
	var slow map[string]any
	if err := toml.Unmarshal([]byte(src), &slow); err != nil {
		t.Fatalf("fastTOML read %q, which the library refuses: %v", src, err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("fastTOML read %q as\n%#v\nthe library as\n%#v", src, fast, slow)
	}
}

// TestFastTOML: every document fastTOML reads, the library reads the
// same (the cases, and the course files of testdata and of a synthetic
// site when there is one), and fastTOML reads the plain ones.
func TestFastTOML(t *testing.T) {
	for _, src := range fastTOMLCases {
		checkFastTOML(t, src)
	}
	for _, src := range fastTOMLCases[:6] {
		if _, ok := fastTOML(src); !ok {
			t.Errorf("fastTOML leaves %q to the library", src)
		}
	}
	var files []string
	filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".toml") {
			files = append(files, p)
		}
		return nil
	})
	synth, _ := filepath.Glob("/tmp/bench1/.bench/site-1000/content/*.toml")
	read := 0
	for _, f := range append(files, synth...) {
		data, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(data) {
			continue
		}
		checkFastTOML(t, string(data))
		if _, ok := fastTOML(string(data)); ok {
			read++
		}
	}
	t.Logf("fastTOML read %d of %d files", read, len(files)+len(synth))
}

func FuzzFastTOML(f *testing.F) {
	for _, src := range fastTOMLCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		checkFastTOML(t, src)
	})
}
