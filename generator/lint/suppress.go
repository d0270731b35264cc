package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// Rules on the [lint] settings themselves: suppressions must be justified
// and must name rules that exist.

// UnjustifiedIgnore: an ignore entry without a reason.
var UnjustifiedIgnore = &Rule{
	Name:            "lint/unjustified-ignore",
	DefaultSeverity: Error,
	Doc: `A course's [lint] ignore entry has no reason (or an empty one). Such an entry suppresses nothing: the finding it was meant to silence is still reported.

Why: every rule stands for a legal requirement or a real risk; silencing one is a decision that a lawyer, a reviewer or a later colleague must be able to read and judge. An ignore with a reason documents that decision next to the course. This rule cannot itself be ignored from a course.

Fix: add reason = "…" to the entry, saying why the finding does not apply or is an accepted risk, e.g. { rule = "refund/bank-fee", reason = "the processor's fee on the original payment is documented in every refund" }. Or remove the entry and fix what the rule reports.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			for _, ig := range k.Course.Ignore {
				if strings.TrimSpace(ig.Reason) == "" {
					p.Report(ig.Pos, k.Course.Slug, "the ignore entry for %q has no reason, so it suppresses nothing: add reason = \"…\" saying why the finding is acceptable", ig.Rule)
				}
			}
		}
		return nil
	},
}

// plannedRules are rule names of the SPEC whose checks land later; naming
// them in [lint] settings is not a mistake.
var plannedRules = []string{}

// UnknownRule: [lint] settings name a rule that does not exist.
var UnknownRule = &Rule{
	Name:            "lint/unknown-rule",
	DefaultSeverity: Error,
	Doc: `A rule name in [lint] disable or [lint] severity of oferta.toml, or in a course's [lint] ignore entry, is not the name of any rule.

Why: a misspelt name silently does nothing: the rule you meant to disable, re-grade or ignore still runs with its default severity, and the setting misleads anyone who reads it.

Fix: correct the name; the message suggests the nearest existing rule. "oferta lint --explain RULE" shows a rule, and README lists them all.`,
	Run: func(p *Pass) error {
		check := func(pos site.Pos, course, where, name string) {
			var names []string
			for _, r := range p.all {
				if r.Name == name {
					return
				}
				names = append(names, r.Name)
			}
			if slices.Contains(plannedRules, name) {
				return
			}
			msg := fmt.Sprintf("%s names rule %q, which does not exist", where, name)
			if s := site.Suggest(name, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.Report(pos, course, "%s", msg)
		}
		if cfg := p.Site.Config; p.Whole {
			for i, name := range cfg.Lint.Disable {
				check(cfg.KeyPos(fmt.Sprintf("lint.disable[%d]", i)), "", "lint.disable", name)
			}
			for _, name := range slices.Sorted(maps.Keys(cfg.Lint.Severity)) {
				check(cfg.KeyPos("lint.severity."+name), "", "lint.severity", name)
			}
		}
		for _, k := range p.Contracts {
			for _, ig := range k.Course.Ignore {
				check(ig.Pos, k.Course.Slug, "lint.ignore", ig.Rule)
			}
		}
		return nil
	},
}
