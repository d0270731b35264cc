package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// repoRoot is the repository, which is itself the example site.
const repoRoot = "../.."

// TestSchemaFilesCommitted fails when the key tables changed and schema/
// was not regenerated.
func TestSchemaFilesCommitted(t *testing.T) {
	for _, f := range SchemaFiles {
		got, err := os.ReadFile(filepath.Join(repoRoot, "schema", f.Name))
		if err != nil {
			t.Fatalf("%v: run `go run ./cmd/oferta schema` at the repository root", err)
		}
		if !bytes.Equal(got, f.JSON()) {
			t.Errorf("schema/%s is stale: run `go run ./cmd/oferta schema` at the repository root and commit schema/", f.Name)
		}
	}
}

func TestSchemaIsDeterministic(t *testing.T) {
	for _, f := range SchemaFiles {
		if !bytes.Equal(f.JSON(), f.JSON()) {
			t.Errorf("%s: two runs differ", f.Name)
		}
	}
}

// compileSchemas compiles the generated schemas with a real draft 2020-12
// validator, formats asserted.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for _, f := range SchemaFiles {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.JSON()))
		if err != nil {
			t.Fatal(err)
		}
		url := "file:///schema/" + f.Name
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		sch, err := c.Compile(url)
		if err != nil {
			t.Fatalf("%s does not compile: %v", f.Name, err)
		}
		out[f.Name] = sch
	}
	return out
}

