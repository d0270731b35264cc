// Package contract assembles the public offer of one course: it picks the
// clauses the SPEC's inclusion rule gives, orders and numbers them, and
// executes each clause body and FAQ answer as a template over the site,
// seller, course and refund data. The refund rule in words (terms.go)
// and the statement channel are built from the phrases of the course's
// library (clauses/<lang>/phrases.toml, site.PhraseKeys), never from
// sentences in Go.
//
// Problems inside clause text (a template that does not parse, a
// placeholder naming data that does not exist, a reference to an unknown
// clause, a formula or `when` that does not parse) are not returned as
// errors: they are collected as Problems with their positions, so that lint
// can show a lawyer all of them at once. A template that could loop or
// write without bound is such a problem too (bounds.go): it is refused or
// stopped, never left to hang a build.
package contract
