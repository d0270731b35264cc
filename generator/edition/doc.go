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
package edition
