package lint

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/site"
)

// Rules that read what a contract says: the rendered text of its clauses
// and FAQ answers and the course's own texts (see textscan.go and the
// phrase files under phrases/).

// textSource is one text a contract shows, in which a phrase was found.
type textSource struct {
	text  string // as rendered
	file  string
	first int // line of src's first line in file
	col   int
	// clause is the clause the text belongs to (nil for a course's own
	// text); a clause shared by several courses is reported site-wide.
	clause *contract.Clause
	answer bool // the clause's FAQ answer, not its body
	what   string
}

// textFinding is a phrase found in one of a contract's texts.
type textFinding struct {
	m   textMatch
	src *textSource
	pos site.Pos
}

// textFindings returns the phrases found in the texts of contract k, in
// its language: each clause body and FAQ answer, and the course's title,
// includes, for_whom, results, [[faq]] answers and deduction names. A
// pass computes them once; a clause text is scanned once per distinct
// text in the whole run (see textCache).
func (p *Pass) textFindings(k *contract.Contract) []textFinding {
	if fs, ok := p.scanned[k]; ok {
		return fs
	}
	var out []textFinding
	for _, cl := range k.Clauses {
		for _, m := range p.texts.clauseMatches(k.Lang, cl.Source, false, cl.Markdown) {
			src := &textSource{text: cl.Markdown, file: cl.Source.File, clause: cl, what: "clause " + cl.Source.ID}
			out = append(out, textFinding{m: m, src: src, pos: site.Pos{File: src.file, Line: m.line, Col: 1}})
		}
	}
	for _, f := range k.FAQ {
		if f.FromCourse || f.Clause == nil || f.Clause.Source.FAQ == nil {
			continue
		}
		for _, m := range p.texts.clauseMatches(k.Lang, f.Clause.Source, true, f.Answer) {
			src := &textSource{text: f.Answer, file: f.Clause.Source.File, clause: f.Clause, answer: true, what: "the FAQ answer of clause " + f.Clause.Source.ID}
			out = append(out, textFinding{m: m, src: src, pos: site.Pos{File: src.file, Line: m.line, Col: 1}})
		}
	}
	c := k.Course
	field := func(text string, names bool, pos func() site.Pos, what string) {
		for _, m := range p.texts.plainMatches(k.Lang, text, names) {
			at := pos()
			src := &textSource{text: text, file: at.File, first: at.Line, col: at.Col, what: what}
			if m.line > 0 {
				at.Line, at.Col = at.Line+m.line, 1
			}
			out = append(out, textFinding{m: m, src: src, pos: at})
		}
	}
	field(c.Title, false, func() site.Pos { return c.KeyPos("title") }, "the course title")
	for i, s := range c.Includes {
		field(s, false, func() site.Pos { return c.KeyPos(fmt.Sprintf("includes[%d]", i)) }, "includes")
	}
	field(c.ForWhom, false, func() site.Pos { return c.KeyPos("for_whom") }, "for_whom")
	field(c.Results, false, func() site.Pos { return c.KeyPos("results") }, "results")
	for i, f := range c.FAQ {
		field(f.Answer, false, func() site.Pos { return c.KeyPos(fmt.Sprintf("faq[%d].answer", i)) }, "a [[faq]] answer")
	}
	for _, d := range c.Refund.Deductions {
		field(d.Name, true, func() site.Pos { return d.Pos }, "a deduction name")
	}
	if p.scanned == nil {
		p.scanned = map[*contract.Contract][]textFinding{}
	}
	p.scanned[k] = out
	return out
}

// reportText reports a text finding; course-independent findings in a
// clause file are reported site-wide, once.
func (p *Pass) reportText(k *contract.Contract, f textFinding, perCourse bool, format string, args ...any) {
	course := k.Course.Slug
	if f.src.clause != nil && !perCourse && f.pos.File != k.Course.File {
		course = ""
	}
	p.Report(f.pos, course, format, args...)
}

// textRule is the Run of a rule fed by phrases: keep decides, for a
// finding of the rule, whether this contract makes it a problem.
func textRule(name string, perCourse bool, msg func(p *Pass, k *contract.Contract, f textFinding) (string, bool)) func(*Pass) error {
	return func(p *Pass) error {
		for _, k := range p.Contracts {
			for _, f := range p.textFindings(k) {
				if f.m.p.Rule != name {
					continue
				}
				if text, ok := msg(p, k, f); ok {
					p.reportText(k, f, perCourse, "%s", text)
				}
			}
		}
		return nil
	}
}

