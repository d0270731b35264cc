package site

import (
	"net/url"
	"strings"
)

// Withdrawal is the [withdrawal] table of oferta.toml: how the withdrawal
// function of an eu, de or ro site (art. 11a of Directive 2011/83/EU)
// reaches the seller.
type Withdrawal struct {
	// Endpoint is where the function's form is POSTed (the seller's form
	// service); "" makes the function compose an e-mail to seller.email.
	Endpoint string
}

// EUJurisdiction reports whether j is one of the EU jurisdictions, whose
// sites have the withdrawal function.
func EUJurisdiction(j string) bool { return j == "eu" || j == "de" || j == "ro" }

// HasWithdrawalFunction reports whether the site's withdrawal function can
// reach the seller: an eu, de or ro site with an endpoint or a seller
// e-mail address.
func (c *Config) HasWithdrawalFunction() bool {
	return EUJurisdiction(c.Jurisdiction) && (c.Withdrawal.Endpoint != "" || c.Seller.Email != "")
}

func decodeWithdrawal(t *table) Withdrawal {
	w := Withdrawal{Endpoint: t.String("endpoint")}
	if w.Endpoint != "" {
		u, err := url.Parse(w.Endpoint)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(w.Endpoint, " \t\n\"'<>") {
			t.d.errorf(t.Pos("endpoint"), "withdrawal.endpoint %q must be the address of a form service, starting with https://", w.Endpoint)
		}
	}
	t.Done()
	return w
}
