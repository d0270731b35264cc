package synth_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

var builtin = site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}

// TestSitesAreCleanAndRepeatable checks what the benchmarks rely on: a
// synthetic site loads and lints without errors (so `oferta build`
// writes it), the same seed gives the same files, and a smaller site is
// the beginning of a larger one.
func TestSitesAreCleanAndRepeatable(t *testing.T) {
	big, err := synth.Write(t.TempDir(), builtin, 60, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pipeline.Check(big.Dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := lint.Count(c.Findings); errs > 0 {
		for _, f := range c.Findings {
			t.Logf("%s:%d: %s [%s]", f.File, f.Line, f.Message, f.Rule)
		}
		t.Fatalf("%d lint errors", errs)
	}
	langs := map[string]int{}
	for _, k := range c.Contracts {
		langs[k.Lang]++
	}
	if langs["ru"] == 0 || langs["en"] == 0 {
		t.Errorf("courses by language: %v, want both", langs)
	}
	small, err := synth.Write(t.TempDir(), builtin, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, file := range small.Courses {
		if big.Courses[i] != file {
			t.Fatalf("course %d: %s in the small site, %s in the big one", i, file, big.Courses[i])
		}
		a, _ := os.ReadFile(filepath.Join(small.Dir, file))
		b, _ := os.ReadFile(filepath.Join(big.Dir, file))
		if string(a) != string(b) || len(a) == 0 {
			t.Errorf("%s differs between two sites of the same seed", file)
		}
	}
	other, err := synth.Write(t.TempDir(), builtin, 20, 2)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i := range other.Courses {
		a, _ := os.ReadFile(filepath.Join(small.Dir, small.Courses[i]))
		b, _ := os.ReadFile(filepath.Join(other.Dir, other.Courses[i]))
		if string(a) == string(b) {
			same++
		}
	}
	if same == len(other.Courses) {
		t.Error("another seed gave the same courses")
	}
}

// TestEditCourseTwin: a Russian twin starts with its slug line; its title
// is the line after it, and EditCourse edits that.
func TestEditCourseTwin(t *testing.T) {
	dir := t.TempDir()
	file := "content/x-ru.toml"
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte("slug = \"x\"\ntitle = \"Курс\"\nprice = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := synth.EditCourse(dir, file, 2); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, file))
	if want := "slug = \"x\"\ntitle = \"Курс (правка 2)\"\nprice = 1\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