func quoted(f textFinding) string { return "«" + f.m.text + "»" }

// TextWaiver: text excludes or limits refunds.
var TextWaiver = &Rule{
	Name:            "text/waiver",
	DefaultSeverity: Error,
	Doc: `Text of the contract, the FAQ or the course excludes or limits refunds: «денежные средства не возвращаются», «возврат не производится», «оплата возврату не подлежит», «Клиент отказывается от права на возврат»; "non-refundable", "no refunds", "the client waives the right of withdrawal". It reads the rendered text (after placeholders) of every clause and FAQ answer and the course's title, includes, for_whom, results, [[faq]] answers and deduction names, in the course's language.

Why: ru — the client may withdraw at any time and pays only the costs the seller actually incurred (Civil Code art. 782(1); ЗоЗПП art. 32); a term that removes or limits this right is void (ЗоЗПП art. 16) and including it is an administrative offence (КоАП art. 14.8(2)). eu/de/ro — the consumer may withdraw within 14 days and cannot waive it (Directive 2011/83/EU arts. 9, 25; BGB § 361(2); OUG 34/2014 art. 25). A key that says "prorata" does not help when the text a client reads says "no refunds". Each phrase's law is in generator/lint/phrases/<lang>.toml.

A sentence that grants a right is not a waiver: «деньги в любом случае возвращаются плательщику», «не возвращается только стоимость проведённой диагностики» (a limit on what is withheld, not on the right), «комиссию банк не возвращает» (about the bank) stay silent.

Fires: a site clause «После предоставления Клиенту доступа денежные средства не возвращаются, поскольку услуга считается оказанной в полном объёме»; the same sentence as a course [[faq]] answer; "By paying, the client waives the right of withdrawal."

Silent: «Клиент вправе отказаться от договора в любое время; деньги возвращаются в любом случае тому, кто оплатил курс.»

Fix: delete the sentence. The built-in clauses already say what the law allows: the undelivered share less documented costs.`,
	Run: textRule("text/waiver", false, func(p *Pass, k *contract.Contract, f textFinding) (string, bool) {
		return fmt.Sprintf("%s: %s excludes or limits refunds, which the law does not allow (%s)", f.src.what, quoted(f), f.m.p.Law), true
	}),
}

// TextAccessRendered: text treats access as the service rendered.
var TextAccessRendered = &Rule{
	Name:            "text/access-rendered",
	DefaultSeverity: Error,
	Doc: `Text treats granting access (to the platform, the recordings, the course) as rendering the service: «услуга считается оказанной в момент предоставления доступа», «после открытия доступа деньги не возвращаются»; "the service is deemed rendered once access is granted".

Why: ru — the Supreme Court holds that access granted does not prove the service was rendered (Определение № 4-КГ24-57-К1, 22.10.2024); a client who withdraws pays only for what was actually delivered and the costs actually incurred (Civil Code arts. 779, 782(1); ЗоЗПП art. 32), and a term deeming the service rendered at the start is void (ЗоЗПП art. 16). eu/de/ro — a consumer who withdraws pays the share proportional to what was provided (Directive 2011/83/EU art. 14(3)); only recorded content with the express consent and acknowledgement of art. 16(m) ends the right, and that is a consent, not a fiction in the terms.

Fires: «Услуга считается оказанной в полном объёме в момент предоставления Клиенту доступа к записям.»

Silent: «Предоставление доступа к записям не означает, что услуга оказана.»; «Услуга оказывается постепенно, по мере прохождения курса.»

Fix: count the units actually delivered (lessons held, recordings opened, homework reviewed) as "used", and say that the service is rendered as the course goes on.`,
	Run: textRule("text/access-rendered", false, func(p *Pass, k *contract.Contract, f textFinding) (string, bool) {
		return fmt.Sprintf("%s: %s treats granting access as rendering the service; access does not prove the service was rendered (%s)", f.src.what, quoted(f), f.m.p.Law), true
	}),
}

