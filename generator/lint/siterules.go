package lint

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/oferta-dev/oferta/generator/site"
)

// Rules on the site as published and on the seller: a base URL, the
// scaffold's sample data, the seller's name, the Russian text; and the
// refund keys that text and deadlines must agree with.

// BaseURLMissing: no base_url.
var BaseURLMissing = &Rule{
	Name:            "site/base-url-missing",
	DefaultSeverity: Error,
	Doc: `oferta.toml has no base_url.

Why: the contract, the refund statement and the calculation document quote the contract's address, and the client keeps them on paper or as a file; a relative path such as "smm/oferta/" means nothing there, so the client cannot show which offer they accepted (Civil Code arts. 435, 437(2): the offer must be identifiable and contain all its terms). Sitemaps and feeds need absolute addresses too.

Fires: an oferta.toml without base_url.

Silent: base_url = "https://school.example/".

Fix: set base_url to the address the site is published at. To preview a site before it has one, build with --draft (which builds despite lint errors and marks every page as a draft).`,
	Run: func(p *Pass) error {
		if cfg := p.Site.Config; strings.TrimSpace(cfg.BaseURL) == "" {
			p.Report(site.Pos{File: cfg.File, Line: 1, Col: 1}, "", "base_url is not set: the contract, the statement and the calculation would cite a relative address; set base_url = \"https://…/\" (or build with --draft to preview)")
		}
		return nil
	},
}

// The scaffold's sample data (cmd/oferta/scaffold, one sample site per
// language; a test keeps the two in step). Each is a value the seller must
// replace before publishing.
var (
	sampleSeller = map[string][]string{
		"name":           {"ИП Образцова Мария Ивановна", "Sample Academy Ltd", "Muster Lernstudio GmbH", "Exemplu Educație SRL"},
		"inn":            {"771234567859"},
		"ogrn":           {"326774600123455"},
		"vat_id":         {"EE000000000", "DE000000000", "RO000000000"},
		"register":       {"Commercial Register, registry code 00000000", "Amtsgericht Beispielstadt, HRB 00000", "J40/0000/2026"},
		"address":        {"Россия, 101000, г. Москва, ул. Образцовая, д. 1", "Sample Street 1, 10111 Tallinn, Estonia", "Beispielstraße 1, 00000 Musterstadt", "Strada Exemplu nr. 1, 010000 București"},
		"phone":          {"+372 000 0000", "+49 000 0000000", "+40 000 000 000"},
		"representative": {"Max Mustermann (Geschäftsführer)"},
	}
	sampleSellerKeys   = []string{"name", "inn", "ogrn", "vat_id", "register", "representative", "address", "phone"}
	sampleTitles       = []string{"My school", "Meine Schule", "Școala mea"}
	sampleCourseFields = map[string][]string{
		"for_whom": {"Who this course is for.", "Für wen der Kurs gedacht ist.", "Cui i se adresează cursul."},
		"results":  {"What a student can expect to be able to do (no promises).", "Was Teilnehmende danach können sollen (ohne Versprechen).", "Ce va putea face cursantul la final (fără promisiuni)."},
	}
)

