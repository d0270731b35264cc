package render

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// euSuffix marks a UI string written for EU law: on an eu, de or ro site
// the key "refund_intro_eu" replaces "refund_intro" wherever a layout
// prints it. A Russian public offer, an accountant's statement and a
// review before payment mean nothing under EU law, so the same layouts
// say other things there, and a theme changes them as data.
const euSuffix = "_eu"

// overlayJurisdiction puts the EU variants of a language's UI strings in
// place of the plain ones on an EU site.
func overlayJurisdiction(m map[string]string, jurisdiction string) {
	if !site.EUJurisdiction(jurisdiction) {
		return
	}
	for k, v := range m {
		if base, ok := strings.CutSuffix(k, euSuffix); ok {
			if _, has := m[base]; has {
				m[base] = v
			}
		}
	}
}

// contractTitle names the contract page: a public offer under Russian
// law, the terms and conditions under EU law, which knows no public offer.
func (r *Renderer) contractTitle(l string) string {
	if site.EUJurisdiction(r.site.Config.Jurisdiction) {
		return r.theme.strings[l]["contract_kicker"]
	}
	return r.pageTitle(l, "contract")
}

// statementTitle names the statement page: under EU law it is the model
// withdrawal form.
func (r *Renderer) statementTitle(l string) string {
	if site.EUJurisdiction(r.site.Config.Jurisdiction) {
		return r.theme.strings[l]["refund_heading"]
	}
	return r.pageTitle(l, "statement")
}
