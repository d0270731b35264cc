package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

func runCalc(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "calc", "calc COURSE --used N [--paid AMOUNT] [--day N] [--skip-deduction NAME]… [--held-before N] [--paid-on DATE] [--client NAME] [--order ID] [--date YYYY-MM-DD] [--format text|json|html|pdf] [-s DIR]")
	dir := fs.String("s", ".", "the site `folder`")
	used := intUnset(fs, "used", "units of the course already delivered (0 to the course's duration)")
	paidText := fs.String("paid", "", "the `amount` actually paid, e.g. 40000, 40000.50 or \"40 000,50\", as the FAQ calculator takes it (default: the price)")
	day := intUnset(fs, "day", "days since the client's start; decides whether the guarantee period applies (without it, on a course with a guarantee, the refund is computed outside it and calc says so)")
	var skip nameList
	fs.Var(&skip, "skip-deduction", "a deduction of the contract, by its `name`, that was not incurred for this client: it is not withheld; repeatable")
	heldBefore := intUnset(fs, "held-before", "group course: units whose sessions all took place before the client paid (a late joiner); the client's course is the rest, and the payment is shared out over it")
	format := fs.String("format", "text", "output: text, json, html (a printable calculation document) or pdf (the same, printed by Chromium)")
	paidOn := fs.String("paid-on", "", "the `date` of payment (YYYY-MM-DD): the refund is computed under the contract edition in force that day (default: the edition in force today)")
	calcFor := calcForFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	bad := func(format string, args ...any) int {
		fmt.Fprintf(e.stderr, "oferta calc: "+format+"\n", args...)
		return exitBadInput
	}
	if len(pos) != 1 {
		if len(pos) > 1 {
			fmt.Fprintf(e.stderr, "oferta calc: one course at a time; got %d: %s\n", len(pos), strings.Join(pos, " "))
		}
		fs.Usage()
		return exitBadInput
	}
	switch *format {
	case "text", "json", "html", "pdf":
	default:
		return bad("unknown format %q; use text, json, html or pdf", *format)
	}
	usedGiven := false
	fs.Visit(func(f *flag.Flag) { usedGiven = usedGiven || f.Name == "used" })
	switch {
	case !usedGiven:
		return bad("--used is required: how many units of the course were delivered (0 or more)")
	case *used < 0:
		return bad("--used must be 0 or more, not %d", *used)
	}
	checked, err := pipeline.CheckContext(ctx, *dir, e.builtin)
	if err != nil {
		return inputError(ctx, e, *dir, err)
	}
	k, err := findCourse(checked, pos[0])
	if err != nil {
		return bad("%v", err)
	}
	k, ed, err := calcEdition(checked, k, *paidOn)
	if err != nil {
		return bad("%v", err)
	}
	if k.Terms == nil {
		for _, p := range k.Problems {
			fmt.Fprintf(e.stderr, "%s: %s [%s]\n", sitePath(*dir, p.Pos.String()), p.Message, p.Rule)
		}
		return bad("course %q has no computable refund formula (run oferta lint)", k.Course.Slug)
	}
	held := 0
	if given(fs, "held-before") {
		if *heldBefore < 0 {
			return bad("--held-before must be 0 or more, not %d", *heldBefore)
		}
		if k.Course.Format != "group" {
			return bad("--held-before is for a group course (a client who joined after the start); %q is a %s course", k.Course.Slug, k.Course.Format)
		}
		held = *heldBefore
	}
	if k, err = forClient(k, held, skip); err != nil {
		return bad("%v", err)
	}
	if *used > k.Terms.Total {
		if held > 0 {
			return bad("--used %d is more than the client's course has: %d %s of %d, %d held before the client paid", *used, k.Terms.Total, k.Course.Duration.Unit+"s", k.Terms.Total+held, held)
		}
		return bad("--used %d is more than the course has: %d %s", *used, k.Terms.Total, k.Course.Duration.Unit+"s")
	}
	req := refund.Request{Used: *used}
	if *paidText != "" {
		// Read as the FAQ calculator reads it: "20 000", "40 000,50".
		paid, err := money.ParseTyped(*paidText, k.Terms.Currency)
		if err != nil {
			return bad("--paid %q is not an amount: %v", *paidText, err)
		}
		if paid.Sign() <= 0 {
			return bad("--paid must be more than 0")
		}
		if paid.Cmp(k.Terms.Price) > 0 {
			return bad("--paid %s is more than the price %s", *paidText, money.Round(k.Terms.Price, k.Terms.Currency))
		}
		req.Paid = paid
	}
	dayGiven := false
	fs.Visit(func(f *flag.Flag) { dayGiven = dayGiven || f.Name == "day" })
	if dayGiven {
		if *day < 0 {
			return bad("--day must be 0 or more")
		}
		req.Day, req.HasDay = *day, true
	}
	res, err := refund.Compute(k.Terms, req)
	if err != nil {
		return bad("%v", err)
	}
	who, err := calcFor(*format == "html")
	if err != nil {
		return bad("%v", err)
	}
	notes := render.CalcNotes(k, req, res, held, skip)
	if k.Terms.GuaranteeDays > 0 && !req.HasDay {
		fmt.Fprintf(e.stderr, "oferta calc: %s has a guarantee period of %d days; without --day the refund is computed outside it. Give --day N (days since the client's start) to decide.\n", k.Course.Slug, k.Terms.GuaranteeDays)
	}
	switch *format {
	case "json":
		return calcJSON(e, k, req, res, checked.Site.Config.BaseURL, ed, who, calcExtra{Notes: notes, HeldBefore: held, Skipped: skip})
	case "html", "pdf":
		r, err := render.New(checked.Site)
		if err != nil {
			return printErrors(e, *dir, err)
		}
		doc, err := r.CalculationIn(k, req, res, ed, who, notes)
		if err != nil {
			return bad("%v", err)
		}
		if *format == "pdf" {
			if doc, err = calcPDF(ctx, r, doc); err != nil {
				return bad("%v", err)
			}
		}
		e.stdout.Write(doc)
		return exitOK
	}
	fmt.Fprint(e.stdout, render.CalcText(k, req, res, who))
	for _, n := range notes {
		fmt.Fprintln(e.stdout, n)
	}
	fmt.Fprintln(e.stdout, calcEditionLine(k, checked.Site.Config.BaseURL, ed))
	return exitOK
}

