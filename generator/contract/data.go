package contract

import (
	"cmp"
	"math/big"
	"path"
	"slices"
	"sync"

	"github.com/oferta-dev/oferta/generator/site"
)

// templateData is the tree clause templates see. Every string that came
// from a user's TOML is escaped for Markdown here, once, so that no
// template can forget to. Every key of the schema is present, with a zero
// value when unset, so that a missing key always means a typo. The site
// and seller parts are made once per site (and currency) and shared by
// every course's data: templates only read them.
func templateData(s *site.Site, c *site.Course, w Wording, shared *sharedData) map[string]any {
	r := c.Refund
	var deductions []any
	for _, d := range r.Deductions {
		deductions = append(deductions, map[string]any{"name": escapeMarkdown(d.Name), "amount": d.Amount})
	}
	params := make(map[string]any, len(r.Params))
	for k, v := range r.Params {
		params[k] = v
	}
	var start any = ""
	if !c.Start.IsZero() {
		start = c.Start
	}
	return map[string]any{
		"site":   shared.site(c.Currency),
		"seller": shared.seller,
		"course": map[string]any{
			"title":            escapeMarkdown(c.Title),
			"slug":             c.Slug,
			"format":           c.Format,
			"price":            c.Price,
			"currency":         c.Currency,
			"language":         c.Language,
			"start":            start,
			"includes":         escapeAll(c.Includes),
			"for_whom":         escapeMarkdown(c.ForWhom),
			"results":          escapeMarkdown(c.Results),
			"zfu":              escapeMarkdown(c.ZFU),
			"learning_control": c.LearningControl,
			"duration":         map[string]any{"unit": c.Duration.Unit, "count": c.Duration.Count},
			"url":              escapeMarkdown(ContractURL(s, c)),
			// refund_url: the statement form's address, absolute when the
			// site has a base_url (clauses print it only then).
			"refund_url": escapeMarkdown(s.Config.BaseURL + CoursePath(s, c) + "refund/"),
			// withdraw_url is the page of the withdrawal function
			// (<slug>/withdraw/), which the statutory texts name.
			"withdraw_url": escapeMarkdown(WithdrawURL(s, c)),
			// translations: the other languages the same offer (a course
			// with the same slug) is published in, so that a clause about
			// languages is true of every course.
			"translations": translations(s, c),
		},
		"refund": map[string]any{
			"policy":            escapeMarkdown(r.Policy),
			"review_days":       r.ReviewDays,
			"payout_days":       r.PayoutDays,
			"bank_fee_percent":  r.BankFeePercent,
			"retention_percent": r.RetentionPercent,
			// has_bank_fee and has_retention say whether anything is
			// withheld on these grounds, for texts (an FAQ answer) that
			// word the rule themselves rather than print formula_text.
			"has_bank_fee":   r.BankFeePercent != nil && r.BankFeePercent.Sign() > 0,
			"has_retention":  r.RetentionPercent != nil && r.RetentionPercent.Sign() > 0,
			"guarantee_days": r.GuaranteeDays,
			"channel":        r.Channel,
			"deductions":     deductions,
			"alternatives":   escapeAll(r.Alternatives),
			"params":         params,
			"formula_text":   w.Formula,
			"flat_text":      w.Flat,
			"example":        w.Example,
		},
	}
}

// sharedData are the parts of the template data that come from the
// site's settings alone: the seller, and the site with a course's
// currency. constantPath names them for the memo.
type sharedData struct {
	cfg    *site.Config
	seller map[string]any
	mu     sync.Mutex
	sites  map[string]map[string]any // by currency
}

func newSharedData(cfg *site.Config) *sharedData {
	seller := cfg.Seller
	return &sharedData{cfg: cfg, sites: map[string]map[string]any{}, seller: map[string]any{
		"name":     escapeMarkdown(seller.Name),
		"kind":     seller.Kind,
		"inn":      escapeMarkdown(seller.INN),
		"ogrn":     escapeMarkdown(seller.OGRN),
		"vat_id":   escapeMarkdown(seller.VATID),
		"register": escapeMarkdown(seller.Register),
		"country":  escapeMarkdown(seller.Country),
		"address":  escapeMarkdown(seller.Address),
		"email":    escapeMarkdown(seller.Email),
		"phone":    escapeMarkdown(seller.Phone),

		"registration":   escapeMarkdown(seller.Registration),
		"hours":          escapeMarkdown(seller.Hours),
		"license":        escapeMarkdown(seller.License),
		"bank":           escapeMarkdown(seller.Bank),
		"representative": escapeMarkdown(seller.Representative),
	}}
}