// SellerSample: the scaffold's sample seller or placeholder texts.
var SellerSample = &Rule{
	Name:            "seller/sample",
	DefaultSeverity: Error,
	Doc: `The scaffold's sample data is still there: a [seller] key of oferta.toml (name, inn, ogrn, vat_id, register, representative, address, phone; in any language's sample site), the title or the placeholder base_url still has the value "oferta new site" wrote, or a course's for_whom or results still has the placeholder text of "oferta new course".

Why: the sample ИНН and ОГРНИП pass their check digits, so no other rule notices them; a contract that names a made-up seller does not identify the seller at all (Civil Code art. 437(2); ЗоЗПП art. 9), and English placeholder sentences in a Russian contract are not information about the service (ЗоЗПП arts. 8, 10).

Fires: [seller] name = "ИП Образцова Мария Ивановна"; for_whom = "Who this course is for.".

Silent: the seller's own details and the course's own texts.

Fix: replace each value the message names with your own.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		if p.Whole {
			for _, key := range sampleSellerKeys {
				if v := sellerField(cfg.Seller, key); v != "" && slices.Contains(sampleSeller[key], v) {
					p.Report(cfg.KeyPos("seller."+key), "", "seller.%s is still the sample value of \"oferta new site\": replace it with your own", key)
				}
			}
			if slices.Contains(sampleTitles, cfg.Title) {
				p.Report(cfg.KeyPos("title"), "", "title is still the sample value %q of \"oferta new site\": give the school's name", cfg.Title)
			}
			if cfg.BaseURL == site.SampleBaseURL {
				p.Report(cfg.KeyPos("base_url"), "", "base_url is still the placeholder %q of \"oferta new site\": give the address where the pages are published", site.SampleBaseURL)
			}
		}
		for _, k := range p.Contracts {
			c := k.Course
			for key, v := range map[string]string{"for_whom": c.ForWhom, "results": c.Results} {
				if t := strings.TrimSpace(v); t != "" && slices.Contains(sampleCourseFields[key], t) {
					p.Report(c.KeyPos(key), c.Slug, "%s is still the placeholder %q of \"oferta new course\": say it for this course", key, t)
				}
			}
		}
		return nil
	},
}

var (
	ipMarker  = regexp.MustCompile(`(?i)(^|[^\p{L}])(ип|индивидуальн(ый|ого) предпринимател(ь|я))([^\p{L}]|$)`)
	oooMarker = regexp.MustCompile(`(?i)(^|[^\p{L}])(ооо|общество с ограниченной ответственностью)([^\p{L}]|$)`)
)

// patronymic is how a Russian patronymic ends.
var patronymic = regexp.MustCompile(`(?:вич|вна|чна|ична|оглы|кызы|улы)$`)

// fullName reports whether an ИП's name, without the «ИП» marker, is a
// full personal name: three or more capitalised Cyrillic words, one of
// them a patronymic (a brand such as «Школа Марины Соколовой» is not).
func fullName(s string) bool {
	s = ipMarker.ReplaceAllString(s, " ")
	n, patr := 0, false
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.«»\"")
		if w == "" {
			continue
		}
		first := []rune(w)[0]
		if !unicode.Is(unicode.Cyrillic, first) || !unicode.IsUpper(first) {
			return false // a brand or a Latin word: not a personal name
		}
		if patronymic.MatchString(strings.ToLower(w)) {
			patr = true
		}
		n++
	}
	return n >= 3 && patr
}

// NameForm: the seller's name does not have the form the law expects.
var NameForm = &Rule{
	Name:            "seller/name-form",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"ru"},
	Doc: `seller.name does not have the form Russian law expects of the seller's kind: an ip's name must say «ИП» or «Индивидуальный предприниматель» and give the full name — surname, first name and patronymic, three words (e.g. «ИП Соколова Марина Андреевна»); an ooo's name must give its legal form, «ООО» or «Общество с ограниченной ответственностью».

Why: an individual entrepreneur acts under their own name (Civil Code arts. 19(1), 23), and an organisation's name includes its legal form (Civil Code art. 54(1); art. 87 for an ООО); the consumer must be told the seller's name as registered (ЗоЗПП art. 9). A brand such as «Школа Марины Соколовой» identifies no one in court or at the bank. A person without a patronymic gives surname and first name and may ignore this finding for the site with a reason.

Fires: kind = "ip", name = "Школа Марины Соколовой"; kind = "ooo", name = "Ромашка".

Silent: name = "Индивидуальный предприниматель Соколова Марина Андреевна"; name = "ООО «Ромашка»".

Fix: write the name as in the ЕГРИП or ЕГРЮЛ extract; the brand can stay in title.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		name := strings.TrimSpace(cfg.Seller.Name)
		if name == "" {
			return nil
		}
		pos := cfg.KeyPos("seller.name")
		switch cfg.Seller.Kind {
		case "ip":
			if !ipMarker.MatchString(name) {
				p.Report(pos, "", "seller.name %q of an individual entrepreneur must say «ИП» or «Индивидуальный предприниматель»", name)
			}
			if !fullName(name) {
				p.Report(pos, "", "seller.name %q must give the entrepreneur's full name: surname, first name and patronymic (three words)", name)
			}
		case "ooo":
			if !oooMarker.MatchString(name) {
				p.Report(pos, "", "seller.name %q of a limited company must give its legal form: «ООО» or «Общество с ограниченной ответственностью»", name)
			}
		}
		return nil
	},
}