// jsonOf turns a TOML document into the JSON value an editor's validator
// sees: local dates become "2026-11-01" strings.
func jsonOf(t *testing.T, src string) any {
	t.Helper()
	var m map[string]any
	if err := toml.Unmarshal([]byte(src), &m); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(datesAsStrings(m))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func datesAsStrings(v any) any {
	switch x := v.(type) {
	case toml.LocalDate:
		return x.String()
	case toml.LocalDateTime:
		return x.String()
	case time.Time:
		return x.Format(time.RFC3339)
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = datesAsStrings(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = datesAsStrings(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = datesAsStrings(e)
		}
		return out
	}
	return v
}

// frontMatter returns the TOML between the "+++" lines of a clause file.
func frontMatter(t *testing.T, file, src string) string {
	t.Helper()
	src = strings.ReplaceAll(src, "\r\n", "\n")
	rest, ok := strings.CutPrefix(src, "+++\n")
	end := strings.Index(rest, "\n+++")
	if !ok || end < 0 {
		t.Fatalf("%s: no front matter", file)
	}
	return rest[:end+1]
}

// TestSchemaValidatesExampleSite validates the repository's own site (the
// example school and the built-in clause library) with the schemas.
func TestSchemaValidatesExampleSite(t *testing.T) {
	schemas := compileSchemas(t)
	check := func(schema, file, src string) {
		if err := schemas[schema].Validate(jsonOf(t, src)); err != nil {
			t.Errorf("%s does not validate against schema/%s:\n%v", file, schema, err)
		}
	}
	counts := map[string]int{}
	walk := func(dir, schema, ext string, read func(path, src string) string) {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ext) {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			check(schema, path, read(path, string(b)))
			counts[schema]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	asIs := func(_, src string) string { return src }
	// The example school at the root, and the example sites of other
	// jurisdictions under examples/.
	sites, _ := filepath.Glob(filepath.Join(repoRoot, "examples", "*"))
	for _, dir := range append([]string{repoRoot}, sites...) {
		src, err := os.ReadFile(filepath.Join(dir, "oferta.toml"))
		if err != nil {
			continue
		}
		check("oferta.schema.json", filepath.Join(dir, "oferta.toml"), string(src))
		counts["oferta.schema.json"]++
		walk(filepath.Join(dir, "content"), "course.schema.json", ".toml", asIs)
	}
	walk(filepath.Join(repoRoot, "clauses"), "clause.schema.json", ".md", func(path, src string) string { return frontMatter(t, path, src) })
	t.Logf("validated %v", counts)
	if counts["oferta.schema.json"] == 0 || counts["course.schema.json"] == 0 || counts["clause.schema.json"] < 10 {
		t.Fatalf("validated too few files: %v", counts)
	}
}

// TestSchemaRejectsTypo: a misspelt key is flagged by the editor's
// validator with the key's name, and by the decoder with a suggestion.
func TestSchemaRejectsTypo(t *testing.T) {
	schemas := compileSchemas(t)
	course := "title = \"SMM\"\nformat = \"personal\"\nprise = 80000\n[duration]\nunit = \"week\"\ncount = 8\n"
	err := schemas["course.schema.json"].Validate(jsonOf(t, course))
	if err == nil || !strings.Contains(err.Error(), "'prise'") {
		t.Errorf("schema: want an error naming 'prise', got %v", err)
	}
	cfg := exampleConfig(t)
	_, err = decodeCourse("content/smm.toml", course, cfg)
	if err == nil || !strings.Contains(err.Error(), `unknown key "prise"; did you mean "price"?`) {
		t.Errorf("decoder: got %v", err)
	}
}

func exampleConfig(t *testing.T) *Config {
	t.Helper()
	cfg, err := decodeConfig("oferta.toml", encodeTOML(t, fullDoc(ConfigKeys)))
	if err != nil {
		t.Fatalf("the full oferta.toml does not decode: %v", err)
	}
	return cfg
}

// sampleStrings are valid values for keys with a pattern or a meaning the
// decoder checks beyond their type.
var sampleStrings = map[string]string{
	"base_url": "https://example.org/", "email": "seller@example.org", "slug": "course-a",
	"theme": "default", "id": "refund.sample", "endpoint": "https://forms.example/withdraw", "language": "ru", "languages": "ru", "policy": "prorata",
}

// fullDoc is a document that sets every key of the tables with a valid
// value.
func fullDoc(k *Key) map[string]any {
	doc := map[string]any{}
	for _, f := range k.Keys {
		doc[f.Name] = sample(f)
	}
	if k == ClauseKeys {
		doc["kind"] = "proration" // the one kind that has a formula
	}
	return doc
}

func sample(k *Key) any {
	switch k.Kind {
	case KindString:
		if len(k.Enum) > 0 {
			return k.Enum[0]
		}
		if s, ok := sampleStrings[k.Name]; ok {
			return s
		}
		return "text"
	case KindStrings:
		if len(k.Enum) > 0 {
			return []any{k.Enum[0]}
		}
		if s, ok := sampleStrings[k.Name]; ok {
			return []any{s}
		}
		return []any{"text"}
	case KindInt:
		return k.Min
	case KindDecimal:
		return k.Min + 1
	case KindBool:
		return true
	case KindDate:
		return "2026-11-01"
	case KindTable:
		return fullDoc(k)
	case KindTables:
		return []map[string]any{fullDoc(k)}
	case KindMap:
		name := "x"
		if k.Pattern == nil {
			name = "refund/x"
		}
		return map[string]any{name: sample(k.Elem)}
	}
	panic("unknown kind")
}

// encodeTOML writes doc as TOML; go-toml writes a string without quote
// marks in it as a literal string: inn = 'text'.
func encodeTOML(t *testing.T, doc map[string]any) string {
	t.Helper()
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// spot is a place in a full document: the table holding a key and the
// key's description.
type spot struct {
	path  string
	table func(doc map[string]any) map[string]any
	key   *Key // nil: the table itself (for adding an unknown key)
}

// spots lists every key of the tables and every table, reached in a full
// document.
func spots(k *Key) []spot {
	var out []spot
	var walk func(k *Key, path string, get func(map[string]any) map[string]any)
	walk = func(k *Key, path string, get func(map[string]any) map[string]any) {
		if k.Kind != KindMap {
			out = append(out, spot{path: path, table: get})
		}
		fields := k.Keys
		if k.Kind == KindMap {
			for name := range sample(k).(map[string]any) {
				fields = []*Key{k.Field(name)}
			}
		}
		for _, f := range fields {
			out = append(out, spot{path: path + "." + f.Name, table: get, key: f})
			name := f.Name
			switch f.Kind {
			case KindTable, KindMap:
				walk(f, path+"."+name, func(doc map[string]any) map[string]any { return get(doc)[name].(map[string]any) })
			case KindTables:
				walk(f, path+"."+name+"[0]", func(doc map[string]any) map[string]any { return get(doc)[name].([]map[string]any)[0] })
			}
		}
	}
	walk(k, "", func(doc map[string]any) map[string]any { return doc })
	return out
}

// TestSchemaAgreesWithDecoder: the decoder accepts a document that sets
// every key of the schema, and rejects exactly what the schema rejects:
// an unknown key in any table, a missing required key, a value outside an
// enum or a range, a pattern broken, a number where a string belongs.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	schemas := compileSchemas(t)
	cfg := exampleConfig(t)
	decoders := map[string]func(src string) error{
		"oferta.schema.json": func(src string) error { _, err := decodeConfig("oferta.toml", src); return err },
		"course.schema.json": func(src string) error { _, err := decodeCourse("content/x.toml", src, cfg); return err },
		"clause.schema.json": func(src string) error {
			_, err := decodeClause("clauses/ru/x.md", "ru", "+++\n"+src+"+++\nBody.\n")
			return err
		},
	}
	for _, f := range SchemaFiles {
		decode, sch := decoders[f.Name], schemas[f.Name]
		src := encodeTOML(t, fullDoc(f.Keys))
		if err := decode(src); err != nil {
			t.Errorf("%s: the decoder rejects a document with every key of the schema:\n%v\n%s", f.Name, err, src)
		}
		if err := sch.Validate(jsonOf(t, src)); err != nil {
			t.Errorf("%s: the schema rejects a document with every key:\n%v", f.Name, err)
		}
		n := 0
		for _, s := range spots(f.Keys) {
			for _, m := range mutations(s) {
				doc := fullDoc(f.Keys)
				m.apply(s.table(doc))
				src := encodeTOML(t, doc)
				decErr := decode(src)
				schErr := sch.Validate(jsonOf(t, src))
				n++
				if decErr == nil || schErr == nil {
					t.Errorf("%s %s (%s): decoder says %v; schema says %v", f.Name, s.path, m.name, decErr, schErr)
					continue
				}
				if m.want != "" && !strings.Contains(decErr.Error(), m.want) {
					t.Errorf("%s %s (%s): decoder error %q lacks %q", f.Name, s.path, m.name, decErr, m.want)
				}
			}
		}
		if n < len(f.Keys.Keys) {
			t.Errorf("%s: only %d mutations tried", f.Name, n)
		}
	}
}

type mutation struct {
	name  string
	apply func(table map[string]any)
	want  string // in the decoder's message
}

func mutations(s spot) []mutation {
	k := s.key
	if k == nil {
		return []mutation{{"unknown key", func(m map[string]any) { m["zzz_typo"] = "x" }, `unknown key`}}
	}
	name := k.Name
	set := func(v any) func(map[string]any) { return func(m map[string]any) { m[name] = v } }
	var out []mutation
	if k.Required {
		out = append(out, mutation{"missing", func(m map[string]any) { delete(m, name) }, "missing required key"})
	}
	switch k.Kind {
	case KindString:
		out = append(out, mutation{"a number", set(int64(500312345614)), `put it in quotes: `})
		if len(k.Enum) > 0 {
			out = append(out, mutation{"not in enum", set("zz-not-allowed"), "is not allowed"})
		}
		if k.Pattern != nil {
			out = append(out, mutation{"pattern", set("Not Valid!"), ""})
		}
	case KindStrings:
		out = append(out, mutation{"not an array", set("x"), "must be an array"})
		if len(k.Enum) > 0 {
			out = append(out, mutation{"element not in enum", set([]any{"zz-not-allowed"}), "is not one of"})
		}
		if k.Pattern != nil {
			out = append(out, mutation{"pattern", set([]any{"Not Valid!"}), ""})
		}
	case KindInt:
		out = append(out, mutation{"above max", set(k.Max + 1), "out of range"},
			mutation{"below min", set(k.Min - 1), "out of range"},
			mutation{"a string", set("1"), "must be a whole number"})
	case KindDecimal:
		if k.Bounded {
			low := k.Min - 1
			if k.MinExclusive {
				low = k.Min
			}
			out = append(out, mutation{"below min", set(low), "must"})
			if !k.NoMax {
				out = append(out, mutation{"above max", set(k.Max + 1), "must be from"})
			}
		}
		out = append(out, mutation{"a boolean", set(true), "must be a number"})
	case KindBool:
		out = append(out, mutation{"a string", set("yes"), "must be true or false"})
	case KindDate:
		out = append(out, mutation{"not a date", set("1 November"), "not a date"})
	case KindTable, KindMap:
		out = append(out, mutation{"not a table", set("x"), "must be a table"})
	case KindTables:
		out = append(out, mutation{"not an array", set("x"), "must be an array of tables"})
	}
	return out
}
