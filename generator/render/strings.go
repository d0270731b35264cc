package render

import (
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
)

// String returns the theme's UI string key in language l, for documents
// made outside the pages (the Word contract of `oferta export`): their
// labels are the pages' own.
func (r *Renderer) String(l, key string) (string, error) {
	s, ok := r.strings[l][key]
	if !ok {
		return "", noString(l, key)
	}
	return s, nil
}

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