// RuLanguage: a course sold under ru has no Russian text.
var RuLanguage = &Rule{
	Name:            "ru/language",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"ru"},
	Doc: `A course sold under ru has no Russian text: the site does not publish in Russian, a course in another language has no Russian course with the same slug, or a Russian course's for_whom, results or includes are written in another language (four or more Latin words and no Cyrillic letter).

Why: information about the service must be given in Russian, and in other languages only in addition (ЗоЗПП art. 8(2)); a contract the consumer cannot read is read against the seller (Civil Code art. 431).

Fires: languages = ["en"] under jurisdiction "ru"; an English course with no Russian course of the same slug; for_whom = "Who this course is for." in a Russian course.

Silent: an English course next to a Russian one of the same slug; a Russian course whose title is a Latin brand name ("Excel Pro").

Fix: add "ru" to languages and write the course in Russian too (content/<slug>.toml with language = "ru", or the Russian default), or translate the field.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		if p.Whole {
			if !slices.Contains(cfg.Languages, "ru") {
				p.Report(cfg.KeyPos("languages"), "", "the site is under ru law but does not publish in Russian: add \"ru\" to languages (ЗоЗПП art. 8)")
			}
			return nil
		}
		for _, k := range p.Contracts {
			c := k.Course
			if c.Language != "ru" {
				if !p.texts.hasRussian(p.Site, c.Slug) {
					p.Report(c.KeyPos("language"), c.Slug, "course %q is sold under ru law in %q only: add a Russian course with the same slug (ЗоЗПП art. 8)", c.Slug, c.Language)
				}
				continue
			}
			check := func(key, v string) {
				if foreignText(v) {
					p.Report(c.KeyPos(key), c.Slug, "%s of a Russian course is not in Russian: %q (ЗоЗПП art. 8)", key, v)
				}
			}
			check("for_whom", c.ForWhom)
			check("results", c.Results)
			for i, s := range c.Includes {
				check(fmt.Sprintf("includes[%d]", i), s)
			}
		}
		return nil
	},
}

// hasRussian reports whether the site has a Russian course with the given
// slug. A Check asks it for every course, so the slugs are gathered once
// (see textCache.ruSlugs).
func (c *textCache) hasRussian(s *site.Site, slug string) bool {
	if c != nil && c.ruSlugs != nil {
		return c.ruSlugs[slug]
	}
	return hasRussian(s, slug)
}

func hasRussian(s *site.Site, slug string) bool {
	for _, c := range s.Courses {
		if c.Slug == slug && c.Language == "ru" {
			return true
		}
	}
	return false
}

// foreignText reports whether s is a sentence in a Latin-script language:
// four or more Latin words and no Cyrillic letter.
func foreignText(s string) bool {
	// Each word (a run of letters) is judged by its first letter.
	latin := 0
	inWord := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		if unicode.Is(unicode.Cyrillic, r) {
			return false
		}
		if unicode.Is(unicode.Latin, r) {
			latin++
		}
	}
	return latin >= 4
}

// ReviewAfterPayout: reviewing a request takes longer than paying out.
var ReviewAfterPayout = &Rule{
	Name:            "refund/review-after-payout",
	DefaultSeverity: Warning,
	Doc: `refund.review_days is longer than refund.payout_days.

Why: the payout deadline runs from the client's statement (ru: ЗоЗПП arts. 22, 31, 10 days; eu: Directive 2011/83/EU art. 13, 14 days from the notice of withdrawal, which no review can extend). A review that may take longer than the payout leaves the seller either late with the money or paying before it has decided, and tells the client two deadlines that cannot both hold. It is a warning, not an error, because the contract may say that the review does not extend the payout (the library's review clause does).

Fires: review_days = 30 with payout_days = 10.

Silent: review_days = 10 with payout_days = 10.

Fix: set review_days to at most payout_days.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			r := k.Course.Refund
			if r.ReviewDays > r.PayoutDays && r.PayoutDays > 0 {
				p.Report(refundPos(k.Course, "review_days"), k.Course.Slug, "refund.review_days = %d is longer than refund.payout_days = %d: the money is due before the review may end", r.ReviewDays, r.PayoutDays)
			}
		}
		return nil
	},
}

// suspiciousDeduction is the share of the price above which a
// suspicious deduction is an error: a quarter of the price kept before
// any lesson is not a documented item for this client.
var suspiciousShare = big.NewRat(1, 4)