// site is the .site of a course priced in currency.
func (d *sharedData) site(currency string) map[string]any {
	d.mu.Lock()
	defer d.mu.Unlock()
	if m, ok := d.sites[currency]; ok {
		return m
	}
	cfg := d.cfg
	m := map[string]any{
		"title":        escapeMarkdown(cfg.Title),
		"base_url":     escapeMarkdown(cfg.BaseURL),
		"jurisdiction": cfg.Jurisdiction,
		"currency":     currency,
		"edition":      cfg.Edition,
		// has_withdrawal_function: the site publishes the art. 11a
		// withdrawal function (see WithdrawURL).
		"has_withdrawal_function": cfg.HasWithdrawalFunction(),
		// withdrawal_sends: the function sends the form to the
		// seller's form service itself ([withdrawal] endpoint);
		// without one it prepares an e-mail the client sends.
		"withdrawal_sends": cfg.Withdrawal.Endpoint != "",
	}
	d.sites[currency] = m
	return m
}

// constantPath reports whether a data path names a value of sharedData
// that is the same for every course: the seller and the site but for its
// currency. A memo's texts are kept only while the site's settings are
// the same (see Next), so the memo leaves these values in its texts
// rather than in its keys.
func constantPath(path []string) bool {
	if len(path) < 2 {
		return false // .site and .seller whole: .site holds the currency
	}
	switch path[0] {
	case "seller":
		return true
	case "site":
		return path[1] != "currency"
	}
	return false
}

// translations returns the site's other languages that have a course with
// c's slug, in the site's order of languages. Courses are sorted by the
// language's place in the site's list, then by slug, so each language is
// one binary search.
func translations(s *site.Site, c *site.Course) []any {
	out := []any{}
	langs := s.Config.Languages
	for li, l := range langs {
		if l == c.Language {
			continue
		}
		i, found := slices.BinarySearchFunc(s.Courses, c.Slug, func(x *site.Course, slug string) int {
			if n := cmp.Compare(slices.Index(langs, x.Language), li); n != 0 {
				return n
			}
			return cmp.Compare(x.Slug, slug)
		})
		if found && s.Courses[i].Language == l {
			out = append(out, l)
		}
	}
	return out
}

func escapeAll(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = escapeMarkdown(s)
	}
	return out
}

// CoursePath is the folder of a course's pages from the site root, with a
// trailing slash: "smm/" for the default language, "en/smm/" otherwise.
func CoursePath(s *site.Site, c *site.Course) string {
	if c.Language == s.Config.DefaultLanguage() {
		return c.Slug + "/"
	}
	return path.Join(c.Language, c.Slug) + "/"
}

// ContractURL is the absolute URL of the course's contract when the site
// has a base_url, and its path from the site root otherwise.
func ContractURL(s *site.Site, c *site.Course) string {
	return s.Config.BaseURL + CoursePath(s, c) + "oferta/"
}

// WithdrawURL is the address of the course's withdrawal function page
// (eu, de and ro sites), absolute when the site has a base_url.
func WithdrawURL(s *site.Site, c *site.Course) string {
	return s.Config.BaseURL + CoursePath(s, c) + "withdraw/"
}

// whenVars are the data paths a clause's `when` may read, as plain values:
// strings, exact numbers and booleans.
func whenVars(s *site.Site, c *site.Course) map[string]any {
	r := c.Refund
	return map[string]any{
		"course.format":                c.Format,
		"course.language":              c.Language,
		"course.slug":                  c.Slug,
		"course.currency":              c.Currency,
		"course.price":                 c.Price,
		"course.zfu":                   c.ZFU,
		"course.learning_control":      c.LearningControl,
		"course.zfu_valid":             site.ValidZFU(c.ZFU),
		"course.duration.unit":         c.Duration.Unit,
		"course.duration.count":        ratInt(c.Duration.Count),
		"course.has_start":             !c.Start.IsZero(),
		"refund.policy":                r.Policy,
		"refund.review_days":           ratInt(r.ReviewDays),
		"refund.payout_days":           ratInt(r.PayoutDays),
		"refund.bank_fee_percent":      r.BankFeePercent,
		"refund.retention_percent":     r.RetentionPercent,
		"refund.guarantee_days":        ratInt(r.GuaranteeDays),
		"refund.channel":               r.Channel,
		"refund.has_deductions":        len(r.Deductions) > 0,
		"refund.has_alternatives":      len(r.Alternatives) > 0,
		"site.jurisdiction":            s.Config.Jurisdiction,
		"site.currency":                s.Config.Currency,
		"seller.kind":                  s.Config.Seller.Kind,
		"seller.has_phone":             s.Config.Seller.Phone != "",
		"site.has_withdrawal_function": s.Config.HasWithdrawalFunction(),
	}
}

func ratInt(n int) *big.Rat { return new(big.Rat).SetInt64(int64(n)) }
