package sitetest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

func TestWriteAndReadTree(t *testing.T) {
	files := map[string]string{"oferta.toml": "title = \"S\"\n", "content/a/b.toml": "x = 1\n"}
	dir := sitetest.New(t, files)
	if got := sitetest.ReadTree(t, dir); !reflect.DeepEqual(got, files) {
		t.Errorf("ReadTree = %q, want %q", got, files)
	}
	sitetest.Replace(t, filepath.Join(dir, "oferta.toml"), "S", "T")
	if got := sitetest.ReadFile(t, filepath.Join(dir, "oferta.toml")); got != "title = \"T\"\n" {
		t.Errorf("after Replace: %q", got)
	}
}

func TestTxtarKeepsExpectations(t *testing.T) {
	ar := filepath.Join(t.TempDir(), "case.txtar")
	sitetest.WriteFile(t, ar, "comment\n-- oferta.toml --\ntitle = \"S\"\n-- want --\nnothing\n")
	dir, a := sitetest.Txtar(t, ar, "want")
	if got := sitetest.ReadTree(t, dir); !reflect.DeepEqual(got, map[string]string{"oferta.toml": "title = \"S\"\n"}) {
		t.Errorf("written: %q", got)
	}
	if string(a.Comment) != "comment\n" || len(a.Files) != 2 {
		t.Errorf("archive: %q, %d files", a.Comment, len(a.Files))
	}
}

func TestExampleSite(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	for _, f := range []string{"oferta.toml", "content"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(sitetest.Root(t), "go.mod")); err != nil {
		t.Error(err)
	}
}
