package contract

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// Contract is the assembled public offer of one course.
type Contract struct {
	Site   *site.Site
	Course *site.Course
	Lang   string
	// Phrases are the phrases of the course's library (phrases.toml):
	// the refund rule in words and the labels of a calculation.
	Phrases  *site.Phrases
	Sections []*Section
	Clauses  []*Clause // in contract order
	Policy   *Clause   // the proration clause; nil when the policy names none
	// Terms is the course's refund computation; nil when the policy
	// formula is missing or unusable (a Problem says why).
	Terms *refund.Terms
	// FormulaText is the refund rule in words with the course's numbers,
	// FlatText the rule of the guarantee period, and Example one worked
	// example; all plain text, empty without Terms.
	FormulaText string
	FlatText    string
	Example     string
	FAQ         []FAQ
	Problems    []Problem
	analysis    *analysis // shared by copies of the contract
}

// analysis is refund.Analyze of a contract's Terms, computed at most once.
type analysis struct {
	once sync.Once
	a    refund.Analysis
	err  error
}

// Analysis returns refund.Analyze(k.Terms), computed on the first call and
// kept: lint and the FAQ table both need it, and a contract reused by an
// incremental rebuild keeps it. It is safe for concurrent use; the
// result is shared and must not be modified. k.Terms must not be nil.
func (k *Contract) Analysis() (refund.Analysis, error) {
	m := k.analysis
	if m == nil { // a Contract not made by Assemble
		return refund.Analyze(k.Terms)
	}
	m.once.Do(func() { m.a, m.err = refund.Analyze(k.Terms) })
	return m.a, m.err
}

// Section is one numbered section.
type Section struct {
	Number  int
	Def     site.Section
	Clauses []*Clause
}

// Clause is one clause of the contract, numbered and with its template
// executed.
type Clause struct {
	Source   *site.Clause
	Number   string // "7.3"
	Anchor   string // "c-refund-deadline-payout"
	Markdown string // the body after executing its template
}

// FAQ is one question of the course's FAQ page.
type FAQ struct {
	Question string // plain text
	Answer   string // Markdown
	Clause   *Clause
	Pos      site.Pos
	// FromCourse reports that the question came from the course file's
	// [[faq]] (its answer is the author's own Markdown), not from a clause.
	FromCourse bool
}

// Clause returns the clause of the contract with the given id.
func (k *Contract) Clause(id string) (*Clause, bool) {
	// A scan, not a map: a contract has some fifty clauses, looked up by
	// id only for refs, and a map per contract costs a large site more.
	for _, c := range k.Clauses {
		if c.Source.ID == id {
			return c, true
		}
	}
	return nil, false
}

// Assembler assembles the contracts of one site. Creating it parses every
// clause template, `when` and formula once; Assemble is then safe to call
// from several goroutines.
type Assembler struct {
	site     *site.Site
	parsed   map[*site.Clause]*parsedClause
	problems []Problem
	shared   *sharedData // the template data of the site's settings
	// ranked holds the libraries whose clauses have a rank (see rank).
	ranked map[*site.LangLibrary]bool
	// wordings are the refund rules in words of its contracts.
	wordings *wordings
}

type parsedClause struct {
	anchor               string
	bodyTexts            texts
	answerTexts          texts
	bodyMemo, answerMemo *memo
	body, answer         *parse.Tree
	bodyAt, answerAt     textPos
	when, formula        *expr.Expr
	whenBad, formulaBad  bool
	// section is the index of the clause's section in its library, -1
	// when the library has none of that id; rank its place in the order
	// of a contract: by section, then weight and id.
	section, rank int
}

// New parses the clause library of s.
func New(s *site.Site) *Assembler {
	a := &Assembler{site: s, parsed: map[*site.Clause]*parsedClause{}, shared: newSharedData(s.Config)}
	a.ranked = map[*site.LangLibrary]bool{}
	a.wordings = &wordings{m: map[string]*wording{}}
	for _, lang := range s.Config.Languages {
		ll := s.Library.Lang(lang)
		for _, c := range ll.Clauses {
			a.parsed[c] = a.parse(c)
		}
		a.ranked[ll] = a.rank(ll)
	}
	return a
}

