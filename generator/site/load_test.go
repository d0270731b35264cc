package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestReloadMatchesLoad edits course files and checks that Reload, told
// which files changed, gives the courses and errors Load gives.
func TestReloadMatchesLoad(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	builtin := Builtin{Clauses: os.DirFS("../../clauses"), Theme: os.DirFS("../../themes/default")}
	prev, err := Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	smm := filepath.Join(dir, "content", "smm-mentoring.toml")
	src, err := os.ReadFile(smm)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		edit    func() error
		changed []string
	}{
		{"title", func() error {
			return os.WriteFile(smm, []byte(strings.Replace(string(src), "8 недель", "9 недель", 1)), 0o644)
		}, []string{"content/smm-mentoring.toml"}},
		{"new course in a folder", func() error {
			sitetest.CopyFile(t, filepath.Join(dir, "content", "recorded-excel.toml"), filepath.Join(dir, "content", "more", "excel-2.toml"))
			return nil
		}, []string{"content/more/excel-2.toml"}},
		{"the same slug twice", func() error {
			return os.WriteFile(filepath.Join(dir, "content", "more", "smm.toml"), []byte(strings.Replace(string(src), "title =", "slug = \"smm-mentoring\"\ntitle =", 1)), 0o644)
		}, []string{"content/more/smm.toml"}},
		{"removed", func() error {
			return os.Remove(filepath.Join(dir, "content", "more", "smm.toml"))
		}, []string{"content/more/smm.toml"}},
		{"a bad file", func() error {
			return os.WriteFile(filepath.Join(dir, "content", "bad.toml"), []byte("title = \n"), 0o644)
		}, []string{"content/bad.toml"}},
	}
	for _, st := range steps {
		if err := st.edit(); err != nil {
			t.Fatal(err)
		}
		want, wantErr := Load(dir, builtin)
		got, ok, gotErr := Reload(prev, st.changed)
		if !ok {
			t.Fatalf("%s: Reload refused course files %v", st.name, st.changed)
		}
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("%s: Reload error %v, Load error %v", st.name, gotErr, wantErr)
		}
		if wantErr != nil {
			continue // prev stays the last site that loaded
		}
		if !reflect.DeepEqual(got.Courses, want.Courses) {
			t.Fatalf("%s: Reload's courses differ from Load's", st.name)
		}
		prev = got
	}
	if _, ok, _ := Reload(prev, []string{"oferta.toml"}); ok {
		t.Error("Reload took a change to oferta.toml")
	}
	if _, ok, _ := Reload(prev, []string{"content/.hidden.toml"}); ok {
		t.Error("Reload took a hidden file, which Load skips, as a course file")
	}
}

func TestWalkLessIsWalkDirOrder(t *testing.T) {
	paths := []string{"content/a/b.toml", "content/a.toml", "content/a-b.toml", "content/b.toml", "content/a/a/z.toml"}
	fsys := fstest.MapFS{}
	for _, p := range paths {
		fsys[p] = &fstest.MapFile{}
	}
	var walked []string
	fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	sorted := append([]string(nil), paths...)
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if walkLess(sorted[j], sorted[i]) {
				sorted[i], sorted[j] = sorted[j], sorted[i]
			}
		}
	}
	if !reflect.DeepEqual(sorted, walked) {
		t.Errorf("walkLess order %v, WalkDir order %v", sorted, walked)
	}
}