// TextTimeLimit: text limits withdrawal to fewer days than the law allows.
var TextTimeLimit = &Rule{
	Name:            "text/time-limit",
	DefaultSeverity: Error,
	Doc: `Text limits a refund or withdrawal to a period: «возврат возможен только в течение 3 дней», «по истечении 7 дней возврат не производится»; "refunds only within 3 days". Under ru any such limit fires (the right has no period); under eu, de and ro a period shorter than 14 days fires.

Why: ru — the client may withdraw at any time (Civil Code art. 782(1); ЗоЗПП art. 32); courts strike down "refunds only within N days" (ЗоЗПП art. 16). A guarantee period on top of that right («в первые 14 дней вернём всю оплату») is lawful and stays silent. eu/de/ro — the withdrawal period is at least 14 days (Directive 2011/83/EU art. 9; BGB § 355(2); OUG 34/2014 art. 9).

Fires: «Возврат возможен только в течение 3 дней с момента оплаты.»

Silent: «Исполнитель отправляет деньги не позднее чем через 10 дней со дня получения заявления.» (the seller's deadline, not the client's)

Fix: remove the limit; to reward early requests, set refund.guarantee_days instead, which adds to the right rather than replacing it.`,
	Run: textRule("text/time-limit", false, func(p *Pass, k *contract.Contract, f textFinding) (string, bool) {
		j := p.Site.Config.Jurisdiction
		if j != "ru" && f.m.num != "" {
			if n, ok := new(big.Rat).SetString(strings.ReplaceAll(f.m.num, ",", ".")); ok && n.Cmp(big.NewRat(14, 1)) >= 0 {
				return "", false
			}
		}
		limit := "the client may withdraw at any time"
		if j != "ru" {
			limit = "the withdrawal period is at least 14 days"
		}
		return fmt.Sprintf("%s: %s limits refunds to a period; under %s law %s (%s)", f.src.what, quoted(f), j, limit, f.m.p.Law), true
	}),
}

// TextRetention: text withholds a fixed share, fee or penalty.
var TextRetention = &Rule{
	Name:            "text/retention",
	DefaultSeverity: Warning,
	SeverityIn:      map[string]Severity{"ru": Error},
	Doc: `Text withholds a fixed share, a fee or a penalty when the client withdraws: «удерживает 20 % стоимости», «организационный сбор», «плата за доступ к платформе», «Клиент уплачивает неустойку»; "administration fee", "cancellation fee", "penalty". A percentage equal to the course's refund.bank_fee_percent or refund.retention_percent is left to refund/bank-fee and refund/fixed-retention, which see the same number in the keys.

Why: ru (error) — the client pays only the costs actually incurred for this contract, and they must be documented (Civil Code art. 782(1); ЗоЗПП art. 32); courts strike down fixed percentages, organisational fees and platform fees (ЗоЗПП art. 16). eu/de/ro (warning) — after a withdrawal no fee may be charged for the refund (Directive 2011/83/EU art. 13) and the consumer owes at most the share for what was provided (art. 14(3)); a warning there because a fee after the withdrawal period (termination) may be a lawful price term.

Fires: «Исполнитель удерживает 20 % стоимости курса в качестве организационного сбора.» with retention_percent = 0.

Silent: «Никаких сборов и штрафов за отказ от курса нет.»

Fix: delete the fee; list real costs as [[refund.deductions]] (withheld only when incurred, with documents).`,
	Run: textRule("text/retention", true, func(p *Pass, k *contract.Contract, f textFinding) (string, bool) {
		if f.src.what == "a deduction name" {
			return "", false // refund/deduction-suspicious judges names
		}
		if f.m.num != "" && strings.Contains(f.m.text, "%") {
			n, ok := new(big.Rat).SetString(strings.ReplaceAll(f.m.num, ",", "."))
			r := k.Course.Refund
			if ok && ((r.BankFeePercent != nil && r.BankFeePercent.Cmp(n) == 0) || (r.RetentionPercent != nil && r.RetentionPercent.Cmp(n) == 0)) {
				return "", false // the keys say the same; their rules judge it
			}
		}
		return fmt.Sprintf("%s: %s withholds a fixed share, fee or penalty on withdrawal; only actual, documented costs may be withheld (%s)", f.src.what, quoted(f), f.m.p.Law), true
	}),
}

