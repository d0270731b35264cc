package contract

import (
	"text/template/parse"

	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/site"
)

// Splicer splices the new bodies of some clauses into contracts
// assembled before (see Splice). It is safe for concurrent use.
type Splicer struct {
	a       *Assembler
	changed map[string]map[string]bool // by language, the ids of the clauses whose body changed
	// static holds the steps (see bounds.go) of each template that has
	// no range: those are the same for every course.
	static map[*parse.Tree]int
}

// Splicer returns a Splicer for the clauses of a's site whose bodies
// changed: by language, their ids.
func (a *Assembler) Splicer(changed map[string]map[string]bool) *Splicer {
	sp := &Splicer{a: a, changed: changed, static: map[*parse.Tree]int{}}
	yes := func(string) bool { return true }
	for _, p := range a.parsed {
		for _, t := range []struct {
			tree *parse.Tree
			at   textPos
		}{{p.body, p.bodyAt}, {p.answer, p.answerAt}} {
			if t.tree == nil || hasRange(t.tree.Root) {
				continue
			}
			// Without data every lookup is reported as undefined; the
			// steps are the same. A template/invalid problem is the
			// step bound itself.
			b, static := &budget{}, true
			for _, pr := range checkTree(t.tree, nil, yes, t.at, b) {
				static = static && pr.Rule != "template/invalid"
			}
			if static {
				sp.static[t.tree] = b.steps
			}
		}
	}
	return sp
}

// hasRange reports whether a template holds a range, whose steps depend
// on the course's lists.
func hasRange(l *parse.ListNode) bool {
	if l == nil {
		return false
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.RangeNode:
			return true
		case *parse.IfNode:
			if hasRange(n.List) || hasRange(n.ElseList) {
				return true
			}
		case *parse.WithNode:
			if hasRange(n.List) || hasRange(n.ElseList) {
				return true
			}
		}
	}
	return false
}

