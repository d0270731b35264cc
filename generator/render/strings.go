package render

import (
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
)

// String returns the theme's UI string key in language l (see
// Theme.String), for documents made outside the pages (the Word contract
// of `oferta export`): their labels are the pages' own.
func (r *Renderer) String(l, key string) (string, error) { return r.theme.String(l, key) }

// Statement is the data of a course's refund statement, as its page has
// it (the seller's address of the contract, the edition, the grounds), for
// other formats of the form (a Word document).
func (r *Renderer) Statement(k *contract.Contract, st edition.Status) (*StatementView, error) {
	cv := r.courseView(k)
	cv.EditionHref = cv.ContractHref
	if st.InForceDoc != nil {
		cv.EditionHref = editionHref(cv, st.InForceDoc)
	}
	if !st.Live() && st.InForceDoc.Terms != nil {
		inForceTerms(cv, st.InForceDoc.Terms, k.Lang) // as Course does
	}
	return r.statementView(k, cv, st, r.editionLinks(k, st))
}
