// Package lint checks assembled contracts for completeness and
// lawfulness. A rule is a plain value (see Rule) in the one list in
// rules.go; Run applies the rules the site's jurisdiction calls for, with
// severities from oferta.toml, and returns findings sorted by position.
// Output formats are pure functions of those findings, one file each.
package lint
