package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/site"
	"github.com/pelletier/go-toml/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestSchemaCommandWritesEverySchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "schema", "-d", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range site.SchemaFiles {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.JSON()) {
			t.Errorf("%s differs from the generated schema", f.Name)
		}
		if !strings.Contains(stdout, f.Name) {
			t.Errorf("stdout does not name %s: %q", f.Name, stdout)
		}
	}
	if code, _, _ := run(t, "schema", "extra"); code != 2 {
		t.Errorf("an unexpected argument: exit %d, want 2", code)
	}
}

// TestNewFilesPointAtTheirSchema: the files `new` writes start with a
// taplo #:schema directive whose path, relative to the file, is the schema
// of that file; and the files validate against it.
func TestNewFilesPointAtTheirSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "school")
	if code, _, stderr := run(t, "new", "site", dir); code != 0 {
		t.Fatalf("new site: %s", stderr)
	}
	// A site without schema/ gets one from `new course`.
	if err := os.RemoveAll(filepath.Join(dir, "schema")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "new", "course", "smm-basics", "-s", dir); code != 0 {
		t.Fatalf("new course: %s", stderr)
	}
	for _, rel := range []string{"oferta.toml", "content/first-course.toml", "content/smm-basics.toml"} {
		src, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(src), "\n")
		target, ok := strings.CutPrefix(first, "#:schema ")
		if !ok {
			t.Errorf("%s starts with %q, not a #:schema directive", rel, first)
			continue
		}
		path := filepath.Join(dir, filepath.Dir(rel), filepath.FromSlash(target))
		schemaSrc, err := os.ReadFile(path)
		if err != nil {
			if rel != "content/first-course.toml" { // its schema was removed above and comes back with new course
				t.Errorf("%s: the schema it names: %v", rel, err)
			}
			continue
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaSrc))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("file:///s.json", doc); err != nil {
			t.Fatal(err)
		}
		sch := c.MustCompile("file:///s.json")
		var m map[string]any
		if err := toml.Unmarshal(src, &m); err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(jsonValue(t, m)); err != nil {
			t.Errorf("%s does not validate against %s: %v", rel, target, err)
		}
	}
}

// jsonValue is v as a JSON validator sees it (dates as strings).
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	// TOML local dates (toml.LocalDate) marshal as the date as written,
	// as editors pass it.
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