// rank sets the section and rank of every clause of ll; false when two
// sections have the same id (number then orders each contract itself).
func (a *Assembler) rank(ll *site.LangLibrary) bool {
	index := make(map[string]int, len(ll.Sections))
	for i, def := range ll.Sections {
		if _, dup := index[def.ID]; dup {
			return false
		}
		index[def.ID] = i
	}
	var list []*site.Clause
	for _, c := range ll.Clauses {
		p := a.parsed[c]
		p.section, p.rank = -1, -1
		if i, ok := index[c.Section]; ok {
			p.section = i
			list = append(list, c)
		}
	}
	slices.SortStableFunc(list, func(x, y *site.Clause) int {
		if n := cmp.Compare(a.parsed[x].section, a.parsed[y].section); n != 0 {
			return n
		}
		if x.Weight != y.Weight {
			return cmp.Compare(x.Weight, y.Weight)
		}
		return strings.Compare(x.ID, y.ID)
	})
	for i, c := range list {
		a.parsed[c].rank = i
	}
	return true
}

// For returns an assembler for s that shares a's parsed clause library.
// s must have the same settings and library as a's site, as a site
// reloaded by site.Reload has; only its courses may differ. When its
// settings differ all the same, For is Next: the memos keep texts made
// with the settings.
func (a *Assembler) For(s *site.Site) *Assembler {
	if a.site.Config != s.Config && !reflect.DeepEqual(a.site.Config, s.Config) {
		return a.Next(s)
	}
	b := *a
	b.site = s
	return &b
}

// Problems are the problems of the clause library itself (templates and
// expressions that do not parse), independent of any course.
func (a *Assembler) Problems() []Problem { return a.problems }

func (a *Assembler) parse(c *site.Clause) *parsedClause {
	p := &parsedClause{anchor: Anchor(c.ID), bodyAt: textPos{file: c.File, line: c.BodyLine, col: 1, src: c.Body}}
	p.body = a.parseTemplate(c.Body, p.bodyAt)
	p.bodyMemo = newMemo(p.body)
	if c.FAQ != nil {
		p.answerAt = answerPos(c)
		p.answer = a.parseTemplate(c.FAQ.Answer, p.answerAt)
		p.answerMemo = newMemo(p.answer)
	}
	if c.When != "" {
		e, err := expr.Parse(c.When)
		if err != nil {
			a.problems = append(a.problems, exprProblem(c, "when", err, "the when condition does not parse"))
			p.whenBad = true
		} else {
			p.when = e
		}
	}
	if c.Formula != "" || c.Kind == "proration" {
		e, err := expr.Parse(c.Formula)
		if err == nil {
			err = e.Check(refund.Variables())
			if err != nil && allParams(err, e) {
				err = nil // params.<name> are checked per course
			}
		}
		if err != nil {
			a.problems = append(a.problems, exprProblem(c, "formula", err, "the formula is invalid"))
			p.formulaBad = true
		} else {
			p.formula = e
		}
	}
	return p
}

// allParams reports whether every variable Check objected to is a
// params.<name>, which only a course can supply.
func allParams(err error, e *expr.Expr) bool {
	known := map[string]bool{}
	for _, v := range refund.Variables() {
		known[v] = true
	}
	for _, v := range e.Vars() {
		if !known[v.Name] && !strings.HasPrefix(v.Name, "params.") {
			return false
		}
	}
	return true
}

func answerPos(c *site.Clause) textPos {
	p := c.ValuePos("faq.answer")
	key := c.KeyPos("faq.answer")
	if p == key {
		// A multi-line string starts on the line after the key.
		return textPos{file: c.File, line: key.Line + 1, col: 1, src: c.FAQ.Answer}
	}
	return textPos{file: c.File, line: p.Line, col: p.Col, src: c.FAQ.Answer}
}

