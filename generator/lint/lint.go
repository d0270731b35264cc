package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
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
}

// Rule is one check.
type Rule struct {
	Name string
	// Doc says what the rule checks, the law or reason behind it, and how
	// to fix a finding; `oferta lint --explain` prints it.
	Doc             string
	DefaultSeverity Severity
	// SeverityIn overrides the default for some jurisdictions.
	SeverityIn map[string]Severity
	// Jurisdictions limits the rule to these; empty means all.
	Jurisdictions []string
	Run           func(*Pass) error
}

// Pass is what a rule sees: the loaded site and every assembled contract.
type Pass struct {
	Rule      *Rule
	Site      *site.Site
	Contracts []*contract.Contract
	// LibraryProblems are problems in clause files found while parsing
	// them, independent of any course.
	LibraryProblems []contract.Problem
	// Editions is each contract's standing against its frozen editions,
	// by index of Contracts; nil when the caller did not compare them.
	Editions []edition.Status
	report   func(Finding)
	facts    *facts
	all      []*Rule // every rule Run knows, enabled or not
}

// facts are results that several rules need, computed once per Run.
type facts struct {
	analyses map[*contract.Contract]*analysis
}

type analysis struct {
	a   refund.Analysis
	err error
}

// Analysis returns the refund analysis of a contract (see refund.Analyze),
// computed once for all rules. ok is false when the contract has no
// usable refund terms (another rule reports why).
func (p *Pass) Analysis(k *contract.Contract) (a refund.Analysis, ok bool, err error) {
	if k.Terms == nil {
		return refund.Analysis{}, false, nil
	}
	r, done := p.facts.analyses[k]
	if !done {
		r = &analysis{}
		r.a, r.err = refund.Analyze(k.Terms)
		p.facts.analyses[k] = r
	}
	return r.a, true, r.err
}

// Report records a finding of the pass's rule at pos.
func (p *Pass) Report(pos site.Pos, course string, format string, args ...any) {
	p.report(Finding{Rule: p.Rule.Name, Message: fmt.Sprintf(format, args...), File: pos.File, Line: pos.Line, Col: pos.Col, Course: course})
}

// Input is what Run checks.
type Input struct {
	Site            *site.Site
	Contracts       []*contract.Contract
	LibraryProblems []contract.Problem
	Editions        []edition.Status // by index of Contracts; may be nil
}

// Run applies every rule that the site's jurisdiction and [lint] settings
// enable, and returns the findings sorted by file, line, column and rule,
// without duplicates. A course's justified [lint] ignore entries silence
// its findings of that rule (never those of the lint/ rules). A course's
// finding that points into oferta.toml (a setting the course inherits) is
// reported once, site-wide, with no course.
func Run(in Input) ([]Finding, error) {
	cfg := in.Site.Config
	disabled := map[string]bool{}
	for _, d := range cfg.Lint.Disable {
		disabled[d] = true
	}
	ignored := ignores(in.Contracts)
	shared := &facts{analyses: map[*contract.Contract]*analysis{}}
	seen := map[Finding]bool{}
	var out []Finding
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
		pass := &Pass{Rule: r, Site: in.Site, Contracts: in.Contracts, LibraryProblems: in.LibraryProblems, Editions: in.Editions, facts: shared, all: Rules}
		pass.report = func(f Finding) {
			f.Severity = sev
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
		if err := r.Run(pass); err != nil {
			return nil, fmt.Errorf("lint rule %s: %w", r.Name, err)
		}
	}
	Sort(out)
	return out, nil
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
// cannot silence them.
func suppressible(rule string) bool { return !strings.HasPrefix(rule, "lint/") }

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
