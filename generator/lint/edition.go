package lint

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/edition"
)

// EditionStale: a contract changed since its latest frozen edition and no
// new edition was frozen.
var EditionStale = &Rule{
	Name:            "edition/stale",
	DefaultSeverity: Error,
	Doc: `A course's contract reads differently from its latest frozen edition (editions/<date>/<lang>/<slug>.md), and no new edition was frozen.

Why: a client is bound by the edition in force on the day they paid. If the published text changes silently, nobody can later show which terms a client accepted, and an earlier client may be held to terms they never saw — in a dispute the seller then cannot prove its own contract. Civil Code art. 437(2) and 438(3) (ru) and Directive 2011/83/EU art. 6 and 8 (eu) tie the contract to what was offered when the client accepted.

Fires: the price in content/<slug>.toml changed after the edition of 2026-10-01 was frozen.

Silent: a contract that reads exactly as its latest frozen edition.

Fix: run "oferta diff" to see exactly which clauses changed and in which courses, review the change, then run the command the message gives — "oferta freeze --date YYYY-MM-DD" sets the new edition date in oferta.toml and records every changed contract with its refund terms in one step — and commit oferta.toml and the new files under editions/. The earlier edition keeps its own permanent page. A change of the refund terms alone (price, percentages, deductions, formula) counts too: the client is bound by the numbers as much as by the words. Courses that never had an edition frozen are not checked.`,
	Run: func(p *Pass) error {
		for i, k := range p.Contracts {
			if i >= len(p.Editions) {
				break
			}
			st := p.Editions[i]
			if !st.Stale {
				continue
			}
			var which []string
			for _, c := range edition.Compare(st.Latest, st.Current) {
				n := c.NewNumber
				if n == "" {
					n = c.OldNumber
				}
				which = append(which, c.Kind+" "+n+" ("+c.ID+")")
			}
			if len(which) > 4 {
				which = append(which[:4], "…")
			}
			cmd := edition.FreezeCommand(st, p.Site.Config.Edition, p.Site.Today)
			if st.TermsOnly {
				p.Report(k.Course.KeyPos("price"), k.Course.Slug,
					"the refund terms (price, duration, percentages, deductions, deadlines or formula) changed since the edition of %s but no new edition was frozen: review with oferta diff, then run: %s",
					st.Latest.Date.Format("2006-01-02"), cmd)
				continue
			}
			p.Report(k.Course.KeyPos("title"), k.Course.Slug,
				"the contract changed since its edition of %s (%s) but no new edition was frozen: review with oferta diff, then run: %s",
				st.Latest.Date.Format("2006-01-02"), strings.Join(which, ", "), cmd)
		}
		return nil
	},
}
