package render

import (
	"fmt"

	"github.com/oferta-dev/oferta/generator/site"
)

// goStrings are the theme's UI strings that Go reads rather than a
// layout, with the named arguments each takes ({unit}, {total}): page
// titles, course formats, the index's policy summaries, the FAQ table's
// labels and the Atom feed's words. New checks every language's strings
// for them, so a theme that lacks one fails at once, naming the file and
// the key, instead of printing an empty title.
var goStrings = []struct {
	key  string
	args []string
}{
	{"page_title_contract", nil},
	{"page_title_faq", nil},
	{"page_title_statement", nil},
	{"page_title_changes", nil},
	{"format_personal", nil},
	{"format_group", nil},
	{"format_recorded", nil},
	{"policy_summary_prorata", nil},
	{"policy_summary_flat", nil},
	{"policy_summary_none", nil},
	{"policy_summary_other", nil},
	{"table_unit_header", []string{"unit"}},
	{"table_used_of", []string{"used", "total"}},
	{"table_units_of", []string{"units", "total"}},
	{"table_guarantee_note", []string{"days", "amount"}},
	{"feed_title", []string{"site"}},
	{"feed_subtitle", nil},
	{"feed_entry_title", []string{"course", "date"}},
	{"feed_first", nil},
	{"feed_changes", []string{"date", "count"}},
	{"feed_coming", []string{"date"}},
	{"feed_added", nil},
	{"feed_removed", nil},
	{"feed_moved", nil},
	{"feed_changed", nil},
	{"feed_change", []string{"kind", "number", "title"}},
	{"contract_kicker", nil},
	{"refund_heading", nil},
	{"withdraw_heading", nil},
	{"withdraw_subject", nil},
	{"seller_phone", nil},
	{"draft_label", nil},
	{"draft_text", nil},
}

// checkGoStrings reports each string of goStrings that m, the UI strings
// of language l read from file, lacks or gives the wrong arguments.
func checkGoStrings(file, l string, m map[string]string) site.ErrorList {
	var errs site.ErrorList
	for _, g := range goStrings {
		s, ok := m[g.key]
		if !ok {
			errs = append(errs, &site.Error{File: file, Err: fmt.Errorf("no string %q, which oferta prints on pages", g.key)})
			continue
		}
		if err := site.CheckPlaceholders(s, g.args); err != nil {
			errs = append(errs, &site.Error{File: file, Err: fmt.Errorf("UI string %q: %w", g.key, err)})
		}
	}
	return errs
}

// ui is the UI string key in language l with its arguments, given as
// name, value pairs.
func (r *Renderer) ui(l, key string, args ...string) string {
	return site.Expand(r.theme.strings[l][key], args...)
}

// pageTitle names a kind of page: "contract", "faq", "statement",
// "changes".
func (r *Renderer) pageTitle(l, kind string) string {
	return r.theme.strings[l]["page_title_"+kind]
}

// policySummary is the index card's one line on a refund policy.
func (r *Renderer) policySummary(l, policyID string) string {
	switch policyID {
	case "refund.policy.prorata":
		return r.theme.strings[l]["policy_summary_prorata"]
	case "refund.policy.flat":
		return r.theme.strings[l]["policy_summary_flat"]
	case "refund.policy.none":
		return r.theme.strings[l]["policy_summary_none"]
	}
	return r.theme.strings[l]["policy_summary_other"]
}
