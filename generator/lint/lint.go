package lint

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/internal/par"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// Severity is how serious a finding is.
type Severity int

// The severities. An error fails the build; a warning fails it only with
// --strict.
const (
	Warning Severity = iota + 1
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// ParseSeverity reads "error" or "warning".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	}
	return 0, false
}

// Finding is one problem, at the line of the key or clause concerned.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	File     string
	Line     int
	Col      int
	Course   string // the course's slug, or "" for site-wide findings
	// atLeast raises the rule's severity for this finding: a rule that is
	// a warning in general reports an error beyond a threshold (see
	// Pass.ReportError).
	atLeast Severity
}

// Rule is one check.
type Rule struct {
	Name string
	// Doc says what the rule checks, the law or reason behind it, an
	// example that fires and one that does not, and how to fix a finding;
	// `oferta lint --explain` prints it. Validate checks its parts.
	Doc             string
	DefaultSeverity Severity
	// SeverityIn overrides the default for some jurisdictions.
	SeverityIn map[string]Severity
	// Jurisdictions limits the rule to these; empty means all.
	Jurisdictions []string
	// Scope says which passes run the rule; the list in rules.go sets it.
	Scope Scope
	Run   func(*Pass) error
}

// Scope is what a rule looks at: the site as a whole, each course, or
// both.
type Scope uint8

// The scopes. A site rule runs once per lint, in the pass over the site
// as a whole; a course rule runs once per course, in a pass that holds
// that course's contract alone, so that its findings can be kept while
// the course does not change (Input.Known). A rule of both scopes runs in
// both kinds of pass and tells them apart by Pass.Whole.
const (
	SiteScope Scope = 1 << iota
	CourseScope
)

func (s Scope) String() string {
	switch s {
	case SiteScope:
		return "site"
	case CourseScope:
		return "course"
	case SiteScope | CourseScope:
		return "site and course"
	}
	return fmt.Sprintf("Scope(%d)", uint8(s))
}

// in sets the rule's scope; the rule list uses it.
func (r *Rule) in(s Scope) *Rule {
	r.Scope = s
	return r
}

// Pass is what a rule sees. Check runs the site rules once, in a pass
// over the site as a whole (Whole set, no contracts), and the course rules
// once for each contract, in a pass that holds that contract alone.
type Pass struct {
	Rule *Rule
	Site *site.Site
	// Whole marks the pass over the site as a whole (Contracts is then
	// empty): the checks of oferta.toml and of the clause library run in
	// it. The other passes each hold one contract.
	Whole     bool
	Contracts []*contract.Contract
	// LibraryProblems are problems in clause files found while parsing
	// them, independent of any course; set in the Whole pass.
	LibraryProblems []contract.Problem
	// Editions is each contract's standing against its frozen editions,
	// by index of Contracts; nil when the caller did not compare them.
	Editions []edition.Status
	report   func(Finding)
	all      []*Rule // every rule Run knows, enabled or not
	// texts is shared by every pass of one Check: a clause text many
	// contracts print is scanned once. scanned keeps this pass's findings
	// of the text rules, which several rules read.
	texts   *textCache
	scanned map[*contract.Contract][]textFinding
}

// Analysis returns the refund analysis of a contract (see refund.Analyze),
// computed once for all rules and the FAQ table. ok is false when the
// contract has no usable refund terms (another rule reports why).
func (p *Pass) Analysis(k *contract.Contract) (a refund.Analysis, ok bool, err error) {
	if k.Terms == nil {
		return refund.Analysis{}, false, nil
	}
	a, err = k.Analysis()
	return a, true, err
}

// Report records a finding of the pass's rule at pos.
func (p *Pass) Report(pos site.Pos, course string, format string, args ...any) {
	p.report(Finding{Rule: p.Rule.Name, Message: fmt.Sprintf(format, args...), File: pos.File, Line: pos.Line, Col: pos.Col, Course: course})
}

// ReportError records a finding that is an error whatever the rule's
// severity: a warning rule's finding beyond the threshold its Doc names.
// Only [lint] severity = "error" can change it, and only to error.
func (p *Pass) ReportError(pos site.Pos, course string, format string, args ...any) {
	p.report(Finding{Rule: p.Rule.Name, Message: fmt.Sprintf(format, args...), File: pos.File, Line: pos.Line, Col: pos.Col, Course: course, atLeast: Error})
}

// Input is what Run checks.
type Input struct {
	Site            *site.Site
	Contracts       []*contract.Contract
	LibraryProblems []contract.Problem
	Editions        []edition.Status // by index of Contracts; may be nil
	// Known, when not nil, returns the Result.Own findings of contract i
	// from an earlier run, if that contract, its edition standing, the
	// site's settings and its clause library are all unchanged since:
	// its checks are then not run again. The preview server uses it.
	Known func(i int) ([]Finding, bool)
}

// Result is what Run found.
type Result struct {
	// Findings are sorted by file, line, column and rule, without
	// duplicates, with severities and suppressions applied.
	Findings []Finding
	// Own holds, by index of Input.Contracts, what the rules reported
	// about each contract on its own, before severities, suppressions and
	// de-duplication: hand it back through Input.Known.
	Own [][]Finding
}

// Check applies every rule that the site's jurisdiction and [lint]
// settings enable: the site rules once, the course rules to each contract,
// on every core. Result.Findings are sorted by file, line, column and
// rule, without duplicates. A course's justified [lint] ignore entries
// silence its findings of that rule (never those of the lint/ rules). A
// course's finding that points into oferta.toml (a setting the course
// inherits) is reported once, site-wide, with no course.
func Check(in Input) (*Result, error) { return check(in, newTextCache(in.Site)) }

