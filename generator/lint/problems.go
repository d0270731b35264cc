package lint

// Rules fed by the problems that assembling contracts finds in clause
// text: the contract package knows where a template or formula breaks,
// and these rules report it.

// problemRule reports the assembler's problems of one rule.
func problemRule(name string) func(*Pass) error {
	return func(p *Pass) error {
		for _, pr := range p.LibraryProblems {
			if pr.Rule == name {
				p.Report(pr.Pos, "", "%s", pr.Message)
			}
		}
		for _, k := range p.Contracts {
			for _, pr := range k.Problems {
				if pr.Rule != name {
					continue
				}
				course := k.Course.Slug
				// A problem inside a shared clause file is the same for
				// every course: report it once, site-wide.
				if pr.Pos.File != k.Course.File {
					course = ""
				}
				p.Report(pr.Pos, course, "%s", pr.Message)
			}
		}
		return nil
	}
}

// TemplateInvalid: a clause body or FAQ answer is not a valid template.
var TemplateInvalid = &Rule{
	Name:            "template/invalid",
	DefaultSeverity: Error,
	Doc: `A clause body or FAQ answer is not a valid template.

Clause bodies and FAQ answers are Go templates: placeholders go between {{ and }}, such as {{ .course.title }} or {{ money .course.price }}.

Why: an unclosed brace, an unknown function or a wrong number of arguments makes the clause impossible to print, so no contract that includes it can be published, and an offer must state all its terms (Civil Code art. 437(2)).

Fires: a site clause whose body has {{ .course.title with no closing braces.

Silent: the same clause with {{ .course.title }}.

Fix: open the file at the line shown and correct the placeholder. The functions are money, days, percent, date, units, plural, ref and channel; see README, "Clause templates".`,
	Run: problemRule("template/invalid"),
}

// TemplateUndefined: a placeholder names data that does not exist.
var TemplateUndefined = &Rule{
	Name:            "template/undefined",
	DefaultSeverity: Error,
	Doc: `A placeholder names data that does not exist, such as {{ .course.titel }}.

Why: a missing key is always an error, never an empty string: a contract with a silent gap where the price or a deadline should be is worse than no contract. Every key the data has is listed in README, "Clause templates"; optional values are present and empty, so guard them with {{ if .course.start }}…{{ end }}.

Fires: {{ .course.titel }} in a site clause.

Silent: {{ .course.title }}; an optional key guarded by {{ if .course.start }}…{{ end }}.

Fix: correct the name; the message suggests the nearest existing key.`,
	Run: problemRule("template/undefined"),
}

// ClauseUnknown: a course or a ref names a clause id that does not exist.
var ClauseUnknown = &Rule{
	Name:            "clause/unknown",
	DefaultSeverity: Error,
	Doc: `A course (refund.policy, refund.grounds, refund.conditions, refund.alternatives) or a {{ ref "…" }} names a clause that does not exist in the course's language, is of the wrong kind, or is not written for the site's jurisdiction.

Why: a course that names a missing clause would get a contract without the terms it meant to include (a refund alternative, a condition, its refund formula), and a {{ ref }} to a missing clause would print a dead link where the client expects the clause number.

Fires: refund.alternatives = ["frezee"].

Silent: refund.alternatives = ["freeze"], the short name of refund.alternative.freeze.

Fix: use an id of the library (or its short name: "prorata" for refund.policy.prorata, "freeze" for refund.alternative.freeze), or add the clause under clauses/<lang>/.`,
	Run: problemRule("clause/unknown"),
}

// FormulaInvalid: a formula or when condition does not parse or uses an
// unknown variable.
var FormulaInvalid = &Rule{
	Name:            "formula/invalid",
	DefaultSeverity: Error,
	Doc: `A refund formula or a clause's when condition does not parse, uses an unknown variable, or cannot be evaluated for a course.

Formulas are exact: numbers, + - * /, parentheses, comparisons, and, or, not, min(a, b), max(a, b), if(cond, a, b). Variables: price, paid, used, total, bank_fee, retention, deductions, guarantee and params.<name>. 

Why: a formula that cannot be computed leaves the client without an answer to "how much do I get back?", and the contract, the FAQ table and the calculator without the amount.

A formula that parses but fails for some number of units used (a division by zero at used = total, say) is reported here too, with that used value.

Fires: formula = "paid * (total - usd) / total" (no variable usd); formula = "paid / (total - used)", which divides by zero when the whole course is used.

Silent: formula = "paid * (total - used) / total".

Fix: the message points at the column inside the formula; correct it there. A params.<name> must be set in the course's [refund.params].`,
	Run: formulaInvalid,
}

// ClauseDuplicate: two clauses of one language share an id.
var ClauseDuplicate = &Rule{
	Name:            "clause/duplicate",
	DefaultSeverity: Error,
	Doc: `Two clause files of one language, both in the site's clauses/ folder (or both in the built-in library), have the same id.

Why: a clause id names exactly one text: courses pick clauses by id and {{ ref "…" }} links to them. With two files under one id, which of them a contract prints depends on file order, so a lawyer cannot tell which wording is in force. (A site clause with the id of a built-in one is not a duplicate: it replaces the built-in clause on purpose.)

Fires: clauses/ru/a.md and clauses/ru/b.md both have id = "service.extra".

Silent: a site clause with the id of a built-in clause, which replaces it.

Fix: give one of the two files another id, or delete the one you do not want.`,
	Run: func(p *Pass) error {
		for _, lang := range p.Site.Config.Languages {
			for _, d := range p.Site.Library.Lang(lang).Duplicates {
				p.Report(d.Clause.Pos(), "", "clause id %q is already used by %s (%s); ids must be unique within a language", d.Clause.ID, d.First.File, d.First.Pos())
			}
		}
		return nil
	},
}
