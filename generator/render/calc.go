package render

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/spell"
)

// CalcLine is one line of a refund calculation: what it is, and the signed
// amount it adds to the refund.
type CalcLine struct {
	Kind   string
	Label  string
	Amount money.Amount
}

// CalcLines labels the steps of a refund result in the course's
// language, with the phrases of its library ([calc] of phrases.toml).
func CalcLines(k *contract.Contract, req refund.Request, res refund.Result) []CalcLine {
	l := k.Lang
	c := k.Course
	p := k.Phrases
	out := make([]CalcLine, 0, len(res.Steps))
	for _, s := range res.Steps {
		var label string
		switch s.Kind {
		case refund.StepPaid:
			label = p.Text("calc.paid")
		case refund.StepDelivered:
			done, _ := lang.Units(l, req.Used, c.Duration.Unit)
			label = p.Text("calc.delivered", "done", done, "total", strconv.Itoa(k.Terms.Total))
		case refund.StepBankFee:
			label = p.Text("calc.bank_fee", "percent", lang.Percent(l, c.Refund.BankFeePercent))
		case refund.StepRetention:
			label = p.Text("calc.retention", "percent", lang.Percent(l, c.Refund.RetentionPercent))
		case refund.StepDeduction:
			label = p.Text("calc.cost", "name", s.Name)
		case refund.StepWithheld:
			label = p.Text("calc.withheld")
		case refund.StepFloor:
			label = p.Text("calc.floor")
		case refund.StepRounding:
			label = p.Text("calc.rounding")
		case refund.StepFormula:
			label = p.Text("calc.formula")
		case refund.StepResult:
			label = p.Text("calc.result")
		default:
			label = s.Kind
		}
		out = append(out, CalcLine{Kind: s.Kind, Label: label, Amount: s.Amount})
	}
	return out
}

// CalcFor says whom a calculation is for. Every field is optional: the
// text and JSON formats print what is given, the document leaves a blank
// for a missing client or order.
type CalcFor struct {
	Client string    // the client's name
	Order  string    // the order or payment number
	Date   time.Time // the day the client's request arrived; zero if unknown
}

// partyLines are the "Client: …", "Order: …", "Request of: …" lines of the
// text format, for the fields that are given.
func (w CalcFor) partyLines(p *site.Phrases, l string) []string {
	var out []string
	if w.Client != "" {
		out = append(out, p.Text("calc.client", "name", w.Client))
	}
	if w.Order != "" {
		out = append(out, p.Text("calc.order", "order", w.Order))
	}
	if !w.Date.IsZero() {
		out = append(out, p.Text("calc.date", "date", lang.Date(l, w.Date)))
	}
	return out
}

// AmountWords is the refund in words in the course's language, or "" when
// the language has no tables (the figures stand alone then).
func AmountWords(a money.Amount, l string) string {
	w, err := spell.Amount(a, l)
	if err != nil {
		return ""
	}
	return w
}

