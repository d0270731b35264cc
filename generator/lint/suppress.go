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
	Doc: `A course's [lint] ignore entry has no reason (or an empty one), or names a statutory rule: refund/waiver, text/waiver, clause/statutory-override, eu/withdrawal-info or eu/withdrawal-function. Such an entry suppresses nothing: the finding it was meant to silence is still reported.

Why: every rule stands for a legal requirement or a real risk; silencing one is a decision that a lawyer, a reviewer or a later colleague must be able to read and judge. An ignore with a reason documents that decision next to the course. The statutory rules stand for rights the law gives whatever the contract says, so no reason can silence them (see lint/unjustified-disable). This rule cannot itself be ignored from a course.

Fires: ignore = [{ rule = "refund/bank-fee" }] in a course's [lint]; ignore = [{ rule = "refund/waiver", reason = "we never refund" }].

Silent: ignore = [{ rule = "refund/bank-fee", reason = "the acquirer's statement of the fee is attached to every refund" }].

Fix: add reason = "…" to the entry, saying why the finding does not apply or is an accepted risk, e.g. { rule = "refund/bank-fee", reason = "the processor's fee on the original payment is documented in every refund" }. Or remove the entry and fix what the rule reports.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			for _, ig := range k.Course.Ignore {
				switch {
				case Statutory(ig.Rule):
					p.Report(ig.Pos, k.Course.Slug, "rule %q protects a right the law gives and cannot be ignored; the entry suppresses nothing (build with --draft to preview)", ig.Rule)
				case strings.TrimSpace(ig.Reason) == "":
					p.Report(ig.Pos, k.Course.Slug, "the ignore entry for %q has no reason, so it suppresses nothing: add reason = \"…\" saying why the finding is acceptable", ig.Rule)
				}
			}
		}
		return nil
	},
}

// UnknownRule: [lint] settings name a rule that does not exist.
var UnknownRule = &Rule{
	Name:            "lint/unknown-rule",
	DefaultSeverity: Error,
	Doc: `A rule name in [lint] disable or [lint] severity of oferta.toml, or in a course's [lint] ignore entry, is not the name of any rule.

Why: a misspelt name silently does nothing: the rule you meant to disable, re-grade or ignore still runs with its default severity, and the setting misleads anyone who reads it.

Fires: [lint] disable = [{ rule = "refund/waivr", reason = "…" }]; severity = { "refund/bank-fe" = "error" }; a course's ignore of "formula/invalidd".

Silent: names of existing rules, as "oferta lint --explain" lists them.

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
			msg := fmt.Sprintf("%s names rule %q, which does not exist", where, name)
			if s := site.Suggest(name, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.Report(pos, course, "%s", msg)
		}
		if cfg := p.Site.Config; p.Whole {
			for _, d := range cfg.Lint.Disable {
				check(d.Pos, "", "lint.disable", d.Rule)
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

// statutoryRules stand for rights the law gives whatever the contract
// says: they cannot be disabled in oferta.toml nor ignored for a course.
var statutoryRules = []string{"refund/waiver", "text/waiver", "clause/statutory-override", "eu/withdrawal-info", "eu/withdrawal-function"}

// Statutory reports whether a rule cannot be disabled or ignored.
func Statutory(rule string) bool { return slices.Contains(statutoryRules, rule) }

// UnjustifiedDisable: a [lint] disable entry without a reason, or for a
// rule that cannot be disabled.
var UnjustifiedDisable = &Rule{
	Name:            "lint/unjustified-disable",
	DefaultSeverity: Error,
	Doc: `An entry of [lint] disable in oferta.toml has no reason, or names a statutory rule: refund/waiver, text/waiver, clause/statutory-override, eu/withdrawal-info or eu/withdrawal-function. Such an entry disables nothing: the rule still runs.

Why: disabling a rule switches a legal check off for every course of the site, which a reviewer must be able to read and judge: the reason says why. The statutory rules stand for rights the law gives whatever the contract says — the right to withdraw and get back the undelivered share (ru: Civil Code art. 782(1), ЗоЗПП arts. 32, 16; eu: Directive 2011/83/EU arts. 9, 25), the withdrawal information (art. 6(1)(h)) and the withdrawal function (art. 11a) — so no reason can switch them off; a course's [lint] ignore cannot silence them either. To preview a site that still breaks them, build with --draft.

Fires: [lint] disable = [{ rule = "refund/bank-fee" }]; [lint] disable = [{ rule = "refund/waiver", reason = "we never refund" }].

Silent: [lint] disable = [{ rule = "refund/bank-fee", reason = "the acquirer's statement of the fee on each payment is attached to every refund" }].

Fix: add reason = "…" to the entry, or remove it and fix what the rule reports. For a statutory rule, change the contract.`,
	Run: func(p *Pass) error {
		for _, d := range p.Site.Config.Lint.Disable {
			switch {
			case Statutory(d.Rule):
				p.Report(d.Pos, "", "rule %q protects a right the law gives and cannot be disabled; the entry disables nothing (build with --draft to preview)", d.Rule)
			case strings.TrimSpace(d.Reason) == "":
				p.Report(d.Pos, "", "the disable entry for %q has no reason, so it disables nothing: add reason = \"…\" saying why the rule does not apply to this site", d.Rule)
			}
		}
		return nil
	},
}
