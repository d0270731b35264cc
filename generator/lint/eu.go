package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// WithdrawalFunction: the withdrawal function cannot reach the seller.
var WithdrawalFunction = &Rule{
	Name:            "eu/withdrawal-function",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"eu", "de", "ro"},
	Doc: `An eu, de or ro site has no way for its withdrawal function to reach the seller: neither [withdrawal] endpoint nor seller.email is set in oferta.toml.

Why: since 19 June 2026 a trader who concludes contracts online must offer a withdrawal function (Directive 2011/83/EU art. 11a, added by Directive (EU) 2023/2673): a function labelled "withdraw from contract here", easy to find and available for the whole withdrawal period, that collects the consumer's name, the contract's identification and the electronic address for the confirmation, with a "confirm withdrawal" button, after which the trader acknowledges receipt, with date and time, on a durable medium without undue delay. oferta publishes the function at <slug>/withdraw/ and withdraw/ (linked from every page's footer); it must be able to deliver the withdrawal to the seller. Without a way to reach the seller the contract's clause on the function is left out (it may not promise a function the site lacks) and the site breaches art. 11a.

This rule is statutory: it cannot be disabled in [lint] disable, and a course cannot ignore it.

Fires: an eu oferta.toml with neither [withdrawal] endpoint nor seller.email.

Silent: [withdrawal] endpoint = "https://forms.example/withdraw", or seller.email set.

Fix: set [withdrawal] endpoint = "https://…" to the address of a form service that e-mails you what the form sends (see README, "EU sellers", for the field names), or set seller.email, in which case the function composes the withdrawal as an e-mail to that address.`,
	Run: func(p *Pass) error {
		cfg := p.Site.Config
		if !cfg.HasWithdrawalFunction() {
			p.Report(cfg.KeyPos("seller.email"), "", "the withdrawal function (art. 11a of Directive 2011/83/EU) has no way to reach the seller: set [withdrawal] endpoint to a form service, or seller.email")
		}
		return nil
	},
}

// startConsentClause is the clause of a course's contract that holds the
// express request to start within the withdrawal period (services) or the
// consent and acknowledgement of losing the right (recorded lessons).
func startConsentClause(c *site.Course) string {
	if c.Format == "recorded" {
		return "refund.process.digital-content-eu"
	}
	return "refund.process.start-request-eu"
}

// StartConsent: a course may start inside the withdrawal period without
// the express request and the acknowledgement.
var StartConsent = &Rule{
	Name:            "eu/start-consent",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"eu", "de", "ro"},
	Doc: `A course under eu, de or ro may start within the 14-day withdrawal period and its refund terms charge for the part delivered in it (refund.guarantee_days is below 14), but its contract lacks the texts that make this lawful: for a personal or group course the express request to start early (clause refund.process.start-request-eu), for recorded lessons the prior express consent and the acknowledgement that the right of withdrawal is lost (clause refund.process.digital-content-eu).

Why: a service may start within the withdrawal period only at the consumer's express request (Directive 2011/83/EU arts. 7(3), 8(8)); the consumer who then withdraws pays the share of the total price for what was delivered (art. 14(3)), and without the request pays nothing (art. 14(4)). For digital content the right ends when delivery begins only with the consumer's prior express consent, the acknowledgement of losing the right and a confirmation on a durable medium (arts. 8(7), 16(m)). A contract that charges for days inside the period without these texts takes money the consumer does not owe. The checkout texts themselves (the checkbox and the confirmation e-mail) are in the seller's kit.

This rule replaces eu/withdrawal-period for such a course: that warning remains for courses that have the texts and still let the table and the calculator charge inside the period.

Fires: a site clause refund.process.start-request-eu with when = 'course.format == "personal"', so that a group course with refund.guarantee_days = 0 does not get it.

Silent: a personal course that keeps the library's clause; a recorded course with refund.guarantee_days = 14.

Fix: keep the library's clause (do not replace it with a site clause that drops it), or set refund.guarantee_days = 14 (or more) so that a withdrawal within the period is refunded in full.`,
	Run: func(p *Pass) error {
		for _, k := range p.Contracts {
			if missing, id := lacksStartConsent(k); missing {
				c := k.Course
				p.Report(refundPos(c, "guarantee_days"), c.Slug, "this %s course may start within the 14-day withdrawal period and refund.guarantee_days = %d charges for it, but the contract lacks clause %s (the consumer's express request%s): keep it, or set refund.guarantee_days = 14%s", c.Format, c.Refund.GuaranteeDays, id, ackText(c), languageHint(p.Site, k))
			}
		}
		return nil
	},
}

func ackText(c *site.Course) string {
	if c.Format == "recorded" {
		return " and the acknowledgement of losing the right"
	}
	return ""
}

// lacksStartConsent reports whether k's course charges inside the
// withdrawal period without the start-consent clause, and that clause.
func lacksStartConsent(k *contract.Contract) (bool, string) {
	c := k.Course
	id := startConsentClause(c)
	if c.Refund.GuaranteeDays >= 14 {
		return false, id
	}
	for _, cl := range k.Clauses {
		if cl.Source.ID == id {
			return false, id
		}
	}
	return true, id
}