// Splice is Assemble for a course whose contract was assembled before as
// old, when the only change since is the body of some clauses: the
// preview server's rebuild after a lawyer saves a clause that every
// course includes. It runs the templates of the changed clauses alone
// and takes everything else from old: which clauses the contract holds,
// their numbers, the other clauses' texts, the FAQ, the refund terms and
// their analysis.
//
// The caller guarantees what Splice cannot see cheaply: c equals old's
// course, the assembler's site has old's settings, sections and phrases, and every
// clause of c's language library equals the one old was assembled from
// except the clauses the Splicer was made for, which differ in Body alone
// (not in File, front matter or BodyLine). Splice checks the rest: ok is
// false, and the caller must Assemble, when old had problems, when a
// changed template reports one for this course, or when the contract
// comes near one of the bounds of bounds.go, where the order in which
// templates ran could matter. When ok, the contract is the one Assemble
// gives, field for field.
func (sp *Splicer) Splice(old *Contract, c *site.Course) (*Contract, bool) {
	a, changed := sp.a, sp.changed[c.Language]
	if old == nil || len(changed) == 0 || len(old.Problems) > 0 || old.Course == nil || old.Course.Language != c.Language {
		return nil, false
	}
	s := a.site
	ll := s.Library.Lang(c.Language)
	if ll == nil {
		return nil, false
	}
	included := make([]*site.Clause, len(old.Clauses))
	for i, cl := range old.Clauses {
		nc, ok := ll.Clause(cl.Source.ID)
		if !ok {
			return nil, false
		}
		included[i] = nc
	}
	k := &Contract{Site: s, Course: c, Lang: c.Language, Phrases: ll.Phrases, Terms: old.Terms,
		FormulaText: old.FormulaText, FlatText: old.FlatText, Example: old.Example, analysis: old.analysis}
	if k.analysis == nil {
		k.analysis = &analysis{}
	}
	// The clauses in old's order and numbering, which sections, weights
	// and ids decide, and those did not change; laid out as number lays
	// them out: one allocation each, a section's clauses a part of
	// k.Clauses.
	clauses := make([]Clause, len(old.Clauses))
	k.Clauses = make([]*Clause, len(old.Clauses))
	out := 0 // what the contract's templates write, as the output bound counts it
	for i, o := range old.Clauses {
		clauses[i] = Clause{Source: included[i], Number: o.Number, Anchor: o.Anchor}
		if !changed[o.Source.ID] {
			clauses[i].Markdown = o.Markdown
			out += len(o.Markdown)
		}
		k.Clauses[i] = &clauses[i]
	}
	sections := make([]Section, len(old.Sections))
	k.Sections = make([]*Section, len(old.Sections))
	first := 0
	for i, os := range old.Sections {
		end := first + len(os.Clauses)
		if end > len(k.Clauses) || len(os.Clauses) > 0 && os.Clauses[0] != old.Clauses[first] {
			return nil, false
		}
		sections[i] = Section{Number: os.Number, Def: os.Def, Clauses: k.Clauses[first:end:end]}
		k.Sections[i] = &sections[i]
		first = end
	}
	if first != len(k.Clauses) {
		return nil, false
	}
	if old.Policy != nil {
		var ok bool
		if k.Policy, ok = k.Clause(old.Policy.Source.ID); !ok {
			return nil, false
		}
	}
	// The FAQ, the course's own questions included: a clause's answer did
	// not change (its front matter is the same); it now belongs to the new
	// clause.
	if len(old.FAQ) > 0 {
		k.FAQ = make([]FAQ, len(old.FAQ))
		for i, f := range old.FAQ {
			if f.Clause != nil {
				nc, ok := k.Clause(f.Clause.Source.ID)
				if !ok || nc.Source.FAQ == nil {
					return nil, false
				}
				f.Clause = nc
				out += len(f.Answer)
			}
			k.FAQ[i] = f
		}
	}

	// The changed clauses, as Assemble runs them: by memo when the
	// template read the same values for another course, else run. Every
	// template of the contract must fit the step bound whatever ran
	// before it (see bounds.go), so that the order does not matter.
	data := templateData(s, c, Wording{Formula: escapeMarkdown(k.FormulaText), Flat: escapeMarkdown(k.FlatText), Example: escapeMarkdown(k.Example)}, a.shared)
	if !sp.withinSteps(k, data) {
		return nil, false
	}
	var channelText string
	channelDone := false
	st := assemblies.Get().(*assembly)
	defer func() {
		st.h = helpers{} // keeps nothing of this contract
		assemblies.Put(st)
	}()
	cur, _ := money.Lookup(c.Currency)
	st.h = helpers{l: c.Language, cur: cur, clause: k.Clause,
		channelText: func() string {
			if !channelDone {
				channelText, channelDone = escapeMarkdown(ChannelText(ll.Phrases, s.Config.Seller, c.Refund.Channel, s.Config.BaseURL)), true
			}
			return channelText
		}}
	exists := func(id string) bool { _, ok := ll.Clause(id); return ok }
	run := runner{data: data, tmpl: st.tmpl, exists: exists, currency: c.Currency, fn: &st.h, budget: &budget{}, scratch: &st.sc}
	for _, cl := range k.Clauses {
		if !changed[cl.Source.ID] {
			continue
		}
		p := a.parsed[cl.Source]
		if p == nil || p.body == nil {
			return nil, false // a template that does not parse: Assemble reports it
		}
		cl.Markdown = k.execute(p.body, p.bodyAt, run, p.bodyMemo, &p.bodyTexts)
		if len(k.Problems) > 0 {
			return nil, false
		}
		out += len(cl.Markdown)
	}
	// Within the output bound whatever the order: no template of
	// Assemble's could have been cut short.
	if out > maxContractOutput {
		return nil, false
	}
	return k, true
}

// withinSteps reports whether every template of k, bodies and answers,
// run for this course one after another, stays within the contract's
// step bound: then no template is refused for the steps spent before it,
// in any order, and none reports a problem.
func (sp *Splicer) withinSteps(k *Contract, data map[string]any) bool {
	ll := sp.a.site.Library.Lang(k.Lang)
	exists := func(id string) bool { _, ok := ll.Clause(id); return ok }
	b := &budget{}
	tree := func(t *parse.Tree, at textPos) bool {
		if t == nil {
			return false
		}
		if n, ok := sp.static[t]; ok {
			b.steps += n
			return b.steps <= maxContractSteps
		}
		return len(checkTree(t, data, exists, at, b)) == 0
	}
	for _, cl := range k.Clauses {
		p := sp.a.parsed[cl.Source]
		if p == nil || !tree(p.body, p.bodyAt) {
			return false
		}
		if cl.Source.FAQ != nil && !tree(p.answer, p.answerAt) {
			return false
		}
	}
	return true
}