func exprProblem(c *site.Clause, key string, err error, what string) Problem {
	pos := c.ValuePos(key)
	var ee *expr.Error
	if errors.As(err, &ee) {
		if pos != c.KeyPos(key) && ee.Line <= 1 {
			pos.Col += ee.Col - 1
		}
		return Problem{Rule: "formula/invalid", Pos: pos, Message: fmt.Sprintf("%s: %s", what, ee.Msg)}
	}
	return Problem{Rule: "formula/invalid", Pos: pos, Message: fmt.Sprintf("%s: %v", what, err)}
}

func (a *Assembler) parseTemplate(src string, at textPos) *parse.Tree {
	t, err := template.New("clause").Funcs(parseFuncs()).Parse(src)
	if err != nil {
		a.problems = append(a.problems, parseProblem(at, err))
		return nil
	}
	if probs := staticProblems(t, at); len(probs) > 0 {
		a.problems = append(a.problems, probs...)
		return nil
	}
	return t.Tree
}

// Listed kinds: a course may pick these by id; otherwise every clause of
// the kind whose `when` holds is included.
var listedKinds = map[string]struct {
	prefix string
	list   func(r site.RefundSettings) []string
	key    string
}{
	"refund-ground": {"refund.ground.", func(r site.RefundSettings) []string { return r.Grounds }, "grounds"},
	"eligibility":   {"refund.condition.", func(r site.RefundSettings) []string { return r.Conditions }, "conditions"},
	"alternative":   {"refund.alternative.", func(r site.RefundSettings) []string { return r.Alternatives }, "alternatives"},
}

// resolve finds a clause by exact id or by its short name under prefix.
func resolve(ll *site.LangLibrary, name, prefix string) (*site.Clause, bool) {
	if c, ok := ll.Clause(name); ok {
		return c, true
	}
	return ll.Clause(prefix + name)
}

// refundPos is where a refund key of the course is set: the course file or
// oferta.toml.
func refundPos(c *site.Course, key string) site.Pos {
	if p, ok := c.Refund.KeyPos(key); ok {
		return p
	}
	return c.KeyPos("refund")
}

