// Package site loads a site from disk: oferta.toml, every course file under
// content/, the clause library (the built-in one with the site's own
// clauses layered over it), with each language's phrases.toml: the
// sentences later stages compose with a course's numbers (phrases.go,
// PhraseKeys; a site's file replaces single phrases of the built-in one),
// the theme (layered likewise) and the frozen editions.
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
// UTF-8 where they are text. TOML is checked for nesting in one linear
// pass (limits.go) before it is parsed. Later stages get values and
// bytes, never a file system:
//
//   - the theme (theme.go) is read whole into a Theme: its layouts and
//     assets as bytes, each with the path messages name
//     ("themes/custom/layouts/faq.html", or "builtin:themes/default/…" for
//     a file of the built-in theme), and its UI strings decoded. Package
//     render compiles it without reading anything;
//   - frozen editions (editions.go) are read into EditionFile values, the
//     bytes exactly as stored (their SHA-256 is their fingerprint).
//     Package edition parses those bytes with pure functions, since what
//     an edition file means (clauses, redlines, the refund terms it
//     recorded) is its business, and it needs package contract, which
//     needs this one.
package site
