package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// schemaDir is where `oferta schema` writes by default, and where `oferta
// new` puts the schemas its files point to: schema/ at the site's root.
const schemaDir = "schema"

func runSchema(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "schema", "schema [-d DIR]")
	dest := fs.String("d", schemaDir, "the `folder` to write the JSON Schemas to")
	quiet := fs.Bool("q", false, "print nothing but problems")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "oferta schema: unexpected argument %q (the folder is given with -d)\n", pos[0])
		return exitBadInput
	}
	if ctx.Err() != nil {
		return interrupted(e)
	}
	written, err := writeSchemas(*dest)
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta schema: %v\n", err)
		return exitBadInput
	}
	if !*quiet {
		for _, f := range written {
			fmt.Fprintf(e.stdout, "wrote %s\n", f)
		}
	}
	return exitOK
}

// writeSchemas writes every JSON Schema into dir and returns the paths
// written.
func writeSchemas(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []string
	for _, f := range site.SchemaFiles {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.JSON(), 0o644); err != nil {
			return out, err
		}
		out = append(out, path)
	}
	return out, nil
}

// schemaDirective is the first line of a file that `oferta new` writes at
// rel (a slash path inside the site): a taplo `#:schema` directive with the
// path of its JSON Schema relative to the file, so that Even Better TOML
// and other taplo-based editors complete keys and flag typos offline, with
// the schema of the oferta version that wrote the site.
func schemaDirective(rel string) string {
	name := "course.schema.json"
	if rel == "oferta.toml" {
		name = "oferta.schema.json"
	}
	up := strings.Repeat("../", strings.Count(rel, "/"))
	if up == "" {
		up = "./"
	}
	return "#:schema " + up + schemaDir + "/" + name + "\n"
}

// ensureSchemas writes schema/ into a site that has none, so that the
// directive of a new course points at a file.
func ensureSchemas(e *env, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, schemaDir, "course.schema.json")); err == nil {
		return nil
	}
	written, err := writeSchemas(filepath.Join(dir, schemaDir))
	for _, f := range written {
		fmt.Fprintf(e.stdout, "wrote %s (for editors; `oferta schema` refreshes it)\n", f)
	}
	return err
}
