package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"html/template"
	"math/big"
	"strconv"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
)

func (r *Renderer) courseView(k *contract.Contract) *CourseView {
	c := k.Course
	l := k.Lang
	cur, _ := money.Lookup(c.Currency)
	dur, _ := lang.Units(l, c.Duration.Count, c.Duration.Unit)
	dir := contract.CoursePath(r.site, c)
	price := money.Round(c.Price, cur)
	cv := &CourseView{
		Slug:         c.Slug,
		Title:        c.Title,
		Format:       c.Format,
		FormatLabel:  r.theme.strings[l]["format_"+c.Format],
		Price:        money.Format(price, l),
		PriceShort:   money.FormatShort(price, l),
		PricePlain:   price.String(),
		Currency:     c.Currency,
		Duration:     dur,
		Includes:     c.Includes,
		ForWhom:      c.ForWhom,
		Results:      c.Results,
		ZFU:          c.ZFU,
		ContractHref: dir + "oferta/",
		FAQHref:      dir + "faq/",
		RefundHref:   dir + "refund/",
		ReviewDays:   lang.Days(l, c.Refund.ReviewDays),
		PayoutDays:   lang.Days(l, c.Refund.PayoutDays),
		Channel:      contract.ChannelText(k.Phrases, r.site.Config.Seller, c.Refund.Channel, r.site.Config.BaseURL),
	}
	if !c.Start.IsZero() {
		cv.Start = lang.Date(l, c.Start)
	}
	policy := ""
	if k.Terms != nil {
		policy = k.Terms.PolicyID
	}
	cv.RefundSummary = r.policySummary(l, policy)
	return cv
}

func (r *Renderer) contractView(k *contract.Contract) (*ContractView, error) {
	v := &ContractView{}
	for _, s := range k.Sections {
		sv := SectionView{Number: fmt.Sprint(s.Number), Title: s.Def.Title, Anchor: "s-" + s.Def.ID}
		for _, c := range s.Clauses {
			body, shared, err := r.markdownShared(c.Markdown)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.Source.File, err)
			}
			cv := ClauseView{Number: c.Number, ID: c.Source.ID, Anchor: c.Anchor, Title: c.Source.Title, Body: body}
			if err := r.clauseBlocks(k.Lang, &cv, shared); err != nil {
				return nil, err
			}
			sv.Clauses = append(sv.Clauses, cv)
		}
		v.Sections = append(v.Sections, sv)
	}
	return v, nil
}

// faqEntity is the JSON of one question of the FAQ page's JSON-LD. Most
// questions and answers are the same course after course: their JSON is
// made once.
func (r *Renderer) faqEntity(question, answer string) ([]byte, error) {
	key := question + "\x00" + answer
	r.ldMu.Lock()
	e, ok := r.ldEntities[key]
	r.ldMu.Unlock()
	if ok {
		return e, nil
	}
	type acceptedAnswer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
	e, err := json.Marshal(struct {
		Type   string         `json:"@type"`
		Name   string         `json:"name"`
		Answer acceptedAnswer `json:"acceptedAnswer"`
	}{"Question", question, acceptedAnswer{"Answer", answer}})
	if err != nil {
		return nil, err
	}
	// Kept the second time it comes: a question only one course has
	// costs a hash.
	h := maphash.String(unitSeed, key)
	r.ldMu.Lock()
	if r.ldSeen[h] {
		if len(r.ldEntities) < maxBlocks {
			r.ldEntities[key] = e
		}
	} else if len(r.ldSeen) < maxUnits*8 {
		r.ldSeen[h] = true
	}
	r.ldMu.Unlock()
	return e, nil
}