// Assemble builds the contract of one course.
func (a *Assembler) Assemble(c *site.Course) *Contract {
	s := a.site
	ll := s.Library.Lang(c.Language)
	k := &Contract{Site: s, Course: c, Lang: c.Language, Phrases: ll.Phrases, analysis: &analysis{}}
	juris := s.Config.Jurisdiction

	// The policy clause.
	policy, ok := resolve(ll, c.Refund.Policy, "refund.policy.")
	switch {
	case !ok:
		k.problem("clause/unknown", refundPos(c, "policy"), "refund.policy %q names no clause of kind \"proration\" in the %q library%s", c.Refund.Policy, c.Language, suggestID(ll, c.Refund.Policy, "refund.policy.", "proration"))
		policy = nil
	case policy.Kind != "proration":
		k.problem("clause/unknown", refundPos(c, "policy"), "refund.policy %q names clause %s of kind %q, not \"proration\"", c.Refund.Policy, policy.ID, policy.Kind)
		policy = nil
	case !policy.AppliesTo(juris):
		k.problem("clause/unknown", refundPos(c, "policy"), "refund.policy %q: clause %s is not written for jurisdiction %q", c.Refund.Policy, policy.ID, juris)
		policy = nil
	}

	// Clauses picked by id.
	listed := map[*site.Clause]bool{}
	listsGiven := map[string]bool{}
	for _, kind := range sortedKinds() {
		lk := listedKinds[kind]
		names := lk.list(c.Refund)
		if names == nil {
			continue
		}
		listsGiven[kind] = true
		for _, name := range names {
			cl, ok := resolve(ll, name, lk.prefix)
			switch {
			case !ok:
				k.problem("clause/unknown", refundPos(c, lk.key), "refund.%s names %q, which is no clause of the %q library%s", lk.key, name, c.Language, suggestID(ll, name, lk.prefix, kind))
			case cl.Kind != kind:
				k.problem("clause/unknown", refundPos(c, lk.key), "refund.%s names %q, a clause of kind %q; it must be of kind %q", lk.key, name, cl.Kind, kind)
			case !cl.AppliesTo(juris):
				k.problem("clause/unknown", refundPos(c, lk.key), "refund.%s names %q, which is not written for jurisdiction %q", lk.key, name, juris)
			default:
				listed[cl] = true
			}
		}
	}

	vars := whenEnv(s, c)
	var included []*site.Clause
	for _, cl := range ll.Clauses {
		if !cl.AppliesTo(juris) {
			continue
		}
		switch {
		case cl.Kind == "proration":
			if cl != policy {
				continue
			}
		case listsGiven[cl.Kind]:
			if !listed[cl] {
				continue
			}
		default:
			if !a.holds(k, cl, vars) {
				continue
			}
		}
		included = append(included, cl)
	}
	if a.ranked[ll] {
		k.numberRanked(ll, included, a.parsed)
	} else {
		k.number(ll, included, a.parsed)
	}

	// Refund computation, then the words that describe it.
	if policy != nil {
		k.Policy, _ = k.Clause(policy.ID)
		k.Terms = a.terms(k, policy, ll)
	}
	// The course's template, its functions and scratch buffers come
	// from a pool: binding a FuncMap is far dearer than executing a
	// short clause, so a template is bound once to helpers that are set
	// for each course.
	st := assemblies.Get().(*assembly)
	defer func() {
		st.h = helpers{} // keeps nothing of this contract
		assemblies.Put(st)
	}()
	sc := &st.sc
	w, escaped, buf := a.describe(k, sc.key)
	sc.key = buf
	k.FormulaText, k.FlatText, k.Example = w.Formula, w.Flat, w.Example
	data := templateData(s, c, escaped, a.shared)
	cur, _ := money.Lookup(c.Currency)
	exists := func(id string) bool { _, ok := ll.Clause(id); return ok }
	var channelText string
	channelDone := false
	st.h = helpers{l: c.Language, cur: cur, clause: k.Clause,
		channelText: func() string {
			// Every clause that reads the channel asks for it: word it once.
			if !channelDone {
				channelText, channelDone = escapeMarkdown(ChannelText(ll.Phrases, s.Config.Seller, c.Refund.Channel, s.Config.BaseURL)), true
			}
			return channelText
		}}
	h, tmpl := &st.h, st.tmpl
	run := runner{data: data, tmpl: tmpl, exists: exists, currency: c.Currency, fn: h, budget: &budget{}, scratch: sc}
	for _, cl := range k.Clauses {
		p := a.parsed[cl.Source]
		cl.Markdown = k.execute(p.body, p.bodyAt, run, p.bodyMemo, &p.bodyTexts)
		if cl.Source.FAQ != nil {
			k.FAQ = append(k.FAQ, FAQ{
				Question: cl.Source.FAQ.Question,
				Answer:   k.execute(p.answer, p.answerAt, run, p.answerMemo, &p.answerTexts),
				Clause:   cl,
				Pos:      cl.Source.KeyPos("faq.question"),
			})
		}
	}
	for _, f := range c.FAQ {
		k.FAQ = append(k.FAQ, FAQ{Question: f.Question, Answer: f.Answer, Pos: f.Pos, FromCourse: true})
	}
	return k
}

func (k *Contract) problem(rule string, pos site.Pos, format string, args ...any) {
	k.Problems = append(k.Problems, Problem{Rule: rule, Pos: pos, Message: fmt.Sprintf(format, args...)})
}

