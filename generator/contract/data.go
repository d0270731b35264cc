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
	coursePath := escapeMarkdown(CoursePath(s, c))
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
			// The URLs are escaped in parts (escapeMarkdown changes each
			// byte by itself): the site's address once per site.
			"url": shared.baseURL + coursePath + `oferta\/`,
			// refund_url: the statement form's address, absolute when the
			// site has a base_url (clauses print it only then).
			"refund_url": shared.baseURL + coursePath + `refund\/`,
			// withdraw_url is the page of the withdrawal function
			// (<slug>/withdraw/), which the statutory texts name.
			"withdraw_url": shared.baseURL + coursePath + `withdraw\/`,
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
	cfg     *site.Config
	baseURL string // escaped for Markdown
	seller  map[string]any
	mu      sync.Mutex
	sites   map[string]map[string]any // by currency
}

func newSharedData(cfg *site.Config) *sharedData {
	seller := cfg.Seller
	return &sharedData{cfg: cfg, baseURL: escapeMarkdown(cfg.BaseURL), sites: map[string]map[string]any{}, seller: map[string]any{
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

// whenVar is the value of a data path a clause's `when` may read, as a
// plain value: a string, an exact number or a boolean.
func whenVar(s *site.Site, c *site.Course, name string) (any, bool) {
	r := c.Refund
	switch name {
	case "course.format":
		return c.Format, true
	case "course.language":
		return c.Language, true
	case "course.slug":
		return c.Slug, true
	case "course.currency":
		return c.Currency, true
	case "course.price":
		return c.Price, true
	case "course.zfu":
		return c.ZFU, true
	case "course.learning_control":
		return c.LearningControl, true
	case "course.zfu_valid":
		return site.ValidZFU(c.ZFU), true
	case "course.duration.unit":
		return c.Duration.Unit, true
	case "course.duration.count":
		return ratInt(c.Duration.Count), true
	case "course.has_start":
		return !c.Start.IsZero(), true
	case "refund.policy":
		return r.Policy, true
	case "refund.review_days":
		return ratInt(r.ReviewDays), true
	case "refund.payout_days":
		return ratInt(r.PayoutDays), true
	case "refund.bank_fee_percent":
		return r.BankFeePercent, true
	case "refund.retention_percent":
		return r.RetentionPercent, true
	case "refund.guarantee_days":
		return ratInt(r.GuaranteeDays), true
	case "refund.channel":
		return r.Channel, true
	case "refund.has_deductions":
		return len(r.Deductions) > 0, true
	case "refund.has_alternatives":
		return len(r.Alternatives) > 0, true
	case "site.jurisdiction":
		return s.Config.Jurisdiction, true
	case "site.currency":
		return s.Config.Currency, true
	case "seller.kind":
		return s.Config.Seller.Kind, true
	case "seller.has_phone":
		return s.Config.Seller.Phone != "", true
	case "site.has_withdrawal_function":
		return s.Config.HasWithdrawalFunction(), true
	}
	return nil, false
}

func ratInt(n int) *big.Rat { return new(big.Rat).SetInt64(int64(n)) }
