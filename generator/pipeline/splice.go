package pipeline

import (
	"reflect"

	"github.com/oferta-dev/oferta/generator/site"
)

// A lawyer's save of a clause that every course includes changes the
// text of that clause alone: the contracts keep their clauses, numbers,
// refund terms and every other text. Recheck then splices the clause's
// new text into each kept contract (contract.Assembler.Splice) instead
// of assembling it again, and lints again only what reads clause texts
// (lint.Relint); the rest of each contract's findings are kept. Both
// refuse whatever they cannot prove equal to a fresh Check, and the
// contract is then assembled and linted in full.

// bodyOnly returns, by language, the changed clause ids (see
// clauseChanges) of the languages where every change is to clause
// bodies alone: the same file, front matter and first body line, so
// that only the texts the templates write can differ.
func bodyOnly(old, cur *site.Site, changed map[string]map[string]bool) map[string]map[string]bool {
	var out map[string]map[string]bool
	for lang, ids := range changed {
		ol, nl := old.Library.Lang(lang), cur.Library.Lang(lang)
		ok := ol != nil && nl != nil
		for id := range ids {
			if !ok {
				break
			}
			oc, found := ol.Clause(id)
			nc, found2 := nl.Clause(id)
			if !found || !found2 {
				ok = false
				break
			}
			x := *oc
			x.Body = nc.Body
			ok = reflect.DeepEqual(&x, nc)
		}
		if ok {
			if out == nil {
				out = map[string]map[string]bool{}
			}
			out[lang] = ids
		}
	}
	return out
}
