package site

import (
	"math/big"
	"regexp"
	"strings"
	"time"
)

// Jurisdictions whose law the lint rules know.
var Jurisdictions = []string{"ru", "eu", "de", "ro"}

// Languages the built-in library and theme are written in.
var knownLanguage = regexp.MustCompile(`^[a-z]{2,3}$`)

// SampleBaseURL is the base_url `oferta new site` writes when it was not
// told the site's address: a reserved name (.invalid, RFC 2606) that can
// never be a real site, so that lint (seller/sample) can say it is still
// there and legal text never cites it by mistake.
const SampleBaseURL = "https://replace-with-your-site.invalid/"

// Config is oferta.toml.
type Config struct {
	File         string // path of oferta.toml relative to the site
	Title        string
	BaseURL      string // "" or ending in "/"
	Languages    []string
	Jurisdiction string
	Currency     string
	Edition      time.Time
	UnsafeHTML   bool
	Theme        string // "default" unless set
	Seller       Seller
	Refund       RefundSettings
	Lint         LintConfig
	Withdrawal   Withdrawal
	keys         keyPositions
	line         int
}

// KeyPos returns the position of a key path in oferta.toml ("seller.inn").
func (c *Config) KeyPos(path string) Pos {
	return lookupPos(c.File, c.keys, c.line, path)
}

func lookupPos(file string, keys keyPositions, offset int, path string) Pos {
	for p := path; ; {
		if pos, ok := keys.get(p); ok {
			pos.Line += offset
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return Pos{File: file, Line: 1 + offset, Col: 1}
		}
		p = p[:i]
	}
}

// DefaultLanguage is the first language: built at the root of the site.
func (c *Config) DefaultLanguage() string { return c.Languages[0] }

// Seller is who offers the contract.
type Seller struct {
	Name     string
	Kind     string // ip | ooo | self-employed | company
	INN      string
	OGRN     string
	VATID    string
	Register string
	Country  string // eu/de/ro: where the seller is established, in words
	Address  string
	Email    string
	Phone    string
	// Registration is the record of state registration (ЕГРИП/ЕГРЮЛ) with
	// its date and the registering authority (ЗоЗПП art. 9).
	Registration string
	// Hours are the working hours of support, with the time zone.
	Hours string
	// License is the education licence, or the status the seller teaches
	// under without one (273-ФЗ).
	License string
	// Bank holds the settlement account details, if the seller gives them.
	Bank string
	// Representative names who may represent a company (de: the
	// Vertretungsberechtigte of a GmbH, UG or AG, § 5 DDG).
	Representative string
}

// SellerKinds are the allowed values of seller.kind.
var SellerKinds = []string{"ip", "ooo", "self-employed", "company"}

// Channels are the allowed values of refund.channel.
var Channels = []string{"email", "form", "post", "messenger"}

// LintConfig is the [lint] table of oferta.toml.
type LintConfig struct {
	Disable  []Disable
	Severity map[string]string // rule → "error" | "warning"
}

// Disable switches one lint rule off for the whole site; the reason is
// required (an entry without one disables nothing and is reported).
type Disable struct {
	Rule   string
	Reason string
	Pos    Pos // of the rule key, or of the entry
}

func decodeConfig(file, src string) (*Config, error) {
	d, root, err := parseTOML(file, src, 0, ConfigKeys)
	if err != nil {
		return nil, err
	}
	c := &Config{File: file, keys: d.pos}
	c.Title = root.String("title")
	c.BaseURL = root.String("base_url")
	if c.BaseURL != "" {
		if !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") {
			d.errorf(root.Pos("base_url"), "base_url must start with https:// or http://")
		}
		if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	c.Languages = root.Strings("languages")
	if !root.Has("languages") {
		c.Languages = []string{"ru"}
	}
	if len(c.Languages) == 0 && root.Has("languages") {
		d.errorf(root.Pos("languages"), "languages must name at least one language, e.g. [\"ru\"]")
	}
	seen := map[string]bool{}
	for i, l := range c.Languages {
		if !knownLanguage.MatchString(l) {
			d.errorf(root.elemPos("languages", i), "language %q is not a two-letter language code such as \"ru\" or \"en\"", l)
		}
		if seen[l] {
			d.errorf(root.elemPos("languages", i), "language %q is listed twice", l)
		}
		seen[l] = true
	}
	c.Jurisdiction = root.String("jurisdiction")
	c.Currency = root.String("currency")
	if c.Currency == "" {
		c.Currency = "RUB"
	}
	c.Edition = root.Date("edition")
	c.UnsafeHTML = root.Bool("unsafe_html")
	c.Theme = root.String("theme")
	if c.Theme == "" {
		c.Theme = "default"
	} else if !slugPattern.MatchString(c.Theme) {
		d.errorf(root.Pos("theme"), "theme %q must be a folder name under themes/ (letters, digits and dashes)", c.Theme)
	}
	if s := root.Table("seller"); s != nil {
		c.Seller = decodeSeller(s)
	}
	if r := root.Table("refund"); r != nil {
		c.Refund = decodeRefund(r)
	}
	c.Refund.file = file
	if w := root.Table("withdrawal"); w != nil {
		c.Withdrawal = decodeWithdrawal(w)
	}
	if l := root.Table("lint"); l != nil {
		c.Lint.Disable = decodeDisable(l)
		if sev := l.Table("severity"); sev != nil {
			c.Lint.Severity = map[string]string{}
			for _, k := range sev.Keys() {
				if v := sev.String(k); v != "" {
					c.Lint.Severity[k] = v
				}
			}
		}
		l.Done()
	}
	root.Done()
	return c, d.errs.Err()
}

