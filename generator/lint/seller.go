package lint

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/site"
)

// Rules on who offers the contract: the seller's requisites, its tax ids,
// and the data the refund statement is prefilled with.

// sellerField returns the value of a [seller] key, trimmed.
func sellerField(s site.Seller, key string) string {
	var v string
	switch key {
	case "name":
		v = s.Name
	case "kind":
		v = s.Kind
	case "inn":
		v = s.INN
	case "ogrn":
		v = s.OGRN
	case "vat_id":
		v = s.VATID
	case "register":
		v = s.Register
	case "address":
		v = s.Address
	case "email":
		v = s.Email
	case "phone":
		v = s.Phone
	case "representative":
		v = s.Representative
	}
	return strings.TrimSpace(v)
}

func ratText(r *big.Rat) string { return expr.RatString(r) }

// requiredRequisites returns the [seller] keys the jurisdiction requires
// of this kind of seller.
func requiredRequisites(jurisdiction, kind string) []string {
	if jurisdiction == "ru" {
		keys := []string{"name", "inn"}
		if kind == "ip" || kind == "ooo" {
			keys = append(keys, "ogrn")
		}
		return append(keys, "address", "email")
	}
	keys := []string{"name", "address", "email"}
	if kind == "company" {
		keys = append(keys, "vat_id")
	}
	return keys
}

// requiredFor adds to requiredRequisites what the seller's own name
// calls for: under de, a company whose name carries the form of a legal
// person names its representatives.
func requiredFor(jurisdiction string, s site.Seller) []string {
	keys := requiredRequisites(jurisdiction, s.Kind)
	if jurisdiction == "de" && s.Kind == "company" && germanCorporation.MatchString(s.Name) {
		keys = append(keys, "representative")
	}
	return keys
}

var requisiteWhat = map[string]string{
	"name":    "the seller's full name (for an individual entrepreneur, the full personal name)",
	"inn":     "the ИНН (taxpayer number)",
	"ogrn":    "the ОГРН (company) or ОГРНИП (individual entrepreneur) registration number",
	"address": "the seller's address",
	"email":   "an e-mail address",
	"vat_id":  "the VAT identification number",
	// de: § 5 Abs. 1 Nr. 1 DDG.
	"representative": "the persons authorised to represent it (Vertretungsberechtigte, e.g. the managing directors of a GmbH or UG)",
}

// germanCorporation matches the legal forms of a German legal person in a
// seller's name, whose Impressum must name its representatives (§ 5
// Abs. 1 Nr. 1 DDG): GmbH (gGmbH, GmbH & Co. KG), UG (haftungsbeschränkt),
// AG, KGaA, SE, eG, e. V.
var germanCorporation = regexp.MustCompile(`(?:^|[\s(])(?:g?GmbH|UG|AG|KGaA|SE|eG|e\.\s?V\.)(?:$|[\s),.&])`)

