// Package site loads a site from disk: oferta.toml, every course file under
// content/, and the clause library (the built-in one with the site's own
// clauses layered over it).
//
// Decoding is strict. TOML is first parsed into generic values, then walked
// against the schema by hand, so that every unknown key, wrong type and
// missing required key is reported with the file, line and column of the key
// concerned, and with a suggestion for near misses ("prise" → "price").
// Later stages get plain Go values plus the positions of the keys, which
// lint uses to point at the line a finding is about.
package site
