package site

import (
	"bytes"
	"encoding/json"
)

// SchemaFile is one JSON Schema that `oferta schema` writes.
type SchemaFile struct {
	Name  string // file name, e.g. "course.schema.json"
	Title string
	Keys  *Key
}

// SchemaFiles are the JSON Schemas of the files a user writes, generated
// from the same key tables the decoder reads them with.
var SchemaFiles = []SchemaFile{
	{Name: "oferta.schema.json", Title: "oferta site settings (oferta.toml)", Keys: ConfigKeys},
	{Name: "course.schema.json", Title: "oferta course (content/<slug>.toml)", Keys: CourseKeys},
	{Name: "clause.schema.json", Title: "oferta clause front matter (clauses/<lang>/…/<name>.md, between +++ lines)", Keys: ClauseKeys},
}

// decimalString is the form of an exact number written as a string
// ("80000.50"), as money.ParseDecimal reads it.
const decimalString = `^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`

// JSON returns the file's JSON Schema (draft 2020-12), indented, with a
// final newline. The same tables give the same bytes.
func (f SchemaFile) JSON() []byte {
	s := schemaOf(f.Keys)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = f.Title
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // only maps, strings, numbers and slices: cannot fail
	}
	return b.Bytes()
}

func schemaOf(k *Key) map[string]any {
	s := map[string]any{}
	if k.Doc != "" {
		s["description"] = k.Doc
	}
	if k.Default != nil {
		s["default"] = k.Default
	}
	switch k.Kind {
	case KindString:
		s["type"] = "string"
		addString(s, k)
	case KindInt:
		s["type"] = "integer"
		s["minimum"], s["maximum"] = k.Min, k.Max
	case KindDecimal:
		num := map[string]any{"type": "number"}
		if k.Bounded {
			if k.MinExclusive {
				num["exclusiveMinimum"] = k.Min
			} else {
				num["minimum"] = k.Min
			}
			if !k.NoMax {
				num["maximum"] = k.Max
			}
		}
		s["anyOf"] = []any{num, map[string]any{"type": "string", "pattern": decimalString,
			"description": "An exact decimal written as a string, e.g. \"80000.50\"."}}
	case KindBool:
		s["type"] = "boolean"
	case KindDate:
		// Editors hand a TOML local date to the validator as a string.
		s["type"] = "string"
		s["format"] = "date"
	case KindStrings:
		item := map[string]any{"type": "string"}
		addString(item, k)
		s["type"] = "array"
		s["items"] = item
	case KindTable:
		addObject(s, k)
	case KindTables:
		item := map[string]any{}
		addObject(item, k)
		s["type"] = "array"
		s["items"] = item
	case KindMap:
		s["type"] = "object"
		if k.Pattern != nil {
			s["propertyNames"] = map[string]any{"pattern": k.Pattern.String()}
		}
		s["additionalProperties"] = schemaOf(k.Elem)
	}
	return s
}

func addString(s map[string]any, k *Key) {
	if len(k.Enum) > 0 {
		s["enum"] = k.Enum
	}
	if k.Pattern != nil {
		s["pattern"] = k.Pattern.String()
	}
}

func addObject(s map[string]any, k *Key) {
	s["type"] = "object"
	props := map[string]any{}
	var required []string
	for _, f := range k.Keys {
		props[f.Name] = schemaOf(f)
		if f.Required {
			required = append(required, f.Name)
		}
	}
	s["properties"] = props
	if len(required) > 0 {
		s["required"] = required
	}
	s["additionalProperties"] = false
}
