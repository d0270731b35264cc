package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/render"
)

func TestWriteReplacesTheFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("one")}, {Path: "a/b/index.html", Data: []byte("two")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("three")}}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "three" {
		t.Errorf("index.html = %q, want the new build", data)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); err == nil {
		t.Error("a file of the previous build survived: the folder was not replaced")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("temporary folders left beside the output: %v", names)
	}
}

func TestWriteRefusesPathsOutsideTheFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, []render.File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/etc/x", "a/../../x", "", "a//b"} {
		err := Write(dest, []render.File{{Path: "ok.html", Data: []byte("new")}, {Path: bad, Data: []byte("x")}})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("path %q: got %v, want a refusal", bad, err)
		}
		if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "old" {
			t.Fatalf("path %q: the previous output changed", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "escape.html")); err == nil {
		t.Error("a file was written outside the output folder")
	}
}