// DeductionSuspicious: a deduction that is not a documented item.
var DeductionSuspicious = &Rule{
	Name:            "refund/deduction-suspicious",
	DefaultSeverity: Warning,
	Doc: `A [[refund.deductions]] entry is named like a fee rather than an item provided to this client — «организационный сбор», «доступ к платформе», «административный сбор», "registration fee", "platform access" (the names are the phrases of rule refund/deduction-suspicious in generator/lint/phrases/<lang>.toml) — or the deductions together exceed a quarter of the price. It is a warning; a suspicious name whose amount exceeds 25 % of the price is an error.

Why: only costs actually incurred for this contract, documented, may be withheld (Civil Code art. 782(1); ЗоЗПП art. 32): a placement test or a diagnostics session given to this client, not the seller's platform, rent or organisation (courts strike those down as fees, ЗоЗПП art. 16). eu — the consumer owes only the share for what was provided (Directive 2011/83/EU art. 14(3)). A warning because a name alone does not prove the cost is not real; an error above a quarter of the price because no documented individual item costs that much before the course.

Fires: a deduction «Организационный сбор и доступ к платформе» of 40 000 ₽ on an 80 000 ₽ course (error).

Silent: «Диагностическая сессия с наставником» of 5 000 ₽.

Fix: list only items provided to this client in full at the start, at their real cost, and keep the documents.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			c := k.Course
			if c.Price == nil || c.Price.Sign() <= 0 {
				continue
			}
			limit := new(big.Rat).Mul(c.Price, suspiciousShare)
			flagged := map[site.Pos]bool{}
			for _, f := range p.textFindings(k) {
				if f.m.p.Rule != "refund/deduction-suspicious" || f.src.what != "a deduction name" {
					continue
				}
				pos := site.Pos{File: f.src.file, Line: f.src.first, Col: f.src.col}
				if flagged[pos] {
					continue
				}
				flagged[pos] = true
				d := deductionAt(c, pos)
				if d != nil && d.Amount != nil && d.Amount.Cmp(limit) > 0 {
					p.ReportError(pos, c.Slug, "deduction %q (%s) is named like a fee, not an item provided to this client, and is over a quarter of the price %s", d.Name, ratText(d.Amount), ratText(c.Price))
				} else {
					p.Report(pos, c.Slug, "deduction %q is named like a fee, not an item provided to this client: only documented costs of this contract may be withheld", f.src.text)
				}
			}
			total := new(big.Rat)
			for _, d := range c.Refund.Deductions {
				if d.Amount != nil {
					total.Add(total, d.Amount)
				}
			}
			if total.Cmp(limit) > 0 && len(flagged) == 0 {
				p.Report(refundPos(c, "deductions"), c.Slug, "the deductions total %s, over a quarter of the price %s: only items provided to this client in full at the start may be deducted", ratText(total), ratText(c.Price))
			}
		}
		return nil
	},
}

func deductionAt(c *site.Course, pos site.Pos) *site.Deduction {
	for i := range c.Refund.Deductions {
		if c.Refund.Deductions[i].Pos == pos {
			return &c.Refund.Deductions[i]
		}
	}
	return nil
}

// deadlineKeys maps the library's deadline clauses to the key each
// states.
var deadlineKeys = map[string]string{"refund.deadline.payout": "payout_days", "refund.deadline.review": "review_days"}

var (
	templateAction = regexp.MustCompile(`\{\{.*?\}\}`)
	// literalDays is a number of days in a normalised sentence.
	literalDays = regexp.MustCompile(` ([0-9]+) (?:(?:календарн|банковск|рабоч|calendar|business|working|banking)\pL* )?(?:дн\pL*|день|дня|дней|days?) `)
	// bankContext marks a sentence about the bank's own crediting time.
	bankContext = regexp.MustCompile(` (?:банк|банку|банка|банком|банке|банки|банков|зачисл\pL*|поступ\pL*|дойд\pL*|дошл\pL*|bank|banks|credit\pL*|arriv\pL*) `)
)

// statedKey is the refund key a deadline clause states: the one its
// template prints, or for a clause with a library id, that id's key.
func statedKey(src string, id string) string {
	hasPayout := strings.Contains(src, ".refund.payout_days")
	hasReview := strings.Contains(src, ".refund.review_days")
	switch {
	case hasPayout && !hasReview:
		return "payout_days"
	case hasReview && !hasPayout:
		return "review_days"
	case hasPayout && hasReview:
		return ""
	}
	return deadlineKeys[id]
}

// DeadlineMismatch: a number of days written in a clause differs from
// the key it states, or counts banking or working days under ru.
var DeadlineMismatch = &Rule{
	Name:            "text/deadline-mismatch",
	DefaultSeverity: Error,
	Doc: `A clause of kind "deadline" writes a number of days as text (not as {{ days .refund.payout_days }}) that differs from the key it states — refund.payout_days for refund.deadline.payout or a clause that prints payout_days, refund.review_days for refund.deadline.review or one that prints review_days — or, under ru, any text counts a refund deadline in banking or working days («30 банковских дней»).

Why: the contract, the FAQ, the statement and the calculator must give the same deadline; when they differ the one most favourable to the client applies (Civil Code art. 431) and lint's checks of the key (refund/payout-too-slow) check a number the contract does not say. ru — the 10-day term of ЗоЗПП arts. 22 and 31 is in calendar days (Civil Code art. 191); banking or working days make it two weeks or more. The bank's own crediting time («банку нужно несколько рабочих дней, чтобы деньги поступили») is not the seller's deadline and stays silent.

Fires: a site clause refund.deadline.payout «Исполнитель возвращает деньги в течение 30 банковских дней.» with payout_days = 10.

Silent: «Исполнитель отправляет деньги не позднее чем через {{ days .refund.payout_days }} со дня получения заявления.»

Fix: print the key with {{ days .refund.payout_days }} (or review_days) instead of a number, in calendar days.`,
	Run: func(p *Pass) error {
		j := p.Site.Config.Jurisdiction
		for _, k := range p.Contracts {
			c := k.Course
			for _, cl := range k.Clauses {
				s := cl.Source
				if s.Kind != "deadline" {
					continue
				}
				key := statedKey(s.Body, s.ID)
				if key == "" {
					continue
				}
				want := c.Refund.PayoutDays
				if key == "review_days" {
					want = c.Refund.ReviewDays
				}
				for _, d := range p.texts.literalDays(s) {
					// Only what this contract prints counts: a number in a
					// branch of the template that this course does not take
					// (the EU's statutory 14 days in a clause shared with
					// Russian law) says nothing to its client.
					// Under EU law 14 days is the statute's own refund
					// deadline after a withdrawal (Directive 2011/83/EU
					// art. 13), stated beside the key's, not instead of it.
					if j != "ru" && d.n == 14 {
						continue
					}
					if d.n != want && strings.Contains(cl.Markdown, d.text) {
						p.Report(site.Pos{File: s.File, Line: d.line, Col: 1}, c.Slug, "clause %s says %q, but refund.%s of course %q is %d: print it with {{ days .refund.%s }}", s.ID, d.text, key, c.Slug, want, key)
					}
				}
			}
			if j != "ru" {
				continue
			}
			for _, f := range p.textFindings(k) {
				if f.m.p.Rule == "text/deadline-mismatch" {
					p.reportText(k, f, false, "%s: %s counts a deadline in banking or working days; the law's days are calendar days (%s)", f.src.what, quoted(f), f.m.p.Law)
				}
			}
		}
		return nil
	},
}

// SampleValues are the scaffold's sample values seller/sample looks for,
// in every language's sample site.
func SampleValues() []string {
	out := slices.Clone(sampleTitles)
	for _, k := range sampleSellerKeys {
		out = append(out, sampleSeller[k]...)
	}
	return append(append(out, sampleCourseFields["for_whom"]...), sampleCourseFields["results"]...)
}

// literalDay is a number of days a clause's source writes as text.
type literalDay struct {
	line int // in the clause file
	n    int
	text string
}

// literalDays returns the numbers of days clause s writes as text (not
// through a placeholder), leaving out the bank's crediting time; computed
// once per clause.
func (c *textCache) literalDays(s *site.Clause) []literalDay {
	c.mu.Lock()
	ds, ok := c.days[s]
	c.mu.Unlock()
	if ok {
		return ds
	}
	ds = []literalDay{}
	for i, line := range strings.Split(s.Body, "\n") {
		line = templateAction.ReplaceAllString(line, " ")
		for _, sn := range splitSentences(line) {
			if bankContext.MatchString(sn.norm) {
				continue // the bank's crediting time, not the seller's deadline
			}
			for _, m := range literalDays.FindAllStringSubmatch(sn.norm, -1) {
				if n, err := strconv.Atoi(m[1]); err == nil {
					ds = append(ds, literalDay{line: s.BodyLine + i, n: n, text: strings.TrimSpace(m[0])})
				}
			}
		}
	}
	c.mu.Lock()
	c.days[s] = ds
	c.mu.Unlock()
	return ds
}
