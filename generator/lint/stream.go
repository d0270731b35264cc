package lint

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/site"
)

// Linter applies the course rules to one contract at a time, for a
// caller that drops each contract once it is checked and rendered (a
// full build, which then never holds every contract at once). Check
// afterwards, given each contract's findings through Input.Known, runs
// the site rules and merges: its findings are those of a Check of every
// contract at once. A Linter is safe for concurrent use.
type Linter struct {
	rules    []*Rule
	severity map[string]Severity
	ignored  map[string]map[string]bool // as merge's, from every course of the site
	texts    *textCache
	site     *site.Site
}

// NewLinter returns a Linter for the contracts of s.
func NewLinter(s *site.Site) *Linter {
	rules, severity := enabled(s.Config)
	_, courseRules := byScope(rules)
	l := &Linter{rules: courseRules, severity: severity, ignored: map[string]map[string]bool{}, texts: newTextCache(s), site: s}
	for _, c := range s.Courses {
		l.ignored = addIgnores(l.ignored, c)
	}
	// A text is kept by where its bytes are, which keeps the text: the
	// contracts are dropped as the build goes, and a clause that names
	// the course would otherwise keep its text of every course.
	for _, e := range l.texts.clauses {
		e.max = streamClauseTexts
	}
	return l
}

// streamClauseTexts bounds the texts a Linter keeps per clause.
const streamClauseTexts = 32

// Own returns what the course rules report about k on its own, given its
// standing against its frozen editions: Check's Result.Own for it, to be
// handed back through Input.Known. fails reports that one of them is an
// error that no suppression silences, so that Check will find errors
// whatever the rest of the site holds.
func (l *Linter) Own(k *contract.Contract, st edition.Status) (own []Finding, fails bool, err error) {
	p := &Pass{Site: l.site, Contracts: []*contract.Contract{k}, Editions: []edition.Status{st}, texts: l.texts}
	if own, err = runRules(l.rules, p); err != nil {
		return nil, false, err
	}
	for _, f := range own {
		sev := max(l.severity[f.Rule], f.atLeast)
		if sev == Error && !(f.Course != "" && l.ignored[f.Course][f.Rule] && suppressible(f.Rule)) {
			fails = true
		}
	}
	return own, fails, nil
}

// addIgnores adds course c's justified suppressions to ignored (see
// ignores).
func addIgnores(ignored map[string]map[string]bool, c *site.Course) map[string]map[string]bool {
	for _, ig := range c.Ignore {
		if strings.TrimSpace(ig.Reason) == "" {
			continue
		}
		if ignored[c.Slug] == nil {
			ignored[c.Slug] = map[string]bool{}
		}
		ignored[c.Slug][ig.Rule] = true
	}
	return ignored
}