// RequisitesMissing: the seller is not identified as the law requires.
var RequisitesMissing = &Rule{
	Name:            "seller/requisites-missing",
	DefaultSeverity: Error,
	Doc: `A key of [seller] in oferta.toml that the jurisdiction requires is missing or empty.

ru: name, inn, address and email; ogrn too for an ip (ОГРНИП) or ooo (ОГРН). A self-employed seller gives the ИНН. eu, de, ro: name, address and email; vat_id too for a company. de: a company whose name carries the form of a legal person (GmbH, UG, AG, KGaA, SE, eG, e. V.) also gives representative, the persons authorised to represent it (§ 5 Abs. 1 Nr. 1 DDG: "Vertretungsberechtigter"), which the Impressum prints.

Why: the client must know whom the contract is with and where to send claims. ru — a public offer must contain all essential terms (Civil Code art. 437(2)), and consumer law requires the seller's name, address and state registration details (ЗоЗПП art. 9). eu/de/ro — the trader's identity, geographical address and e-mail are mandatory pre-contract information (Directive 2011/83/EU art. 6(1)(b), (c); Art. 246a § 1 EGBGB; OUG 34/2014 art. 6), and a company's VAT number belongs in its online information (Directive 2000/31/EC art. 5).

Fires: [seller] kind = "ip" under ru with no ogrn.

Silent: kind = "self-employed" with name, inn, address and email: a self-employed seller has no ОГРН.

Fix: fill in the key named in the message in [seller] of oferta.toml.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		for _, key := range requiredFor(cfg.Jurisdiction, cfg.Seller) {
			if sellerField(cfg.Seller, key) == "" {
				p.Report(cfg.KeyPos("seller."+key), "", "seller.%s is missing: under %s law a seller of kind %q must give %s", key, cfg.Jurisdiction, cfg.Seller.Kind, requisiteWhat[key])
			}
		}
		return nil
	},
}

// TaxIDInvalid: an ИНН or ОГРН(ИП) fails its check digits.
var TaxIDInvalid = &Rule{
	Name:            "seller/tax-id-invalid",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"ru"},
	Doc: `seller.inn or seller.ogrn is not a valid Russian number: wrong length, not all digits, a failed check digit, or a length that does not fit seller.kind.

ИНН: 10 digits for an organisation (ooo), 12 for a person (ip, self-employed). The last digit of a 10-digit ИНН is the sum of the first nine times 2, 4, 10, 3, 5, 9, 4, 6, 8, mod 11, mod 10. A 12-digit ИНН has two check digits: the 11th over the first ten with weights 7, 2, 4, 10, 3, 5, 9, 4, 6, 8, the 12th over the first eleven with weights 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8, each mod 11, mod 10. ОГРН: 13 digits (ooo), the last is the first twelve as a number mod 11, mod 10. ОГРНИП: 15 digits (ip), the last is the first fourteen mod 13, mod 10.

Why: the offer must identify the seller (Civil Code art. 437(2), ЗоЗПП art. 9). A mistyped number points at someone else or no one; clients, banks and the tax office check these numbers, and a wrong one makes the offer look fake.

Fires: inn = "165538412748" (the last digit mistyped); ogrn = "319169002845313".

Silent: inn = "165538412749" and ogrn = "319169002845312".

Fix: copy the number from the ЕГРЮЛ/ЕГРИП extract or the tax office's registration notice.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		s := cfg.Seller
		if inn := strings.TrimSpace(s.INN); inn != "" {
			if msg := checkINN(inn, s.Kind); msg != "" {
				p.Report(cfg.KeyPos("seller.inn"), "", "seller.inn %q %s", inn, msg)
			}
		}
		if ogrn := strings.TrimSpace(s.OGRN); ogrn != "" {
			if msg := checkOGRN(ogrn, s.Kind); msg != "" {
				p.Report(cfg.KeyPos("seller.ogrn"), "", "seller.ogrn %q %s", ogrn, msg)
			}
		}
		return nil
	},
}

func digits(s string) ([]int, bool) {
	out := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		out[i] = int(s[i] - '0')
	}
	return out, true
}

func weighted(d []int, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += d[i] * w
	}
	return sum % 11 % 10
}

var (
	inn10Weights   = []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights11 = []int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights12 = []int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
)

// ValidINN reports whether s is a 10- or 12-digit ИНН with correct check
// digits.
func ValidINN(s string) bool {
	d, ok := digits(s)
	switch {
	case !ok:
		return false
	case len(d) == 10:
		return weighted(d, inn10Weights) == d[9]
	case len(d) == 12:
		return weighted(d, inn12Weights11) == d[10] && weighted(d, inn12Weights12) == d[11]
	}
	return false
}

// ValidOGRN reports whether s is a 13-digit ОГРН or a 15-digit ОГРНИП with
// a correct check digit.
func ValidOGRN(s string) bool {
	d, ok := digits(s)
	if !ok || (len(d) != 13 && len(d) != 15) {
		return false
	}
	mod := int64(11)
	if len(d) == 15 {
		mod = 13
	}
	var n int64
	for _, x := range d[:len(d)-1] {
		n = n*10 + int64(x)
	}
	return int(n%mod%10) == d[len(d)-1]
}

