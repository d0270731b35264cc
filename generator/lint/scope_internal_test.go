package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// TestScopes: Check runs a site rule once, in the pass over the whole
// site, a course rule once for each contract, in that contract's own pass,
// and a rule of both scopes in every pass; a course whose findings are
// known is not checked again.
func TestScopes(t *testing.T) {
	type call struct {
		whole   bool
		courses []string
	}
	calls := map[string][]call{}
	probe := func(name string, s Scope) *Rule {
		return &Rule{Name: name, DefaultSeverity: Error, Scope: s, Run: func(p *Pass) error {
			var slugs []string
			for _, k := range p.Contracts {
				slugs = append(slugs, k.Course.Slug)
			}
			calls[name] = append(calls[name], call{p.Whole, slugs})
			return nil
		}}
	}
	old := Rules
	defer func() { Rules = old }()
	Rules = []*Rule{probe("test/site", SiteScope), probe("test/course", CourseScope), probe("test/both", SiteScope|CourseScope)}

	var contracts []*contract.Contract
	for _, slug := range []string{"a", "b", "c"} {
		contracts = append(contracts, &contract.Contract{Course: &site.Course{Slug: slug}})
	}
	in := Input{Site: &site.Site{Config: &site.Config{Jurisdiction: "ru"}}, Contracts: contracts}
	in.Known = func(i int) ([]Finding, bool) { return nil, i == 1 } // b is unchanged
	if _, err := Check(in); err != nil {
		t.Fatal(err)
	}
	sortCalls := func(cs []call) []call {
		slices.SortFunc(cs, func(a, b call) int {
			switch {
			case a.whole != b.whole:
				if a.whole {
					return -1
				}
				return 1
			case len(a.courses) == 0 || len(b.courses) == 0:
				return len(a.courses) - len(b.courses)
			}
			return strings.Compare(a.courses[0], b.courses[0])
		})
		return cs
	}
	perCourse := []call{{false, []string{"a"}}, {false, []string{"c"}}}
	for name, want := range map[string][]call{
		"test/site":   {{true, nil}},
		"test/course": perCourse,
		"test/both":   append([]call{{true, nil}}, perCourse...),
	} {
		got := sortCalls(calls[name])
		if !slices.EqualFunc(got, want, func(a, b call) bool { return a.whole == b.whole && slices.Equal(a.courses, b.courses) }) {
			t.Errorf("%s ran in %+v, want %+v", name, got, want)
		}
	}
}
