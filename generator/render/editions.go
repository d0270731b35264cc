package render

import (
	"fmt"
	"time"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
)

// docView renders a frozen edition's text like a live contract.
func (r *Renderer) docView(d *edition.Doc) (*ContractView, error) {
	v := &ContractView{}
	for _, s := range d.Sections {
		sv := SectionView{Number: s.Number, Title: s.Title, Anchor: "s-" + s.ID}
		for _, c := range s.Clauses {
			body, shared, err := r.markdownShared(c.Body)
			if err != nil {
				return nil, err
			}
			cv := ClauseView{Number: c.Number, ID: c.ID, Anchor: contract.Anchor(c.ID), Title: c.Title, Body: body}
			if err := r.clauseBlocks(d.Lang, &cv, shared); err != nil {
				return nil, err
			}
			sv.Clauses = append(sv.Clauses, cv)
		}
		v.Sections = append(v.Sections, sv)
	}
	return v, nil
}

func iso(d time.Time) string { return d.Format("2006-01-02") }

// editionLinks lists a course's earlier editions, newest first.
func (r *Renderer) editionLinks(k *contract.Contract, st edition.Status) []EditionLink {
	dir := contract.CoursePath(r.site, k.Course) + "oferta/"
	var links []EditionLink
	for i := len(st.Earlier) - 1; i >= 0; i-- {
		d := st.Earlier[i].Doc.Date
		links = append(links, EditionLink{Date: lang.Date(k.Lang, d), DateISO: iso(d), Href: dir + iso(d) + "/"})
	}
	return links
}

// archivePages renders each earlier edition at <slug>/oferta/<date>/.
func (r *Renderer) archivePages(k *contract.Contract, st edition.Status, cv *CourseView, draft bool) ([]File, error) {
	var files []File
	l := k.Lang
	w := words(l)
	links := r.editionLinks(k, st)
	for _, a := range st.Earlier {
		p := cv.ContractHref + iso(a.Doc.Date) + "/"
		pg := r.newPage("contract", l, p, fmt.Sprintf("%s: %s (%s)", w.contractTitle, a.Doc.Title, lang.Date(l, a.Doc.Date)), draft)
		pg.Course = cv
		pg.Site.Edition = lang.Date(l, a.Doc.Date)
		pg.Site.EditionISO = iso(a.Doc.Date)
		view, err := r.docView(a.Doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Doc.File, err)
		}
		view.Edition, view.EditionISO = lang.Date(l, a.Doc.Date), iso(a.Doc.Date)
		view.Superseded = true
		view.SupersededSince, view.SupersededSinceISO = lang.Date(l, a.Until), iso(a.Until)
		view.Editions = links
		pg.Contract = view
		pg.ChangesHref = cv.ContractHref + "changes/"
		data, err := r.page(pg)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: p + "index.html", Data: data})
	}
	return files, nil
}

// changesPage renders the redline between consecutive editions, and
// between the latest edition and the current text when they differ.
func (r *Renderer) changesPage(k *contract.Contract, st edition.Status, cv *CourseView, draft bool) (*File, error) {
	l := k.Lang
	type version struct {
		doc  *edition.Doc
		href string
	}
	var versions []version
	for _, a := range st.Earlier {
		versions = append(versions, version{a.Doc, cv.ContractHref + iso(a.Doc.Date) + "/"})
	}
	versions = append(versions, version{st.Current, cv.ContractHref})
	if len(versions) < 2 {
		return nil, nil
	}
	view := &ChangesView{}
	for i := len(versions) - 1; i > 0; i-- {
		from, to := versions[i-1], versions[i]
		step := ChangeStep{
			From: lang.Date(l, from.doc.Date), FromISO: iso(from.doc.Date), FromHref: from.href,
			To: lang.Date(l, to.doc.Date), ToISO: iso(to.doc.Date), ToHref: to.href,
		}
		for _, c := range edition.Compare(from.doc, to.doc) {
			cvw := ChangeView{Kind: c.Kind, Title: c.Title, OldNumber: c.OldNumber, NewNumber: c.NewNumber}
			for _, wd := range c.Words {
				cvw.Words = append(cvw.Words, WordView{Op: string(wd.Op), Text: edition.Plain(wd.Text)})
			}
			step.Changes = append(step.Changes, cvw)
		}
		view.Steps = append(view.Steps, step)
	}
	p := cv.ContractHref + "changes/"
	pg := r.newPage("changes", l, p, fmt.Sprintf("%s: %s", words(l).changesTitle, k.Course.Title), draft)
	pg.Course = cv
	pg.Changes = view
	data, err := r.page(pg)
	if err != nil {
		return nil, err
	}
	return &File{Path: p + "index.html", Data: data}, nil
}