// findCourse finds a course by slug, or by "lang/slug" when two languages
// share a slug.
func findCourse(c *pipeline.Checked, name string) (*contract.Contract, error) {
	var found []*contract.Contract
	var slugs []string
	for _, k := range c.Contracts {
		full := k.Course.Language + "/" + k.Course.Slug
		if k.Course.Slug == name || full == name {
			found = append(found, k)
		}
		slugs = append(slugs, k.Course.Slug)
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := fmt.Sprintf("no course %q in this site", name)
		if s := site.Suggest(name, slugs); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else if len(slugs) > 0 {
			msg += "; courses: " + strings.Join(slugs, ", ")
		}
		return nil, fmt.Errorf("%s", msg)
	}
	return nil, fmt.Errorf("%q names courses in several languages; write it as LANG/%s", name, name)
}

type calcStep struct {
	Kind   string `json:"kind"`
	Label  string `json:"label"`
	Amount string `json:"amount"`
}

// calcJSON prints the SPEC's object: money as strings with the minor
// unit's decimals.
func calcJSON(e *env, k *contract.Contract, req refund.Request, res refund.Result, baseURL string, ed render.EditionRef, who render.CalcFor, x calcExtra) int {
	out := struct {
		Course    string `json:"course"`
		Language  string `json:"language"`
		Currency  string `json:"currency"`
		Policy    string `json:"policy"`
		Paid      string `json:"paid"`
		Used      int    `json:"used"`
		Total     int    `json:"total"`
		Day       *int   `json:"day,omitempty"`
		Guarantee bool   `json:"guarantee"`
		// GuaranteeDays is the course's guarantee period. Notes are the
		// sentences the text format prints under the calculation: which
		// rule applied on a course with a guarantee (with or without
		// --day), a late joiner's units, deductions not withheld.
		GuaranteeDays int      `json:"guarantee_days,omitempty"`
		Notes         []string `json:"notes,omitempty"`
		// HeldBefore and SkippedDeductions echo --held-before and
		// --skip-deduction; Total is then the client's own units.
		HeldBefore        int        `json:"held_before,omitempty"`
		SkippedDeductions []string   `json:"skipped_deductions,omitempty"`
		Refund            string     `json:"refund"`
		Steps             []calcStep `json:"steps"`
		// Edition is the date of the contract edition the refund is
		// computed under, EditionURL its permanent address.
		Edition    string `json:"edition"`
		EditionURL string `json:"edition_url"`
		// The refund in words, and whom the calculation is for when
		// given.
		RefundWords string `json:"refund_words,omitempty"`
		Client      string `json:"client,omitempty"`
		Order       string `json:"order,omitempty"`
		Date        string `json:"date,omitempty"`
	}{
		Course: k.Course.Slug, Language: k.Lang, Currency: k.Terms.Currency.Code, Policy: k.Terms.PolicyID,
		Paid: res.Paid.String(), Used: req.Used, Total: k.Terms.Total, Guarantee: res.Guarantee,
		Refund: res.Amount.String(), Steps: []calcStep{},
		Edition: ed.Date.Format("2006-01-02"), EditionURL: baseURL + ed.Href,
		RefundWords: render.AmountWords(res.Amount, k.Lang), Client: who.Client, Order: who.Order,
		GuaranteeDays: k.Terms.GuaranteeDays, Notes: x.Notes, HeldBefore: x.HeldBefore, SkippedDeductions: x.Skipped,
	}
	if !who.Date.IsZero() {
		out.Date = who.Date.Format(time.DateOnly)
	}
	if req.HasDay {
		d := req.Day
		out.Day = &d
	}
	for _, ln := range render.CalcLines(k, req, res) {
		out.Steps = append(out.Steps, calcStep{Kind: ln.Kind, Label: ln.Label, Amount: ln.Amount.String()})
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(e.stderr, "oferta calc:", err)
		return exitBadInput
	}
	return exitOK
}

// calcExtra is what calc's JSON adds to the request and the result.
type calcExtra struct {
	Notes      []string
	HeldBefore int
	Skipped    []string
}

// nameList is a flag that may be given several times.
type nameList []string

func (n *nameList) String() string { return strings.Join(*n, ",") }

func (n *nameList) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return fmt.Errorf("a deduction's name is needed, as the contract lists it")
	}
	*n = append(*n, v)
	return nil
}

// given reports whether the flag name was set on the command line.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// forClient returns k computing under the terms of one client's request
// (refund.Terms.ForClient): a late joiner's own units, deductions not
// incurred left out of the terms and of the course, so that every format
// lists only what is withheld. k is not changed.
func forClient(k *contract.Contract, heldBefore int, skip []string) (*contract.Contract, error) {
	t, err := k.Terms.ForClient(heldBefore, skip)
	if err != nil || t == k.Terms {
		return k, err
	}
	u := *k
	u.Terms = t
	c := *k.Course
	c.Refund.Deductions = nil
	for _, d := range k.Course.Refund.Deductions {
		if !slices.Contains(skip, d.Name) {
			c.Refund.Deductions = append(c.Refund.Deductions, d)
		}
	}
	u.Course = &c
	return &u, nil
}
