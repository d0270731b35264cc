package lint

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// docParts are the paragraphs every rule's Doc has, after its first line
// (what the rule checks): the law or reason, an example that fires, one
// that does not, and how to fix a finding.
var docParts = []string{"Why:", "Fires:", "Silent:", "Fix:"}

// Validate checks a rule list: every rule has a unique name of the form
// area/what, a default severity, known jurisdictions, a scope, a Run, and
// a Doc that says what it checks (its first line), why (the law or the
// reason), with an example that fires and one that does not, and how to
// fix a finding; a warning's Doc says why it is not an error. The tests
// and "oferta lint --explain" call it on Rules.
func Validate(rules []*Rule) error {
	var errs []error
	bad := func(r *Rule, format string, args ...any) {
		errs = append(errs, fmt.Errorf("rule %s: %s", r.Name, fmt.Sprintf(format, args...)))
	}
	seen := map[string]bool{}
	for i, r := range rules {
		if r == nil {
			errs = append(errs, fmt.Errorf("rule %d of the list is nil", i))
			continue
		}
		if seen[r.Name] {
			bad(r, "listed twice")
		}
		seen[r.Name] = true
		if area, what, ok := strings.Cut(r.Name, "/"); !ok || area == "" || what == "" {
			bad(r, "a name is area/what")
		}
		if r.DefaultSeverity != Error && r.DefaultSeverity != Warning {
			bad(r, "no default severity")
		}
		for _, j := range slices.Sorted(maps.Keys(r.SeverityIn)) {
			if s := r.SeverityIn[j]; !slices.Contains(site.Jurisdictions, j) || (s != Error && s != Warning) {
				bad(r, "SeverityIn[%q] = %v", j, s)
			}
		}
		for _, j := range r.Jurisdictions {
			if !slices.Contains(site.Jurisdictions, j) {
				bad(r, "unknown jurisdiction %q", j)
			}
		}
		switch r.Scope {
		case SiteScope, CourseScope, SiteScope | CourseScope:
		default:
			bad(r, "no scope (SiteScope, CourseScope or both)")
		}
		if r.Run == nil {
			bad(r, "no Run")
		}
		if Summary(r) == "" {
			bad(r, "Doc has no first line saying what the rule checks")
			continue
		}
		for _, part := range docParts {
			if !hasParagraph(r.Doc, part) {
				bad(r, "Doc has no paragraph starting %q", part)
			}
		}
		if r.DefaultSeverity == Warning && !strings.Contains(r.Doc, "warning") {
			bad(r, "a warning's Doc must say why it is not an error")
		}
	}
	return errors.Join(errs...)
}

// hasParagraph reports whether doc has a paragraph that starts with
// prefix.
func hasParagraph(doc, prefix string) bool {
	for _, para := range strings.Split(doc, "\n\n") {
		if strings.HasPrefix(strings.TrimSpace(para), prefix) {
			return true
		}
	}
	return false
}
