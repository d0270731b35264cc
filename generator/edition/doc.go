// Package edition is about frozen contracts: the text file `oferta freeze`
// writes for each course and language, reading it back, the history of a
// course's editions, and redlines between two texts — by clause (added,
// removed, moved, changed) and, inside a changed clause, word by word.
//
// An edition file is plain Markdown meant to be reviewed and committed:
//
//	+++
//	course = "smm-mentoring"
//	title = "Наставничество по SMM"
//	language = "ru"
//	edition = 2026-11-01
//	+++
//
//	## 1. Термины {#definitions}
//
//	### 1.1. Термины, которые используются в оферте {#definitions.terms}
//
//	Clause text…
//
// Section and clause headings end in {#id}; everything between two
// clause headings is the clause's text.
//
// Beside each text, <slug>.toml records the course's refund terms in that
// edition (Terms): the formula, price, currency, percentages, deductions,
// guarantee, deadlines and duration, so that a refund can be computed
// under the edition a client accepted (Doc.Contract). Editions frozen
// before terms were recorded have no such file (Doc.Terms is nil).
//
// Reading and parsing are split. Package site, the one reader of input,
// reads editions/<date>/<lang>/<slug>.md and .toml into site.EditionFile
// values: the path, the date and course the path names, and the bytes
// exactly as stored, checked to be UTF-8 and within the size limit. This
// package parses those bytes with pure functions (Parse, ParseTerms,
// NewHistory), placing every error at its file, line and rune column. The
// meaning of an edition (its clauses, its redlines, the terms it
// recorded) stays here, beside the contract it is compared with; site
// cannot hold it, since package contract, which editions are compared
// with, depends on site.
//
// A course's Status is taken on the site's build date: the latest edition
// dated on or before it is in force, later ones are scheduled (Coming),
// earlier ones are archived. Each frozen Doc carries the SHA-256 of its
// file's bytes, its public fingerprint.
package edition
