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

Clause bodies and FAQ answers are Go templates: placeholders go between {{ and }}, such as {{ .course.title }} or {{ money .course.price }}. An unclosed brace, an unknown function or a wrong number of arguments makes the clause impossible to print, so no contract that includes it can be published.

Fix: open the file at the line shown and correct the placeholder. The functions are money, days, percent, date, units, plural, ref and channel; see README, "Clause templates".`,
	Run: problemRule("template/invalid"),
}

// TemplateUndefined: a placeholder names data that does not exist.
var TemplateUndefined = &Rule{
	Name:            "template/undefined",
	DefaultSeverity: Error,
	Doc: `A placeholder names data that does not exist, such as {{ .course.titel }}.

A missing key is always an error, never an empty string: a contract with a silent gap where the price or a deadline should be is worse than no contract. Every key the data has is listed in README, "Clause templates"; optional values are present and empty, so guard them with {{ if .course.start }}…{{ end }}.

Fix: correct the name; the message suggests the nearest existing key.`,
	Run: problemRule("template/undefined"),
}

// ClauseUnknown: a course or a ref names a clause id that does not exist.
var ClauseUnknown = &Rule{
	Name:            "clause/unknown",
	DefaultSeverity: Error,
	Doc: `A course (refund.policy, refund.grounds, refund.conditions, refund.alternatives) or a {{ ref "…" }} names a clause that does not exist in the course's language, is of the wrong kind, or is not written for the site's jurisdiction.

Fix: use an id of the library (or its short name: "prorata" for refund.policy.prorata, "freeze" for refund.alternative.freeze), or add the clause under clauses/<lang>/.`,
	Run: problemRule("clause/unknown"),
}

// FormulaInvalid: a formula or when condition does not parse or uses an
// unknown variable.
var FormulaInvalid = &Rule{
	Name:            "formula/invalid",
	DefaultSeverity: Error,
	Doc: `A refund formula or a clause's when condition does not parse, uses an unknown variable, or cannot be evaluated for a course.

Formulas are exact: numbers, + - * /, parentheses, comparisons, and, or, not, min(a, b), max(a, b), if(cond, a, b). Variables: price, paid, used, total, bank_fee, retention, deductions, guarantee and params.<name>. A formula that cannot be computed leaves the client without an answer to "how much do I get back?".

Fix: the message points at the column inside the formula; correct it there. A params.<name> must be set in the course's [refund.params].`,
	Run: problemRule("formula/invalid"),
}