// decodeDisable reads [lint] disable, a list of { rule, reason } tables.
// A bare rule name (the form of earlier versions) is an error that shows
// the new form.
func decodeDisable(l *table) []Disable {
	v, _, ok := l.get("disable", KindTables)
	if !ok {
		return nil
	}
	if list, isList := v.([]any); isList {
		bad := false
		for i, e := range list {
			if name, isString := e.(string); isString {
				l.d.errorf(l.elemPos("disable", i), "lint.disable[%d] must be a table { rule = %q, reason = \"why the rule does not apply\" }: a rule is switched off only with a reason", i, name)
				bad = true
			}
		}
		if bad {
			return nil
		}
	}
	var out []Disable
	for _, it := range l.Tables("disable") {
		d := Disable{Rule: it.String("rule"), Reason: it.String("reason"), Pos: it.Pos("rule")}
		it.Done()
		out = append(out, d)
	}
	return out
}

func decodeSeller(t *table) Seller {
	s := Seller{
		Name:     t.String("name"),
		Kind:     t.String("kind"),
		INN:      t.String("inn"),
		OGRN:     t.String("ogrn"),
		VATID:    t.String("vat_id"),
		Register: t.String("register"),
		Country:  t.String("country"),
		Address:  t.String("address"),
		Email:    t.String("email"),
		Phone:    t.String("phone"),

		Registration:   t.String("registration"),
		Hours:          t.String("hours"),
		License:        t.String("license"),
		Bank:           t.String("bank"),
		Representative: t.String("representative"),
	}
	if s.Email != "" && !strings.Contains(s.Email, "@") {
		t.d.errorf(t.Pos("email"), "seller.email %q is not an e-mail address", s.Email)
	}
	t.Done()
	return s
}

// RefundSettings are the refund terms: the site's defaults, or a course's
// after merging its own [refund] over them.
type RefundSettings struct {
	ReviewDays       int
	PayoutDays       int
	BankFeePercent   *big.Rat
	Channel          string
	Policy           string
	GuaranteeDays    int
	RetentionPercent *big.Rat
	Grounds          []string
	Conditions       []string
	Alternatives     []string
	Params           map[string]*big.Rat
	Deductions       []Deduction
	// Set records which keys were written, and where.
	Set  map[string]Pos
	file string
}

// Deduction is a documented cost withheld from a refund when incurred.
type Deduction struct {
	Name   string
	Amount *big.Rat
	Pos    Pos
}

func decodeRefund(t *table) RefundSettings {
	r := RefundSettings{Set: map[string]Pos{}}
	for _, k := range t.spec.Names() {
		if t.Has(k) {
			r.Set[k] = t.Pos(k)
		}
	}
	r.ReviewDays = t.Int("review_days")
	r.PayoutDays = t.Int("payout_days")
	r.BankFeePercent = t.Decimal("bank_fee_percent")
	r.Channel = t.String("channel")
	r.Policy = t.String("policy")
	r.GuaranteeDays = t.Int("guarantee_days")
	r.RetentionPercent = t.Decimal("retention_percent")
	r.Grounds = t.Strings("grounds")
	r.Conditions = t.Strings("conditions")
	r.Alternatives = t.Strings("alternatives")
	if p := t.Table("params"); p != nil {
		r.Params = map[string]*big.Rat{}
		for _, k := range p.Keys() {
			if !identPattern.MatchString(k) {
				t.d.errorf(p.Pos(k), "refund.params key %q must be a name of letters, digits and underscores", k)
				continue
			}
			if v := p.Decimal(k); v != nil {
				r.Params[k] = v
			}
		}
	}
	for _, dt := range t.Tables("deductions") {
		ded := Deduction{Name: dt.String("name"), Amount: dt.Decimal("amount"), Pos: dt.Pos("name")}
		dt.Done()
		r.Deductions = append(r.Deductions, ded)
	}
	t.Done()
	return r
}

var identPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Merge returns the site's settings with every key the course sets taken
// from the course.
func (base RefundSettings) Merge(over RefundSettings) RefundSettings {
	out := base
	out.Set = map[string]Pos{}
	for k, p := range base.Set {
		out.Set[k] = p
	}
	for k, p := range over.Set {
		out.Set[k] = p
		switch k {
		case "review_days":
			out.ReviewDays = over.ReviewDays
		case "payout_days":
			out.PayoutDays = over.PayoutDays
		case "bank_fee_percent":
			out.BankFeePercent = over.BankFeePercent
		case "channel":
			out.Channel = over.Channel
		case "policy":
			out.Policy = over.Policy
		case "guarantee_days":
			out.GuaranteeDays = over.GuaranteeDays
		case "retention_percent":
			out.RetentionPercent = over.RetentionPercent
		case "grounds":
			out.Grounds = over.Grounds
		case "conditions":
			out.Conditions = over.Conditions
		case "alternatives":
			out.Alternatives = over.Alternatives
		case "params":
			out.Params = over.Params
		case "deductions":
			out.Deductions = over.Deductions
		}
	}
	if out.Policy == "" {
		out.Policy = "prorata"
	}
	if out.BankFeePercent == nil {
		out.BankFeePercent = new(big.Rat)
	}
	if out.RetentionPercent == nil {
		out.RetentionPercent = new(big.Rat)
	}
	return out
}

// KeyPos returns where key was set (in the course file or in oferta.toml),
// or the zero Pos when it was not set anywhere.
func (r RefundSettings) KeyPos(key string) (Pos, bool) {
	p, ok := r.Set[key]
	return p, ok
}