// check is Check with the passes' cache of scanned texts (see Relint.Check).
func check(in Input, texts *textCache) (*Result, error) {
	rules, severity := enabled(in.Site.Config)
	siteRules, courseRules := byScope(rules)
	whole, err := runRules(siteRules, &Pass{Site: in.Site, Whole: true, LibraryProblems: in.LibraryProblems, texts: texts})
	if err != nil {
		return nil, err
	}
	own := make([][]Finding, len(in.Contracts))
	errs := make([]error, len(in.Contracts))
	par.Do(len(in.Contracts), func(i int) {
		if in.Known != nil {
			if fs, ok := in.Known(i); ok {
				own[i] = fs
				return
			}
		}
		p := &Pass{Site: in.Site, Contracts: in.Contracts[i : i+1], texts: texts}
		if i < len(in.Editions) {
			p.Editions = in.Editions[i : i+1]
		}
		own[i], errs[i] = runRules(courseRules, p)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Result{Findings: merge(in, severity, whole, own), Own: own}, nil
}

// enabled returns the rules that apply to the site, in order, with the
// severity each has there.
func enabled(cfg *site.Config) ([]*Rule, map[string]Severity) {
	disabled := map[string]bool{}
	for _, d := range cfg.Lint.Disable {
		// An entry without a reason, or for a statutory rule, disables
		// nothing (lint/unjustified-disable reports it).
		if strings.TrimSpace(d.Reason) != "" && !Statutory(d.Rule) {
			disabled[d.Rule] = true
		}
	}
	var rules []*Rule
	severity := map[string]Severity{}
	for _, r := range Rules {
		if disabled[r.Name] || !appliesTo(r, cfg.Jurisdiction) {
			continue
		}
		sev := r.DefaultSeverity
		if s, ok := r.SeverityIn[cfg.Jurisdiction]; ok {
			sev = s
		}
		if s, ok := ParseSeverity(cfg.Lint.Severity[r.Name]); ok {
			sev = s
		}
		rules = append(rules, r)
		severity[r.Name] = sev
	}
	return rules, severity
}

// byScope splits rules, in order, into those the pass over the whole site
// runs and those each course's pass runs; a rule of both scopes is in
// both.
func byScope(rules []*Rule) (siteRules, courseRules []*Rule) {
	for _, r := range rules {
		if r.Scope&SiteScope != 0 {
			siteRules = append(siteRules, r)
		}
		if r.Scope&CourseScope != 0 {
			courseRules = append(courseRules, r)
		}
	}
	return siteRules, courseRules
}

// runRules runs rules over one pass and returns what they reported.
func runRules(rules []*Rule, p *Pass) ([]Finding, error) {
	var out []Finding
	p.report = func(f Finding) { out = append(out, f) }
	p.all = Rules
	for _, r := range rules {
		p.Rule = r
		if err := r.Run(p); err != nil {
			return nil, fmt.Errorf("lint rule %s: %w", r.Name, err)
		}
	}
	return out, nil
}

// merge applies severities and suppressions to the findings of the whole
// site and of each contract, then sorts them and drops duplicates.
func merge(in Input, severity map[string]Severity, whole []Finding, own [][]Finding) []Finding {
	cfg := in.Site.Config
	ignored := ignores(in.Contracts)
	seen := map[Finding]bool{}
	var out []Finding
	add := func(f Finding) {
		f.Severity = severity[f.Rule]
		if f.atLeast > f.Severity {
			f.Severity = f.atLeast
		}
		f.atLeast = 0
		if f.Course != "" && ignored[f.Course][f.Rule] && suppressible(f.Rule) {
			return
		}
		// A course's finding that points into oferta.toml is about a
		// setting the course inherits: after the course's own
		// suppressions it is reported once, site-wide.
		if f.File == cfg.File {
			f.Course = ""
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range whole {
		add(f)
	}
	for _, fs := range own {
		for _, f := range fs {
			add(f)
		}
	}
	Sort(out)
	return out
}

func appliesTo(r *Rule, j string) bool {
	if len(r.Jurisdictions) == 0 {
		return true
	}
	for _, x := range r.Jurisdictions {
		if x == j {
			return true
		}
	}
	return false
}

// ignores collects each course's justified suppressions. An entry without
// a reason suppresses nothing (and is itself reported).
func ignores(contracts []*contract.Contract) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, k := range contracts {
		for _, ig := range k.Course.Ignore {
			if strings.TrimSpace(ig.Reason) == "" {
				continue
			}
			if out[k.Course.Slug] == nil {
				out[k.Course.Slug] = map[string]bool{}
			}
			out[k.Course.Slug][ig.Rule] = true
		}
	}
	return out
}

// suppressible reports whether a course's ignore entry may silence a rule.
// The lint/ rules check the suppressions themselves, so a suppression
// cannot silence them; nor can it silence a statutory rule.
func suppressible(rule string) bool { return !strings.HasPrefix(rule, "lint/") && !Statutory(rule) }

// Sort orders findings by file, line, column, rule, then message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		case a.Course != b.Course:
			return a.Course < b.Course
		}
		return a.Message < b.Message
	})
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Lookup returns the rule with the given name.
func Lookup(name string) (*Rule, bool) {
	for _, r := range Rules {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}
