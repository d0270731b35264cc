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
// A course's Status is taken on the site's build date: the latest edition
// dated on or before it is in force, later ones are scheduled (Coming),
// earlier ones are archived. Each frozen Doc carries the SHA-256 of its
// file's bytes, its public fingerprint.
package edition
