package lint

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/oferta-dev/oferta/generator/pos"
)

// The elements a replacement of a statutory clause must keep, per
// language: statutory/<lang>.toml, embedded with the lint package so that
// a site cannot override them.

//go:embed statutory/*.toml
var statutoryFiles embed.FS

type statutoryKeep struct {
	What  string   `toml:"what"`
	Match []string `toml:"match"`
	match []*regexp.Regexp
}

type statutoryClause struct {
	ID   string           `toml:"id"`
	Keep []*statutoryKeep `toml:"keep"`
}

// statutoryByLang maps language → clause id → what it must keep.
var statutoryByLang = sync.OnceValues(func() (map[string]map[string]*statutoryClause, error) {
	out := map[string]map[string]*statutoryClause{}
	files, err := fs.Glob(statutoryFiles, "statutory/*.toml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := statutoryFiles.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var sf struct {
			Clause []*statutoryClause `toml:"clause"`
		}
		if err := pos.DecodeTOML("generator/lint/"+f, string(data), 0, &sf); err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(f), ".toml")
		out[lang] = map[string]*statutoryClause{}
		for _, c := range sf.Clause {
			for _, k := range c.Keep {
				for _, m := range k.Match {
					re, err := compilePattern(m)
					if err != nil {
						return nil, fmt.Errorf("%s: clause %s: %w", f, c.ID, err)
					}
					k.match = append(k.match, re)
				}
			}
			out[lang][c.ID] = c
		}
	}
	return out, nil
})

// missingElements returns what of c's required elements text lacks.
func missingElements(c *statutoryClause, text string) []string {
	ss := splitSentences(text)
	var missing []string
	for _, k := range c.Keep {
		found := false
	search:
		for _, s := range ss {
			for _, re := range k.match {
				if re.MatchString(s.norm) {
					found = true
					break search
				}
			}
		}
		if !found {
			missing = append(missing, k.What)
		}
	}
	return missing
}

// StatutoryOverride: a site clause replaces a statutory clause and drops
// what the law requires.
var StatutoryOverride = &Rule{
	Name:            "clause/statutory-override",
	DefaultSeverity: Error,
	Doc: `A site clause has the id of a statutory clause of the built-in library — the withdrawal right (refund.ground.withdrawal, refund.ground.withdrawal-eu), the deadlines (refund.deadline.payout, refund.deadline.review), the defect and missed-deadline grounds, the disputes clauses, the EU model form and withdrawal function — and its rendered text lacks an element the law requires of it. The elements of each clause are listed in generator/lint/statutory/<lang>.toml (embedded in oferta, so a site cannot change them); the message names every missing one.

Why: a site clause with a built-in id replaces the library's clause silently, and the ids are wholly in the school's hands. ru — the right to withdraw at any time paying only actual costs (Civil Code art. 782(1); ЗоЗПП art. 32), the payout deadline (ЗоЗПП arts. 22, 31), the remedies for defects and missed deadlines (arts. 28, 29) and the consumer's choice of court (art. 17(2)) cannot be narrowed by contract (art. 16). eu/de/ro — the information on the right of withdrawal (Directive 2011/83/EU art. 6(1)(h) with Annex I(A)), the model form (Annex I(B)) and the withdrawal function (art. 11a) have prescribed content; leaving it out extends the withdrawal period by 12 months (art. 10).

Fires: a site clause refund.ground.withdrawal «Клиент может вернуть деньги только в течение 3 дней с момента оплаты.» (no right at any time, no actual costs, no law); an EU clause refund.ground.withdrawal-eu "By paying, the client waives the right of withdrawal."

Silent: a site clause refund.ground.withdrawal that rewords the library's text and keeps «в любое время», «фактически понесённые расходы» and «ст. 782 ГК РФ, ст. 32 Закона о защите прав потребителей».

Fix: start from the library's clause (clauses/<lang>/… in the oferta repository) and keep each element the message names; or delete the site clause to use the library's.`,
	Run: func(p *Pass) error {
		lib, err := statutoryByLang()
		if err != nil {
			return err
		}
		for _, k := range p.Contracts {
			byID := lib[k.Lang]
			for _, cl := range k.Clauses {
				sc, ok := byID[cl.Source.ID]
				if !ok || cl.Source.Builtin {
					continue
				}
				if missing := missingElements(sc, cl.Markdown); len(missing) > 0 {
					p.Report(cl.Source.Pos(), "", "site clause %s replaces the library's statutory clause and drops what the law requires: %s", cl.Source.ID, strings.Join(missing, "; "))
				}
			}
		}
		return nil
	},
}

// StatutoryClauseIDs returns the ids of the library clauses of a language
// that a site clause may replace only by keeping what the law requires.
func StatutoryClauseIDs(lang string) []string {
	lib, err := statutoryByLang()
	if err != nil {
		return nil
	}
	var ids []string
	for id := range lib[lang] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
