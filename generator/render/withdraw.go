package render

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// WithdrawView is the withdrawal function of an eu, de or ro site
// (art. 11a of Directive 2011/83/EU): a course's page, or the site-wide
// entry page of one language. The form's fields are named as README
// ("EU sellers") documents them: withdrawal, name, course, order, email,
// contract_url and sent_at.
type WithdrawView struct {
	// Endpoint is the seller's form service the form POSTs to; "" when
	// the function composes an e-mail instead (MailTo).
	Endpoint string
	// EndpointHost is the host of Endpoint, named on the page so that the
	// consumer knows where the data goes.
	EndpointHost string
	// MailTo is the form's action without an endpoint:
	// mailto:<seller.email>?subject=…
	MailTo string
	// Email is seller.email; Subject the e-mail's subject.
	Email   string
	Subject string
	// Course is the course's title; "" on the site-wide entry page,
	// where the consumer types it.
	Course string
	// ContractURL is the contract's address; "" on the entry page.
	ContractURL string
	// To is the addressee as the withdrawal's text names it: the seller's
	// name, address, e-mail and phone.
	To string
}

// withdrawPath is the folder of language l's site-wide withdrawal page.
func (r *Renderer) withdrawPath(l string) string { return r.indexPath(l) + "withdraw/" }

// withdrawHref is the site-wide withdrawal page of language l from the
// site root, "" when the site has no withdrawal function.
func (r *Renderer) withdrawHref(l string) string {
	if !site.EUJurisdiction(r.site.Config.Jurisdiction) {
		return ""
	}
	return r.withdrawPath(l)
}

func (r *Renderer) withdrawView(l, course, contractURL string) *WithdrawView {
	cfg := r.site.Config
	s := cfg.Seller
	subject := r.theme.strings[l]["withdraw_subject"]
	if course != "" {
		subject += ": " + course
	}
	v := &WithdrawView{Endpoint: cfg.Withdrawal.Endpoint, Email: s.Email, Subject: subject, Course: course, ContractURL: contractURL}
	if u, err := url.Parse(v.Endpoint); err == nil && v.Endpoint != "" {
		v.EndpointHost = u.Host
	}
	if v.Endpoint == "" && s.Email != "" {
		// RFC 6068: the address as it is, the subject percent-encoded
		// (spaces as %20, which every mail program reads).
		v.MailTo = "mailto:" + s.Email + "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
	}
	to := []string{s.Name}
	for _, x := range []string{s.Address, s.Email} {
		if x != "" {
			to = append(to, x)
		}
	}
	if s.Phone != "" {
		to = append(to, r.theme.strings[l]["seller_phone"]+" "+s.Phone)
	}
	v.To = strings.Join(to, ", ")
	return v
}

// withdrawPage renders the withdrawal function of course k.
func (r *Renderer) courseWithdraw(k *contract.Contract, pg *Page) {
	pg.Withdraw = r.withdrawView(k.Lang, k.Course.Title, contract.ContractURL(r.site, k.Course))
}

// SitePages renders the pages that belong to the site rather than to a
// course: for an eu, de or ro site, the site-wide entry to the withdrawal
// function in every language, linked from every page's footer.
func (r *Renderer) SitePages(draft bool) ([]File, error) {
	if !site.EUJurisdiction(r.site.Config.Jurisdiction) {
		return nil, nil
	}
	var files []File
	for _, l := range r.site.Config.Languages {
		p := r.withdrawPath(l)
		pg := r.newPage("withdraw", l, p, r.theme.strings[l]["withdraw_heading"]+": "+r.site.Config.Title, draft)
		pg.Withdraw = r.withdrawView(l, "", "")
		for _, other := range r.site.Config.Languages {
			if other != l {
				pg.Alternates = append(pg.Alternates, Alternate{Lang: other, Href: pg.Root + r.withdrawPath(other)})
			}
		}
		data, err := r.page(pg)
		if err != nil {
			return nil, fmt.Errorf("withdrawal page (%s): %w", l, err)
		}
		files = append(files, File{Path: p + "index.html", Data: data})
	}
	return files, nil
}
