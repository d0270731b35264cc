package contract

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// euTerms are the words of an English refund rule that mean something
// else under EU law: the policy's formula applies to a termination after
// the withdrawal period, which any notice starts (no statement is asked
// for), while a withdrawal within the period follows the statutory rule.
var euTerms = strings.NewReplacer(
	"by the day the statement is received", "by the day the notice of termination is received",
	"the client withdraws after", "the client terminates the contract after",
)

// euWording rewords w for a course in English under EU law.
func euWording(k *Contract, w Wording) Wording {
	if k.Site == nil || !site.EUJurisdiction(k.Site.Config.Jurisdiction) || k.Course.Language != "en" {
		return w
	}
	w.Formula = euTerms.Replace(w.Formula)
	w.Flat = euTerms.Replace(w.Flat)
	w.Example = euTerms.Replace(w.Example)
	return w
}