// languageHint explains, for a course whose language has no clauses
// written for the site's EU jurisdiction (a Russian course on an eu site),
// that its library is written for another law and which languages serve
// this one; "" otherwise.
func languageHint(s *site.Site, k *contract.Contract) string {
	j := s.Config.Jurisdiction
	if servesLaw(s, k.Lang, j) {
		return ""
	}
	var langs []string
	for l := range s.Library.Langs {
		if servesLaw(s, l, j) {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	serve := "no language of the clause library"
	if len(langs) > 0 {
		serve = "the " + strings.Join(langs, ", ") + " library"
	}
	law := "Russian law"
	if k.Lang != "ru" {
		law = "another jurisdiction"
	}
	in := "one of those languages"
	if len(langs) <= 1 {
		in = "that language"
	}
	return fmt.Sprintf(". Note: the %s clause library is written for %s; under %s, %s serves EU law: write this course in %s (language = %q)", k.Lang, law, j, serve, in, firstOr(langs, "en"))
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}

// servesLaw reports whether language l's clauses include the statutory
// withdrawal information for jurisdiction j.
func servesLaw(s *site.Site, l, j string) bool {
	lib := s.Library.Lang(l)
	if lib == nil {
		return false
	}
	for _, cl := range lib.Clauses {
		if cl.Kind != "refund-ground" || !strings.Contains(cl.ID, "withdrawal") {
			continue
		}
		for _, x := range cl.Jurisdictions {
			if x == j {
				return true
			}
		}
	}
	return false
}

// Phone: the seller shows a phone number that the withdrawal information
// leaves out.
var Phone = &Rule{
	Name:            "eu/phone",
	DefaultSeverity: Error,
	Jurisdictions:   []string{"eu", "de", "ro"},
	Doc: `seller.phone is set, but a course's withdrawal information (its refund-ground clause with "withdrawal" in the id) or, on an eu site, its model withdrawal form (a clause with "model-form" in the id) does not give it.

Why: the trader must give the consumer the contact details through which the withdrawal can be sent; where the trader shows a telephone number, the information on the right of withdrawal must give it too, or the information is incomplete and the withdrawal period runs 12 months longer (Directive 2011/83/EU arts. 6(1)(c), 6(1)(h), 10; Annex I(A) note 2; CJEU C-266/19, EIS, 14 May 2020). The library's clauses give the phone whenever seller.phone is set; this rule catches a site clause that replaces them and drops it.

On de and ro sites the model form is not checked: there it is the national statutory form, reproduced as the law words it (Anlage 2 to Art. 246a EGBGB: name, address and e-mail; OUG 34/2014 Annex 1 B: name, address, fax and e-mail), which has no place for a phone; the withdrawal information (Anlage 1, Annex 1 A) gives it.

Fires: seller.phone = "+49 30 000000" and a site clause refund.ground.withdrawal-eu that names the address and e-mail but not the phone.

Silent: the library's withdrawal information and model form, which print the seller's phone; on a de site the Muster-Widerrufsformular, which has no place for one.

Fix: in the site's clause, add {{ if .seller.phone }}, telephone {{ .seller.phone }}{{ end }} where the seller's address and e-mail are given, or remove the site clause to use the library's.`,
	Run: func(p *Pass) error {
		phone := strings.TrimSpace(p.Site.Config.Seller.Phone)
		if phone == "" {
			return nil
		}
		// de, ro: the model form is the national statutory one, verbatim.
		forms := p.Site.Config.Jurisdiction == "eu"
		for _, k := range p.Contracts {
			for _, cl := range k.Clauses {
				id := cl.Source.ID
				info := cl.Source.Kind == "refund-ground" && strings.Contains(id, "withdrawal")
				if !info && !(forms && strings.Contains(id, "model-form")) {
					continue
				}
				if !strings.Contains(strings.ReplaceAll(cl.Markdown, `\`, ""), phone) {
					p.Report(cl.Source.Pos(), k.Course.Slug, "clause %s does not give the seller's phone %s, which the withdrawal information must give when the seller shows one (CJEU C-266/19)", id, phone)
				}
			}
		}
		return nil
	},
}

// SellerCountry: an eu site does not say where the seller is established.
var SellerCountry = &Rule{
	Name:            "eu/seller-country",
	DefaultSeverity: Warning,
	Jurisdictions:   []string{"eu"},
	Doc: `An eu site has no seller.country, so the governing-law clause (final.law-eu) cannot name the law that governs the contract; de and ro sites name Germany and Romania themselves.

Why: the consumer must be able to see which country's law the contract chooses, and that the choice does not take away the protection of the mandatory rules of the consumer's own country (Regulation (EC) No 593/2008, Rome I, art. 6; Directive 93/13/EEC art. 5: terms must be drafted in plain, intelligible language). "The law of the country where the seller is established" leaves the consumer to work it out from the address. It is a warning because the clause stays correct, only less clear.

Fires: an eu oferta.toml whose [seller] has no country.

Silent: [seller] country = "Estonia".

Fix: set seller.country in oferta.toml to the country where you are established, in words, e.g. country = "Estonia".`,
	Run: func(p *Pass) error {
		if strings.TrimSpace(p.Site.Config.Seller.Country) == "" {
			p.Report(p.Site.Config.KeyPos("seller"), "", "seller.country is not set: the governing-law clause cannot name the country whose law governs the contract; set it, e.g. country = \"Estonia\"")
		}
		return nil
	},
}
