package lint

import (
	"maps"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/site"
)

// textFree are the course rules whose findings for a contract read
// neither the texts its clauses printed (Clause.Markdown, the answers of
// the clauses' FAQ entries, the clause sources' bodies) nor its edition
// standing: only the course, the settings, which clauses the contract
// holds and their front matter, its refund terms and its problems. A
// rule not listed here is run again by Relint: a new rule is safe by
// default, and is listed once it is shown not to read those.
var textFree = map[*Rule]bool{
	// The contract's problems.
	TemplateInvalid: true, TemplateUndefined: true, ClauseUnknown: true, FormulaInvalid: true,
	// The refund terms and which clauses the contract holds.
	OutOfBounds: true, NotMonotonic: true, BelowProrata: true,
	GroundsMissing: true, DeadlineMissing: true, ProcessMissing: true, ReviewAfterPayout: true,
	PayoutTooSlow: true, Waiver: true, FixedRetention: true, BankFee: true,
	WithdrawalInfo: true, WithdrawalPeriod: true, StartConsent: true,
	// The course's language and the site's courses.
	DistanceLearning: true, RoLanguage: true, RuLanguage: true,
	// The settings and the course file.
	SellerSample: true, StatementFieldMissing: true, UnjustifiedIgnore: true, UnknownRule: true,
}

// Relint lints again, one by one, contracts whose clause texts changed
// while nothing else about them did: the preview server's lint after a
// lawyer saves the body of a clause that many courses include. It runs
// the course rules that read the texts or the edition standing and
// takes every other rule's findings from the contract's previous ones.
// Its passes share one cache of scanned texts, so a clause text that
// many contracts print is scanned once. Own is safe for concurrent use.
type Relint struct {
	site  *site.Site
	rules []*Rule // the enabled course rules, in order
	rerun []*Rule // those of rules not in textFree
	texts *textCache
}

// NewRelint returns a Relint for the contracts of s. With prev, a Relint
// of an earlier load of the site, it starts from what prev's passes found
// in the paragraphs and sentences they scanned, which depends on those
// texts alone: after an edit of one clause, only the paragraphs that
// changed are scanned again. prev is read, not changed, and may be nil.
func NewRelint(s *site.Site, prev *Relint) *Relint {
	rules, _ := enabled(s.Config)
	_, course := byScope(rules)
	r := &Relint{site: s, rules: course, texts: newTextCache(s)}
	if prev != nil {
		r.texts.keep(prev.texts)
	}
	for _, ru := range course {
		if !textFree[ru] {
			r.rerun = append(r.rerun, ru)
		}
	}
	return r
}

// Own returns what Check would give as k's Result.Own, where old is the
// Result.Own of a contract that differed from k only in the texts of
// its clauses (their bodies, and so Clause.Markdown) and in its edition
// standing, on a site with the same settings, courses and front matter.
// status is k's standing, or nil when the caller did not compare
// editions. The findings are in Check's order: rule by rule.
func (r *Relint) Own(k *contract.Contract, status *edition.Status, old []Finding) ([]Finding, error) {
	p := &Pass{Site: r.site, Contracts: []*contract.Contract{k}, texts: r.texts}
	if status != nil {
		p.Editions = []edition.Status{*status}
	}
	fresh, err := runRules(r.rerun, p)
	if err != nil {
		return nil, err
	}
	if len(old) == 0 {
		return fresh, nil // fresh is already in rule order
	}
	out := make([]Finding, 0, len(old)+len(fresh))
	for _, ru := range r.rules {
		from := old
		if !textFree[ru] {
			from = fresh
		}
		for _, f := range from {
			if f.Rule == ru.Name {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// Check is lint.Check of in, whose Site must be r's, with r's cache of
// scanned texts: a Relint made from r later starts from what it found.
func (r *Relint) Check(in Input) (*Result, error) { return check(in, r.texts) }

// maxKeptShapes bounds the paragraph shapes a Relint takes from the one
// before: past it, a long session starts afresh.
const maxKeptShapes = 1 << 20

// keep copies into c, a new cache, what prev found in texts: the
// paragraphs and sentences it scanned, by their text (and the hash seed
// their keys were made with). What is keyed by clause or formula is
// not kept: those are the new site's.
func (c *textCache) keep(prev *textCache) {
	prev.shapesMu.RLock()
	if len(prev.shapes) <= maxKeptShapes {
		c.seed = prev.seed
		c.shapes = maps.Clone(prev.shapes)
		c.found = maps.Clone(prev.found)
	}
	prev.shapesMu.RUnlock()
	if c.seed != prev.seed {
		return // sentences are keyed by text, but start afresh with the rest
	}
	prev.sentMu.RLock()
	c.sentences = maps.Clone(prev.sentences)
	prev.sentMu.RUnlock()
}