func sortedKinds() []string {
	out := make([]string, 0, len(listedKinds))
	for k := range listedKinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func suggestID(ll *site.LangLibrary, name, prefix, kind string) string {
	var names []string
	for _, c := range ll.Clauses {
		if c.Kind == kind {
			names = append(names, c.ID, strings.TrimPrefix(c.ID, prefix))
		}
	}
	if sug := site.Suggest(name, names); sug != "" {
		return fmt.Sprintf("; did you mean %q?", sug)
	}
	if len(names) > 0 {
		var short []string
		for i := 1; i < len(names); i += 2 {
			short = append(short, strconv.Quote(names[i]))
		}
		return "; known: " + strings.Join(short, ", ")
	}
	return ""
}

// holds evaluates a clause's `when`. A condition that cannot be evaluated
// excludes the clause and is reported.
func (a *Assembler) holds(k *Contract, cl *site.Clause, vars expr.Env) bool {
	p := a.parsed[cl]
	if p.whenBad {
		return false
	}
	if p.when == nil {
		return true
	}
	v, err := p.when.Eval(vars)
	if err != nil {
		k.Problems = append(k.Problems, exprProblem(cl, "when", err, "the when condition cannot be evaluated"))
		return false
	}
	b, ok := v.Bool()
	if !ok {
		k.problem("formula/invalid", cl.ValuePos("when"), "the when condition gives %s, not true or false", v.Kind())
		return false
	}
	return b
}

// number orders the included clauses by section, then weight and id, and
// numbers them.
func (k *Contract) number(ll *site.LangLibrary, included []*site.Clause, parsed map[*site.Clause]*parsedClause) {
	// One allocation each for the contract's clauses, its sections and
	// the lists of pointers to them: a large site assembles thousands of
	// contracts of some fifty clauses, and the collector traces what they
	// keep on every cycle.
	clauses := make([]Clause, 0, len(included))
	sections := make([]Section, 0, len(ll.Sections))
	k.Clauses = make([]*Clause, 0, len(included))
	k.Sections = make([]*Section, 0, len(ll.Sections))
	var list []*site.Clause
	for _, def := range ll.Sections {
		list = list[:0]
		for _, c := range included {
			if c.Section == def.ID {
				list = append(list, c)
			}
		}
		if len(list) == 0 {
			continue
		}
		slices.SortStableFunc(list, func(a, b *site.Clause) int {
			if a.Weight != b.Weight {
				return cmp.Compare(a.Weight, b.Weight)
			}
			return strings.Compare(a.ID, b.ID)
		})
		n := len(sections) + 1
		first := len(k.Clauses)
		for i, c := range list {
			var anchor string
			if p, ok := parsed[c]; ok {
				anchor = p.anchor // the same string for every course
			} else {
				anchor = Anchor(c.ID)
			}
			// The capacities are enough: nothing below ever moves.
			clauses = append(clauses, Clause{Source: c, Number: clauseNumber(n, i+1), Anchor: anchor})
			k.Clauses = append(k.Clauses, &clauses[len(clauses)-1])
		}
		// The section's clauses are its part of k.Clauses, capped so
		// that an append to one cannot write into the next.
		sections = append(sections, Section{Number: n, Def: def, Clauses: k.Clauses[first:len(k.Clauses):len(k.Clauses)]})
		k.Sections = append(k.Sections, &sections[len(sections)-1])
	}
}

// numberRanked is number for a library whose clauses have a rank: the
// included clauses are sorted by it, and every one has a parsedClause.
func (k *Contract) numberRanked(ll *site.LangLibrary, included []*site.Clause, parsed map[*site.Clause]*parsedClause) {
	type ranked struct {
		p *parsedClause
		c *site.Clause
	}
	list := make([]ranked, 0, len(included))
	for _, c := range included {
		if p := parsed[c]; p.rank >= 0 {
			list = append(list, ranked{p, c})
		}
	}
	slices.SortFunc(list, func(x, y ranked) int { return cmp.Compare(x.p.rank, y.p.rank) })
	clauses := make([]Clause, 0, len(included))
	sections := make([]Section, 0, len(ll.Sections))
	k.Clauses = make([]*Clause, 0, len(included))
	k.Sections = make([]*Section, 0, len(ll.Sections))
	for start := 0; start < len(list); {
		end := start + 1
		for end < len(list) && list[end].p.section == list[start].p.section {
			end++
		}
		n := len(sections) + 1
		first := len(k.Clauses)
		for i, r := range list[start:end] {
			clauses = append(clauses, Clause{Source: r.c, Number: clauseNumber(n, i+1), Anchor: r.p.anchor})
			k.Clauses = append(k.Clauses, &clauses[len(clauses)-1])
		}
		sections = append(sections, Section{Number: n, Def: ll.Sections[list[start].p.section], Clauses: k.Clauses[first:len(k.Clauses):len(k.Clauses)]})
		k.Sections = append(k.Sections, &sections[len(sections)-1])
		start = end
	}
}

// clauseNumbers are the numbers "1.1" to "29.99", made once: every
// contract numbers its clauses with them.
var clauseNumbers = func() [30][100]string {
	var t [30][100]string
	for s := 1; s < len(t); s++ {
		for c := 1; c < len(t[s]); c++ {
			t[s][c] = strconv.Itoa(s) + "." + strconv.Itoa(c)
		}
	}
	return t
}()

// clauseNumber is "section.clause".
func clauseNumber(section, clause int) string {
	if section < len(clauseNumbers) && clause < len(clauseNumbers[0]) {
		return clauseNumbers[section][clause]
	}
	return strconv.Itoa(section) + "." + strconv.Itoa(clause)
}

// Anchor is the HTML id of a clause: "c-" and its id with dots as dashes.
func Anchor(id string) string { return "c-" + strings.ReplaceAll(id, ".", "-") }

// runner is what running a clause template for one course needs.
type runner struct {
	data map[string]any
	// tmpl holds the course's functions and takes each clause's tree for
	// its run.
	tmpl     *template.Template
	exists   func(id string) bool // the library has a clause with this id
	currency string
	fn       *helpers // the course's template functions
	budget   *budget  // the contract's, shared by its clauses
	scratch  *scratch // the contract's, for memo keys
}

// assembly is what assembling one contract borrows from assemblies: a
// template bound to h, h itself, and scratch buffers.
type assembly struct {
	h    helpers
	tmpl *template.Template
	sc   scratch
}

var assemblies = sync.Pool{New: func() any {
	st := &assembly{}
	st.tmpl = template.New("clause").Option("missingkey=error").Funcs(funcs(&st.h))
	return st
}}

// scratch holds a contract's memo keys and hole values while they are
// made, so that looking a text up allocates nothing.
type scratch struct {
	key, vkey []byte
	vals      []string
}

// execute runs one clause template for this course, or takes its text
// from the memo when the template read the same values for another
// course, filling in the values it prints (see hole). Problems found by
// the static check are reported and the text is still produced where
// possible.
func (k *Contract) execute(tree *parse.Tree, at textPos, run runner, m *memo, seen *texts) string {
	if tree == nil {
		return "" // reported by New
	}
	if noMemo {
		return k.run(tree, at, run, seen, false)
	}
	sc := run.scratch
	key, ok := m.key(sc.key[:0], run.data, run.currency, run.fn.clause, run.fn.channel)
	sc.key = key
	if !ok {
		return k.run(tree, at, run, seen, false)
	}
	checked := false
	e, hit := m.get(key)
	if !hit {
		if probs := checkTree(tree, run.data, run.exists, at, run.budget); len(probs) > 0 {
			k.Problems = append(k.Problems, probs...)
			return ""
		}
		checked = true
		e, ok = k.runShell(m, run, seen)
		if !ok {
			return k.run(tree, at, run, seen, true)
		}
		e = m.put(key, e)
	}
	if e.whole {
		if run.budget.out+len(e.text) > maxContractOutput {
			if checked {
				return k.run(tree, at, run, seen, true)
			}
			k.Problems = append(k.Problems, outputProblem(at, false))
			return ""
		}
		run.budget.out += len(e.text)
		return e.text
	}
	if cap(sc.vals) < len(m.holes) {
		sc.vals = make([]string, len(m.holes))
	}
	vals := sc.vals[:len(m.holes)]
	vkey := sc.vkey[:0]
	size := 0
	for _, p := range e.parts {
		size += len(p.text)
	}
	for _, i := range e.used {
		v, ok := m.holes[i].value(run.data, run.fn)
		if !ok {
			return k.run(tree, at, run, seen, checked)
		}
		vals[i] = v
	}
	if !e.unshared.Load() {
		for _, i := range e.used {
			vkey = appendString(vkey, vals[i])
		}
		sc.vkey = vkey
	}
	for _, p := range e.parts {
		if p.hole >= 0 {
			size += len(vals[p.hole])
		}
	}
	if size > min(maxClauseOutput, maxContractOutput-run.budget.out) {
		// Too long: the template runs and says so.
		return k.run(tree, at, run, seen, checked)
	}
	text := m.text(e, vals, vkey)
	run.budget.out += len(text)
	return text
}

// runShell runs the shell of m for this course and returns its text as
// an entry; false when it fails (the template itself then runs).
func (k *Contract) runShell(m *memo, run runner, seen *texts) (*entry, bool) {
	run.tmpl.Tree = m.shell
	b := textBuffers.Get().(*bytes.Buffer)
	defer textBuffers.Put(b)
	b.Reset()
	w := &limitWriter{buf: b, max: 2 * maxClauseOutput}
	if err := run.tmpl.Execute(w, run.data); err != nil {
		return nil, false
	}
	if len(m.holes) == 0 {
		return &entry{whole: true, text: seen.string(b.Bytes())}, true
	}
	e, ok := newEntry(b.Bytes(), len(m.holes))
	if ok && e.whole {
		e.text = seen.string(b.Bytes())
	}
	return e, ok
}

// run runs one clause template for this course, after checking it unless
// checked.
func (k *Contract) run(tree *parse.Tree, at textPos, run runner, seen *texts, checked bool) string {
	if !checked {
		if probs := checkTree(tree, run.data, run.exists, at, run.budget); len(probs) > 0 {
			k.Problems = append(k.Problems, probs...)
			return ""
		}
	}
	// Setting the tree, rather than AddParseTree, also runs a tree that
	// is only white space: AddParseTree would keep the previous clause's
	// tree instead of an empty one of the same name.
	run.tmpl.Tree = tree
	b := textBuffers.Get().(*bytes.Buffer)
	defer textBuffers.Put(b)
	b.Reset()
	w := &limitWriter{buf: b, max: min(maxClauseOutput, maxContractOutput-run.budget.out)}
	if err := run.tmpl.Execute(w, run.data); err != nil {
		if errors.Is(err, errTooLong) {
			k.Problems = append(k.Problems, outputProblem(at, w.max == maxClauseOutput))
			return ""
		}
		k.Problems = append(k.Problems, execProblem(at, err))
		return ""
	}
	run.budget.out += b.Len()
	return seen.string(b.Bytes())
}

// textBuffers hold clause texts while their templates execute.
var textBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// texts are the texts one clause template gave so far. Most clauses read
// the same for every course, or for every course of a format, so a large
// site would otherwise keep one copy of the same text per course; a
// clause that names the course gives a new text every time and is not
// remembered past the first few.
type texts struct {
	mu   sync.Mutex
	seen []string
}

// maxTexts is how many different texts of one clause are remembered.
const maxTexts = 16

// string returns text as a string: one given before when the text is the
// same, otherwise a copy at its exact size.
func (t *texts) string(text []byte) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, s := range t.seen {
		if len(s) == len(text) && s == string(text) {
			return s
		}
	}
	s := string(text)
	if len(t.seen) < maxTexts {
		t.seen = append(t.seen, s)
	}
	return s
}