// CalcText is the breakdown an expert pastes into a reply to the client.
func CalcText(k *contract.Contract, req refund.Request, res refund.Result, who CalcFor) string {
	l := k.Lang
	title, guaranteeNote := k.Phrases.Text("calc.title"), k.Phrases.Text("calc.guarantee")
	lines := CalcLines(k, req, res)
	width := 0
	for _, ln := range lines {
		width = max(width, len([]rune(ln.Label)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", title, k.Course.Title)
	for _, p := range who.partyLines(k.Phrases, l) {
		b.WriteString(p + "\n")
	}
	if res.Guarantee {
		fmt.Fprintf(&b, "%s\n", guaranteeNote)
	}
	b.WriteString("\n")
	for _, ln := range lines {
		if ln.Kind == refund.StepResult {
			b.WriteString(strings.Repeat("─", width+18) + "\n")
		}
		// Paid, the formula's value and the result are amounts; the
		// lines between them add to or take from the amount paid.
		amount := money.Format(ln.Amount, l)
		total := ln.Kind == refund.StepPaid || ln.Kind == refund.StepResult || ln.Kind == refund.StepFormula
		if !total && ln.Amount.Sign() < 0 {
			amount = "−" + money.Format(ln.Amount.Neg(), l)
		} else if !total && ln.Amount.Sign() > 0 {
			amount = "+" + amount
		}
		pad := width - len([]rune(ln.Label))
		lead := max(0, 18-len([]rune(amount)))
		fmt.Fprintf(&b, "%s%s  %s%s\n", ln.Label, strings.Repeat(" ", pad), strings.Repeat(" ", lead), amount)
	}
	if w := AmountWords(res.Amount, l); w != "" {
		b.WriteString(k.Phrases.Text("calc.in_words", "words", w) + "\n")
	}
	return b.String()
}

// Calculation renders the printable "refund calculation" document: the
// seller, the course, the amounts and each deduction with its reason.
func (r *Renderer) Calculation(k *contract.Contract, req refund.Request, res refund.Result, who CalcFor) ([]byte, error) {
	return r.CalculationIn(k, req, res, EditionRef{}, who, CalcNotes(k, req, res, 0, nil))
}

// CalcNotes are the sentences printed under a calculation, in the words
// of the library's phrases ([calc] note_*): which rule a course with a
// guarantee period was computed under when the calculation itself does
// not say (after the period, or without the day of the request), the
// units a late joiner of a group did not pay for (heldBefore), and the
// contract's costs not withheld from this client (skip). Inside the
// guarantee period the calculation states it itself (calc.guarantee).
func CalcNotes(k *contract.Contract, req refund.Request, res refund.Result, heldBefore int, skip []string) []string {
	var notes []string
	if g := k.Terms.GuaranteeDays; g > 0 && !res.Guarantee {
		period := lang.Days(k.Lang, g)
		if req.HasDay {
			notes = append(notes, k.Phrases.Text("calc.note_after_guarantee", "day", strconv.Itoa(req.Day), "period", period))
		} else {
			notes = append(notes, k.Phrases.Text("calc.note_no_day", "period", period))
		}
	}
	if heldBefore > 0 {
		all, _ := lang.Units(k.Lang, k.Terms.Total+heldBefore, k.Course.Duration.Unit)
		notes = append(notes, k.Phrases.Text("calc.note_late_joiner", "before", strconv.Itoa(heldBefore), "all", all, "rest", strconv.Itoa(k.Terms.Total)))
	}
	for _, name := range skip {
		notes = append(notes, k.Phrases.Text("calc.note_not_withheld", "name", name))
	}
	return notes
}

// EditionRef names the contract edition a calculation is made under: its
// date and its permanent address from the site root.
type EditionRef struct {
	Date time.Time
	Href string // "smm/oferta/2026-11-01/"
}

// CalculationIn is Calculation under the edition ed: the document states
// its date and links its permanent address. A zero ed is the site's
// edition and the course's contract address. notes (CalcNotes) are
// printed under the amounts, as `oferta calc` prints them under its text.
func (r *Renderer) CalculationIn(k *contract.Contract, req refund.Request, res refund.Result, ed EditionRef, who CalcFor, notes []string) ([]byte, error) {
	l := k.Lang
	title := k.Phrases.Text("calc.title")
	cv := r.courseView(k)
	cv.EditionHref = cv.ContractHref
	if ed.Href != "" {
		cv.EditionHref = ed.Href
	}
	pg := r.newPage("calc", l, contract.CoursePath(r.site, k.Course)+"calc/", titleOf(title, k.Course.Title), false)
	pg.Canonical = ""
	pg.Course = cv
	if !ed.Date.IsZero() {
		pg.Site.Edition, pg.Site.EditionISO = lang.Date(l, ed.Date), ed.Date.Format("2006-01-02")
	}
	view := &CalcView{
		Used:        r.usedOfUnits(l, req.Used, k.Terms.Total, k.Course.Duration.Unit),
		Paid:        money.Format(res.Paid, l),
		Refund:      money.Format(res.Amount, l),
		RefundPlain: res.Amount.String(),
		RefundWords: AmountWords(res.Amount, l),
		Client:      who.Client,
		Order:       who.Order,
		Guarantee:   res.Guarantee,
		FormulaText: k.FormulaText,
		PolicyTitle: k.Policy.Source.Title,
		PolicyRef:   k.Policy.Number,
		Notes:       notes,
	}
	if req.HasDay {
		view.Day = fmt.Sprint(req.Day)
	}
	if !who.Date.IsZero() {
		view.Date = lang.Date(l, who.Date)
		view.DateISO = who.Date.Format(time.DateOnly)
	}
	for _, ln := range CalcLines(k, req, res) {
		amount := money.Format(ln.Amount, l)
		if ln.Amount.Sign() < 0 {
			amount = "−" + money.Format(ln.Amount.Neg(), l)
		}
		view.Lines = append(view.Lines, CalcLineView{Kind: ln.Kind, Label: ln.Label, Amount: amount, Total: ln.Kind == refund.StepResult})
	}
	for _, d := range k.Course.Refund.Deductions {
		view.Deductions = append(view.Deductions, CalcLineView{Kind: refund.StepDeduction, Label: d.Name, Amount: money.FormatRat(d.Amount, k.Terms.Currency, l)})
	}
	css, ok := r.theme.from.Asset("assets/style.css")
	if !ok {
		return nil, &site.Error{File: r.theme.from.Dir + "/assets/style.css", Err: errors.New("the theme has no style sheet assets/style.css, which the calculation document inlines")}
	}
	view.InlineCSS = template.CSS(css.Data)
	pg.Calc = view
	// The document is standalone: links to assets point next to it.
	pg.Root = ""
	return r.page(pg)
}

// usedOfUnits is "3 недели из 8": the units used, with their word.
func (r *Renderer) usedOfUnits(l string, used, total int, unit string) string {
	done, err := lang.Units(l, used, unit)
	if err != nil {
		return r.ui(l, "table_used_of", "used", strconv.Itoa(used), "total", strconv.Itoa(total))
	}
	return r.ui(l, "table_units_of", "units", done, "total", strconv.Itoa(total))
}

// stepLabels are the labels CalcLines gives every step the calculator can
// show for contract k, as JSON for the page (CalculatorView.Labels): the
// browser writes the breakdown in exactly the words of `oferta calc`.
func stepLabels(k *contract.Contract) (template.JS, error) {
	if k.Terms == nil {
		return "", nil
	}
	label := func(used int, s refund.Step) string {
		return CalcLines(k, refund.Request{Used: used}, refund.Result{Steps: []refund.Step{s}})[0].Label
	}
	out := map[string]any{}
	for _, kind := range []string{refund.StepPaid, refund.StepBankFee, refund.StepRetention, refund.StepWithheld,
		refund.StepFloor, refund.StepRounding, refund.StepFormula, refund.StepResult} {
		out[kind] = label(0, refund.Step{Kind: kind})
	}
	delivered := make([]string, 0, k.Terms.Total+1)
	for used := 0; used <= k.Terms.Total; used++ {
		delivered = append(delivered, label(used, refund.Step{Kind: refund.StepDelivered}))
	}
	out[refund.StepDelivered] = delivered
	deductions := []string{}
	for _, d := range k.Terms.Deductions {
		deductions = append(deductions, label(0, refund.Step{Kind: refund.StepDeduction, Name: d.Name}))
	}
	out[refund.StepDeduction] = deductions
	return jsonLD(out)
}
