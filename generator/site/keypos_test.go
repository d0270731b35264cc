package site

import (
	"strings"
	"testing"
)

func TestKeyPositions(t *testing.T) {
	src := `# comment
title = "x"   # trailing
multi = """
line = "not a key"
"""
arr = [
  1,
  2,
]
[refund]
policy = "prorata"
params = { hours = 3, "quoted.key" = 1 }
[[refund.deductions]]
name = "a"
[[refund.deductions]]
  name = 'b'
[lint]
ignore = [{ rule = "r", reason = "x" },
          { rule = "s" }]
[a.b]
c.d = 1
`
	pos := scanKeyPositions("f.toml", src)
	tests := []struct {
		path      string
		line, col int
	}{
		{"title", 2, 1},
		{"title=", 2, 9},
		{"multi", 3, 1},
		{"arr", 6, 1},
		{"arr[1]", 8, 3},
		{"refund", 10, 1},
		{"refund.policy", 11, 1},
		{"refund.params.hours", 12, 12},
		{"refund.params.quoted.key", 12, 23},
		{"refund.deductions[0].name", 14, 1},
		{"refund.deductions[1].name", 16, 3},
		{"lint.ignore[0].rule", 18, 13},
		{"lint.ignore[1].rule", 19, 13},
		{"a.b.c.d", 21, 1},
	}
	for _, tt := range tests {
		p, ok := pos.get(tt.path)
		if !ok {
			t.Errorf("%s: no position", tt.path)
			continue
		}
		if p.Line != tt.line || p.Col != tt.col {
			t.Errorf("%s at %d:%d, want %d:%d", tt.path, p.Line, p.Col, tt.line, tt.col)
		}
	}
	if _, ok := pos.get("line"); ok {
		t.Error("text inside a multi-line string was taken for a key")
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"title", "price", "format", "duration", "refund"}
	for in, want := range map[string]string{"prise": "price", "prcie": "price", "titel": "title", "formt": "format", "colour": "", "x": ""} {
		if got := Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLimits(t *testing.T) {
	deep := "title = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	_, _, err := parseTOML("content/x.toml", deep, 0, CourseKeys)
	if err == nil || !strings.Contains(err.Error(), "content/x.toml:1:") || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep nesting: got %v", err)
	}
	big := "title = \"" + strings.Repeat("x", maxFileSize) + "\"\n"
	if _, _, err := parseTOML("content/x.toml", big, 0, CourseKeys); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("large file: got %v", err)
	}
	ok := "a = [[1, 2], [3]]\n[[t]]\nb = { c = [\"[[[\", '{{{'] }\n"
	if _, _, err := parseTOML("content/x.toml", ok, 0, CourseKeys); err != nil {
		t.Errorf("ordinary nesting: %v", err)
	}
}