// checkINN returns what is wrong with an ИНН for a kind of seller, or "".
func checkINN(inn, kind string) string {
	if _, ok := digits(inn); !ok || (len(inn) != 10 && len(inn) != 12) {
		return "must be 10 digits (an organisation) or 12 digits (a person)"
	}
	if !ValidINN(inn) {
		return "fails its check digit: a digit is mistyped"
	}
	switch {
	case len(inn) == 10 && (kind == "ip" || kind == "self-employed"):
		return "has 10 digits, the ИНН of an organisation; an " + kindWord(kind) + " has a 12-digit ИНН"
	case len(inn) == 12 && kind == "ooo":
		return "has 12 digits, the ИНН of a person; an ooo has a 10-digit ИНН"
	}
	return ""
}

// checkOGRN returns what is wrong with an ОГРН/ОГРНИП, or "".
func checkOGRN(ogrn, kind string) string {
	if _, ok := digits(ogrn); !ok || (len(ogrn) != 13 && len(ogrn) != 15) {
		return "must be 13 digits (ОГРН of an organisation) or 15 digits (ОГРНИП of an individual entrepreneur)"
	}
	if !ValidOGRN(ogrn) {
		return "fails its check digit: a digit is mistyped"
	}
	switch {
	case len(ogrn) == 13 && kind == "ip":
		return "has 13 digits, an ОГРН of an organisation; an ip has a 15-digit ОГРНИП"
	case len(ogrn) == 15 && kind == "ooo":
		return "has 15 digits, an ОГРНИП; an ooo has a 13-digit ОГРН"
	}
	return ""
}

func kindWord(kind string) string {
	if kind == "ip" {
		return "ip"
	}
	return "self-employed seller"
}

// StatementFieldMissing: the refund statement cannot be prefilled with
// what the jurisdiction requires.
var StatementFieldMissing = &Rule{
	Name:            "statement/field-missing",
	DefaultSeverity: Error,
	Doc: `The refund statement page of a course cannot be filled in with a field the jurisdiction requires. The page is prefilled from oferta.toml and the course: the addressee (seller.name; under ru also seller.inn), where to send it (seller.email or seller.address) and how (refund.channel).

Why: ru — a statement has no legal form, but to work as evidence (for the client in court, for the seller at a tax audit) it must name whom it is addressed to: the seller's name, ИНН/ОГРН and e-mail or address (Civil Code art. 782, ЗоЗПП art. 32). eu/de/ro — the model withdrawal form is addressed to the trader's name, address and e-mail (Directive 2011/83/EU Annex I(B); Anlage 2 to Art. 246a EGBGB; OUG 34/2014 Annex 1 B).

Fires: a course without refund.channel, with none in [refund] of oferta.toml either.

Silent: refund.channel = "email" and the seller's name, ИНН and e-mail in [seller].

Fix: fill in the seller keys named in the message in [seller] of oferta.toml and set refund.channel.`,
	Run: func(p *Pass) error {
		if cfg, s := p.Site.Config, p.Site.Config.Seller; p.Whole {
			if sellerField(s, "name") == "" {
				p.Report(cfg.KeyPos("seller.name"), "", "the refund statement is addressed to the seller, but seller.name is empty")
			}
			if cfg.Jurisdiction == "ru" && sellerField(s, "inn") == "" {
				p.Report(cfg.KeyPos("seller.inn"), "", "the refund statement names the seller by ИНН, but seller.inn is missing")
			}
			if sellerField(s, "email") == "" && sellerField(s, "address") == "" {
				p.Report(cfg.KeyPos("seller"), "", "the refund statement needs the seller's e-mail or address, and [seller] has neither: set seller.email or seller.address")
			}
		}
		for _, k := range p.Contracts {
			c := k.Course
			if c.Refund.Channel == "" {
				p.Report(refundPos(c, "channel"), c.Slug, "the refund statement cannot say how to send it: set refund.channel (email, form, post or messenger)")
			}
		}
		return nil
	},
}