// faqJSONLD is the FAQ page's JSON-LD: what encoding/json makes of the
// map {"@context": "https://schema.org", "@type": "FAQPage",
// "inLanguage": lang, "mainEntity": entities} (its keys in order, no
// space, a list without questions null), put together from the JSON of
// each question (faqEntity). TestFAQJSONLD compares the two.
func faqJSONLD(lang string, entities [][]byte) (template.JS, error) {
	l, err := json.Marshal(lang)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.WriteString(`{"@context":"https://schema.org","@type":"FAQPage","inLanguage":`)
	b.Write(l)
	b.WriteString(`,"mainEntity":`)
	if entities == nil {
		b.WriteString("null")
	} else {
		b.WriteByte('[')
		for i, e := range entities {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(e)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return template.JS(b.String()), nil
}

// faqView is the FAQ page; the table and the calculator compute under
// terms, those of the edition in force.
func (r *Renderer) faqView(k *contract.Contract, pg *Page, terms *refund.Terms) (*FAQView, error) {
	v := &FAQView{}
	var entities [][]byte
	for i, f := range k.FAQ {
		render := r.markdown
		if f.FromCourse {
			render = r.courseMarkdown
		}
		html, err := render(f.Answer)
		if err != nil {
			return nil, err
		}
		prorata := f.Clause != nil && f.Clause.Source != nil && f.Clause.Source.ID == refund.PolicyProrata
		v.Items = append(v.Items, FAQItem{Anchor: fmt.Sprintf("q%d", i+1), Question: f.Question, Answer: html, Proration: prorata})
		e, err := r.faqEntity(f.Question, strings.TrimSpace(string(html)))
		if err != nil {
			return nil, err
		}
		entities = append(entities, e)
	}
	ld, err := faqJSONLD(k.Lang, entities)
	if err != nil {
		return nil, err
	}
	v.JSONLD = ld
	if terms == nil {
		return v, nil
	}
	if err := r.refundTable(k, v, terms); err != nil {
		// The formula cannot be evaluated for every `used`: lint reports
		// it; the page keeps the terms in words.
		v.Table = nil
		return v, nil
	}
	return v, nil
}

func (r *Renderer) refundTable(k *contract.Contract, v *FAQView, t *refund.Terms) error {
	c := k.Course
	l := k.Lang
	unitWord, _ := lang.UnitWord(l, 5, c.Duration.Unit)
	table := &RefundTable{UnitHeader: r.ui(l, "table_unit_header", "unit", unitWord), Price: money.Format(money.Round(t.Price, t.Currency), l)}
	var amounts []money.Amount
	var inGuarantee money.Amount
	var err error
	if t == k.Terms {
		amounts, inGuarantee, err = tableAmounts(k)
	} else {
		amounts, inGuarantee, err = computeAmounts(t)
	}
	if err != nil {
		return err
	}
	table.Constant = true
	for used, amount := range amounts {
		if amount.Cmp(amounts[0]) != 0 {
			table.Constant = false
		}
		table.Rows = append(table.Rows, RefundRow{
			Used:        used,
			UsedLabel:   r.ui(l, "table_used_of", "used", strconv.Itoa(used), "total", strconv.Itoa(t.Total)),
			Amount:      money.Format(amount, l),
			AmountPlain: amount.String(),
		})
	}
	if t.GuaranteeDays > 0 {
		table.GuaranteeNote = r.ui(l, "table_guarantee_note", "days", lang.Days(l, t.GuaranteeDays), "amount", money.Format(inGuarantee, l))
	}
	model, err := t.Model()
	if err != nil {
		return err
	}
	unitLabel, _ := lang.UnitWord(l, 5, c.Duration.Unit)
	v.Table = table
	if t == k.Terms {
		v.Example = k.Example // worked with the contract's own numbers
	}
	v.Calculator = &CalculatorView{
		Model:         template.JS(model),
		Total:         t.Total,
		Unit:          unitLabel,
		Price:         money.Round(t.Price, t.Currency).String(),
		PriceTyped:    money.Typed(money.Round(t.Price, t.Currency), l),
		GuaranteeDays: t.GuaranteeDays,
	}
	v.Calculator.HintWhole, v.Calculator.HintPart = paidHints(t.Price, t.Currency, l)
	return nil
}

func (r *Renderer) statementView(k *contract.Contract, cv *CourseView, st edition.Status, links []EditionLink) (*StatementView, error) {
	l := k.Lang
	base := r.site.Config.BaseURL
	cur, _ := money.Lookup(k.Course.Currency)
	v := &StatementView{
		OfferURL:     base + cv.EditionHref,
		Edition:      lang.Date(l, st.InForce),
		ReviewDays:   cv.ReviewDays,
		PayoutDays:   cv.PayoutDays,
		Channel:      cv.Channel,
		Jurisdiction: r.site.Config.Jurisdiction,
		Currency:     cur.Code,
		Digits:       cur.Digits,
	}
	// Scheduled editions bind nobody yet: a client picks among the ones
	// that have been in force.
	for _, e := range links {
		if e.State == "coming" {
			continue
		}
		e.Href = base + e.Href
		v.Editions = append(v.Editions, e)
	}
	if len(v.Editions) > 1 {
		// Which edition binds a client depends on the day they paid: the
		// printed form leaves it blank, the script fills it in from the
		// date of payment.
		v.Edition = ""
		v.OfferURL = base + cv.ContractHref
	}
	// The law gives every ground whatever the contract says, so the
	// statement offers all of them; where the contract has the clause,
	// the statement cites it.
	for _, g := range statutoryGrounds {
		gv := GroundView{Kind: g.kind, Details: g.details}
		if c, ok := k.Clause(g.clause); ok {
			gv.Clause = c.Number
		}
		v.Grounds = append(v.Grounds, gv)
	}
	return v, nil
}

// statutoryGrounds are the grounds on which a consumer may claim the money
// back under Russian law, in the order the statement lists them:
// withdrawal at any time (ЗоЗПП art. 32, ГК art. 782), defects (ЗоЗПП
// art. 29) and a missed deadline (ЗоЗПП art. 28).
var statutoryGrounds = []struct {
	kind, clause string
	details      bool
}{
	{"withdrawal", "refund.ground.withdrawal", false},
	{"defect", "refund.ground.defect", true},
	{"deadline", "refund.ground.missed-deadline", true},
}

// tableAmounts returns what refund.Compute gives at paid = price for every
// used = 0..Total outside the guarantee period, and for used = 0 inside
// it, with the error Compute would give for any of them. The curves of
// refund.Analyze are the same amounts for about half the work (Compute
// also builds each request's steps, which the table does not show), and
// lint has usually computed them already (see contract.Analysis).
func tableAmounts(k *contract.Contract) (amounts []money.Amount, inGuarantee money.Amount, err error) {
	t := k.Terms
	a, err := k.Analysis() // shared with lint: read only
	if err != nil {
		// Analyze also evaluates at a one-unit payment, which may fail
		// where the table's requests do not: ask Compute row by row.
		return computeAmounts(t)
	}
	price := money.Round(t.Price, t.Currency)
	inBounds := func(x money.Amount) error {
		if x.Sign() < 0 || x.Cmp(price) > 0 {
			return fmt.Errorf("the refund formula gives %s, outside 0..%s", x, price)
		}
		return nil
	}
	for _, x := range a.Outside.Amounts {
		if err := inBounds(x); err != nil {
			return nil, money.Amount{}, err
		}
	}
	if t.GuaranteeDays > 0 {
		if a.Inside == nil || len(a.Inside.Amounts) == 0 {
			return computeAmounts(t)
		}
		inGuarantee = a.Inside.Amounts[0]
		if err := inBounds(inGuarantee); err != nil {
			return nil, money.Amount{}, err
		}
	}
	return a.Outside.Amounts, inGuarantee, nil
}

// computeAmounts is tableAmounts by refund.Compute, one request at a time.
func computeAmounts(t *refund.Terms) (amounts []money.Amount, inGuarantee money.Amount, err error) {
	for used := 0; used <= t.Total; used++ {
		res, err := refund.Compute(t, refund.Request{Used: used})
		if err != nil {
			return nil, money.Amount{}, err
		}
		amounts = append(amounts, res.Amount)
	}
	if t.GuaranteeDays > 0 {
		res, err := refund.Compute(t, refund.Request{Used: 0, Day: 0, HasDay: true})
		if err != nil {
			return nil, money.Amount{}, err
		}
		inGuarantee = res.Amount
	}
	return amounts, inGuarantee, nil
}

// paidHints are the two example amounts of the calculator's "paid" hint,
// both no more than price: the price in whole units, and about half of it
// with half a unit ("9900" and "4950,50" for 9 900 ₽ in Russian).
func paidHints(price *big.Rat, c money.Currency, lang string) (whole, part string) {
	w := new(big.Int).Quo(price.Num(), price.Denom())
	whole = w.String()
	half := new(big.Rat).SetInt(new(big.Int).Quo(w, big.NewInt(2)))
	if c.Digits > 0 {
		half.Add(half, big.NewRat(1, 2))
	}
	return whole, money.Typed(money.Round(half, c), lang)
}
