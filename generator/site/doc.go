// Package site loads a site from disk: oferta.toml, every course file under
// content/, and the clause library (the built-in one with the site's own
// clauses layered over it), with each language's phrases.toml: the
// sentences later stages compose with a course's numbers (phrases.go,
// PhraseKeys; a site's file replaces single phrases of the built-in one).
//
// Decoding is strict. TOML is first parsed into generic values, then walked
// against the key tables of keys.go (names, types, allowed values, ranges,
// required keys, descriptions), so that every unknown key, wrong type and
// missing required key is reported with the file, line and column of the key
// concerned, and with a suggestion for near misses ("prise" → "price").
// The same tables give the JSON Schemas that editors use (jsonschema.go,
// `oferta schema`). To add a key: list it in keys.go, read it in the
// decoder with the accessor of its kind (t.String("key"), t.Int, …), then
// run `make schema`; TestSchemaAgreesWithDecoder checks that the two agree.
// Later stages get plain Go values plus the positions of the keys, which
// lint uses to point at the line a finding is about.
//
// This package is the one reader of a site's files (files.go): only
// regular files inside the site, through a size limit, checked to be
// UTF-8 where they are text; the theme reaches render as an fs.FS that
// reads the same way. TOML is checked for nesting in one linear pass
// (limits.go) before it is parsed.
package site