// TextContradiction: text promises a full refund while the formula
// deducts.
var TextContradiction = &Rule{
	Name:            "text/contradiction",
	DefaultSeverity: Error,
	Doc: `Text promises a full refund («вернём всю сумму», «полный возврат», "full refund", "we refund the whole price") while the course's formula refunds less than the amount paid at used = 0 (a payment fee, a retention or a deduction), inside or outside the guarantee period. A promise qualified in the same or the next sentence («за вычетом комиссии», «вычитаются только…», "less the payment fee") or tied to a defect or a missed deadline (where the law gives everything back) is not a contradiction.

Why: ru — an ambiguous term is read for the consumer (Civil Code art. 431; Plenum of the Supreme Court № 49, п. 45): a contract that promises «всю оплату» and then deducts a fee refunds everything in court, and the information about the service must be accurate (ЗоЗПП arts. 10, 12). eu — the interpretation most favourable to the consumer prevails (Directive 93/13/EEC art. 5). The contract, the FAQ and the calculator must say the same thing.

Fires: «Если курс не подойдёт, мы вернём всю сумму.» with bank_fee_percent = 3.

Silent: the same sentence with bank_fee_percent = 0 and no deductions; «Мы вернём всю сумму за вычетом комиссии платёжного сервиса 3 %.»

Fix: say what is deducted in the same sentence, or stop deducting it.`,
	Run: textRule("text/contradiction", true, func(p *Pass, k *contract.Contract, f textFinding) (string, bool) {
		a, ok, err := p.Analysis(k)
		if !ok || err != nil {
			return "", false
		}
		paid := money.Round(k.Terms.Price, k.Terms.Currency)
		for _, c := range curves(a) {
			if len(c.Amounts) == 0 {
				continue
			}
			if c.Amounts[0].Cmp(paid) < 0 {
				return fmt.Sprintf("%s: %s promises a full refund, but course %q refunds %s of %s paid at used = 0%s; a promise is read for the client (%s)", f.src.what, quoted(f), k.Course.Slug, amountText(c.Amounts[0]), amountText(paid), inGuarantee(c), f.m.p.Law), true
			}
		}
		return "", false
	}),
}

// Conditions: an eligibility condition beyond identifying the client and
// the payer.
var Conditions = &Rule{
	Name:            "refund/conditions",
	DefaultSeverity: Warning,
	SeverityIn:      map[string]Severity{"ru": Error},
	Doc: `A course's contract holds an eligibility clause (kind "eligibility") other than the library's refund.condition.identity and refund.condition.payer, or any text makes a refund depend on what the client did: homework done, a report submitted, lessons attended or watched («возврат возможен только при условии выполнения домашних заданий»; "refunds only if all homework was submitted").

Why: ru (error) — the right to withdraw has no conditions (Civil Code art. 782(1); ЗоЗПП art. 32) and making a consumer right depend on other acts of the consumer is void (ЗоЗПП art. 16(2)); what a statement may be asked for is what identifies the client, the payment and the payer. eu/de/ro (warning) — the consumer withdraws without giving any reason (Directive 2011/83/EU art. 9) and cannot be asked for more than an unequivocal statement (art. 11); a warning because an eligibility clause there may only concern a contractual extra (a guarantee beyond the law).

Fires: a course with conditions = ["homework"] naming a site clause «Возврат возможен только при условии выполнения всех домашних заданий и сдачи отчёта».

Silent: conditions = ["identity", "payer"]; «Возврат не зависит от того, выполнены ли домашние задания.»

Fix: remove the condition; keep only refund.condition.identity and refund.condition.payer.`,
	Run: func(p *Pass) error {
		allowed := map[string]bool{"refund.condition.identity": true, "refund.condition.payer": true}
		for _, k := range p.Contracts {
			for _, cl := range k.Clauses {
				if cl.Source.Kind == "eligibility" && !allowed[cl.Source.ID] {
					p.Report(cl.Source.Pos(), k.Course.Slug, "clause %s is an eligibility condition beyond identifying the client and the payer, and the contract of course %q includes it: the right to a refund has no conditions", cl.Source.ID, k.Course.Slug)
				}
			}
			for _, f := range p.textFindings(k) {
				if f.m.p.Rule == "refund/conditions" {
					p.reportText(k, f, false, "%s: %s makes a refund depend on what the client did; the right to withdraw has no conditions (%s)", f.src.what, quoted(f), f.m.p.Law)
				}
			}
		}
		return nil
	},
}
