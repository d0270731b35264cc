package render

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

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

// editionHref is the permanent address of a frozen edition.
func editionHref(cv *CourseView, d *edition.Doc) string { return cv.ContractHref + iso(d.Date) + "/" }

// editionLinks lists every frozen edition of a course, newest first.
func (r *Renderer) editionLinks(k *contract.Contract, st edition.Status) []EditionLink {
	dir := contract.CoursePath(r.site, k.Course) + "oferta/"
	var links []EditionLink
	link := func(d *edition.Doc, state string) {
		links = append(links, EditionLink{Date: lang.Date(k.Lang, d.Date), DateISO: iso(d.Date), Href: dir + iso(d.Date) + "/", State: state, SHA256: d.SHA256})
	}
	for i := len(st.Coming) - 1; i >= 0; i-- {
		link(st.Coming[i], "coming")
	}
	if st.InForceDoc != nil {
		link(st.InForceDoc, "in-force")
	}
	for i := len(st.Earlier) - 1; i >= 0; i-- {
		link(st.Earlier[i].Doc, "earlier")
	}
	return links
}

// editionPages renders every frozen edition at its permanent address,
// <slug>/oferta/<date>/: the earlier ones marked as no longer in force,
// the one in force as such, the scheduled ones as coming.
func (r *Renderer) editionPages(k *contract.Contract, st edition.Status, cv *CourseView, live *ContractView, draft bool) ([]File, error) {
	var files []File
	l := k.Lang
	links := r.editionLinks(k, st)
	var next *EditionLink
	if len(st.Coming) > 0 {
		d := st.Coming[0]
		next = &EditionLink{Date: lang.Date(l, d.Date), DateISO: iso(d.Date), Href: editionHref(cv, d), State: "coming", SHA256: d.SHA256}
	}
	page := func(d *edition.Doc, fill func(v *ContractView)) error {
		p := editionHref(cv, d)
		pg := r.newPage("contract", l, p, titleOf(r.pageTitle(l, "contract"), d.Title)+" ("+lang.Date(l, d.Date)+")", draft)
		pg.Course = cv
		pg.Site.Edition = lang.Date(l, d.Date)
		pg.Site.EditionISO = iso(d.Date)
		var view *ContractView
		if live != nil && d == st.InForceDoc && st.Live() {
			// The edition in force reads as the live contract: the same
			// clause blocks, with this page's own marks.
			cp := *live
			view = &cp
		} else {
			var err error
			if view, err = r.docView(d); err != nil {
				return fmt.Errorf("%s: %w", d.File, err)
			}
		}
		view.Edition, view.EditionISO = lang.Date(l, d.Date), iso(d.Date)
		view.Editions = links
		view.PermanentHref = p
		view.PermanentURL = r.site.Config.BaseURL + p
		view.SHA256 = d.SHA256
		fill(view)
		pg.Contract = view
		if len(st.Earlier) > 0 || len(st.Coming) > 0 || st.Stale {
			pg.ChangesHref = cv.ContractHref + "changes/"
		}
		data, err := r.page(pg)
		if err != nil {
			return err
		}
		files = append(files, File{Path: p + "index.html", Data: data}, File{Path: p + k.Course.Slug + ".md", Data: d.Raw})
		return nil
	}
	for _, a := range st.Earlier {
		until := a.Until
		if err := page(a.Doc, func(v *ContractView) {
			v.Superseded = true
			v.SupersededSince, v.SupersededSinceISO = lang.Date(l, until), iso(until)
		}); err != nil {
			return nil, err
		}
	}
	if st.InForceDoc != nil {
		if err := page(st.InForceDoc, func(v *ContractView) { v.InForce = true; v.Next = next }); err != nil {
			return nil, err
		}
	}
	for i, d := range st.Coming {
		var after *EditionLink
		if i+1 < len(st.Coming) {
			n := st.Coming[i+1]
			after = &EditionLink{Date: lang.Date(l, n.Date), DateISO: iso(n.Date), Href: editionHref(cv, n), State: "coming", SHA256: n.SHA256}
		}
		if err := page(d, func(v *ContractView) { v.Coming = true; v.Next = after }); err != nil {
			return nil, err
		}
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
	for _, d := range st.Frozen() {
		versions = append(versions, version{d, editionHref(cv, d)})
	}
	if st.Stale || st.InForceDoc == nil {
		versions = append(versions, version{st.Current, cv.ContractHref})
	}
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
			cvw.TitleWords, cvw.Words = wordViews(c.TitleWords), wordViews(c.BodyWords)
			step.Changes = append(step.Changes, cvw)
		}
		view.Steps = append(view.Steps, step)
	}
	p := cv.ContractHref + "changes/"
	pg := r.newPage("changes", l, p, titleOf(r.pageTitle(l, "changes"), k.Course.Title), draft)
	pg.Course = cv
	pg.Changes = view
	data, err := r.page(pg)
	if err != nil {
		return nil, err
	}
	return &File{Path: p + "index.html", Data: data}, nil
}

// wordViews is a redline for the page, with gaps marked.
func wordViews(ws []edition.Word) []WordView {
	var out []WordView
	for _, wd := range ws {
		out = append(out, WordView{Op: string(wd.Op), Text: readable(edition.Plain(wd.Text))})
	}
	markGaps(out)
	return out
}

// readable drops Markdown's bold marks from a redline's text and shows
// a list item's dash as a bullet: a reader sees words, not syntax.
func readable(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return listDash.ReplaceAllString(s, "$1• ")
}

var listDash = regexp.MustCompile(`(?m)^(\s*)- `)

// markGaps sets Gap on a deletion or an insertion that directly follows
// the other kind with no space between them: «14» deleted and «10»
// inserted must not read as «1410» once the strike-through is gone (a
// screen reader, a copy of the text, a print without colours).
func markGaps(ws []WordView) {
	for i := 1; i < len(ws); i++ {
		prev, cur := ws[i-1], ws[i]
		if prev.Op == "=" || cur.Op == "=" || prev.Op == cur.Op {
			continue
		}
		if strings.TrimRightFunc(prev.Text, unicode.IsSpace) != prev.Text || strings.TrimLeftFunc(cur.Text, unicode.IsSpace) != cur.Text {
			continue
		}
		ws[i].Gap = true
	}
}
