package edition

import (
	"sort"
	"time"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// History is every frozen edition of a site, by course.
type History struct {
	docs map[string][]*Doc // "lang/slug" → oldest first
}

// NewHistory parses the site's edition files, which package site read
// (site.Site.Editions): it reads no file itself. A file that does not
// parse is bad input, reported with its position; every such file is
// reported, in file order.
func NewHistory(files []site.EditionFile) (*History, error) {
	h := &History{docs: map[string][]*Doc{}}
	var errs site.ErrorList
	for _, f := range files {
		d, err := Parse(f)
		if err != nil {
			errs = append(errs, site.Errors(err)...)
			continue
		}
		key := d.Lang + "/" + d.Course
		h.docs[key] = append(h.docs[key], d)
	}
	for _, list := range h.docs {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Date.Before(list[j].Date) })
	}
	return h, errs.Err()
}

// Of returns the editions of one course, oldest first.
func (h *History) Of(lang, slug string) []*Doc {
	if h == nil {
		return nil
	}
	return h.docs[lang+"/"+slug]
}

// Latest returns the newest edition of a course, or nil.
func (h *History) Latest(lang, slug string) *Doc {
	list := h.Of(lang, slug)
	if len(list) == 0 {
		return nil
	}
	return list[len(list)-1]
}

// Status is where a course's current contract stands against its
// editions on the build date (site.Site.Today).
type Status struct {
	// Current is the contract as it is now. For a course without frozen
	// editions it has no sections: nothing compares with them (freeze
	// takes the text with FromContract).
	Current *Doc
	// InForce is the date of the edition in force: the latest frozen
	// edition dated on or before the build date when the contract still
	// reads as its latest edition, otherwise the site's edition date.
	InForce time.Time
	// InForceDoc is the frozen edition in force; nil when the contract in
	// force is the current, unfrozen text (no edition frozen yet, or the
	// text changed since: Stale).
	InForceDoc *Doc
	// Stale reports that the contract or its refund terms differ from
	// its latest frozen edition and no new edition was frozen.
	Stale bool
	// TermsOnly reports, with Stale, that the text reads the same and
	// only the recorded refund terms differ.
	TermsOnly bool
	// Earlier are the frozen editions no longer in force, oldest first,
	// each with the date it stopped being in force.
	Earlier []Archived
	// Coming are the frozen editions dated after the build date,
	// scheduled to come into force, oldest first.
	Coming []*Doc
	Latest *Doc
}

// Live reports whether the contract in force is the current contract
// (so pages show the assembled contract and its refund terms), rather
// than an earlier frozen edition that a scheduled one will replace.
func (st Status) Live() bool {
	return st.InForceDoc == nil || (st.InForceDoc == st.Latest && len(st.Coming) == 0)
}

// Frozen returns every frozen edition of the course, oldest first:
// the earlier ones, the one in force and the scheduled ones.
func (st Status) Frozen() []*Doc {
	var out []*Doc
	for _, a := range st.Earlier {
		out = append(out, a.Doc)
	}
	if st.InForceDoc != nil {
		out = append(out, st.InForceDoc)
	}
	return append(out, st.Coming...)
}

// At returns the frozen edition in force on day: the latest one dated on
// or before it, or nil when day is before the first.
func (h *History) At(lang, slug string, day time.Time) *Doc {
	var found *Doc
	for _, d := range h.Of(lang, slug) {
		if d.Date.After(day) {
			break
		}
		found = d
	}
	return found
}

// Archived is a frozen edition that is no longer in force.
type Archived struct {
	Doc   *Doc
	Until time.Time // the date the next edition came into force
}

// StatusOf compares a course's contract with its editions on the site's
// build date.
func (h *History) StatusOf(k *contract.Contract) Status {
	list := h.Of(k.Lang, k.Course.Slug)
	edition := k.Site.Config.Edition
	if len(list) == 0 {
		// Nothing to compare with: the text is not needed, and on a large
		// site without editions keeping it would double the memory.
		cur := &Doc{Course: k.Course.Slug, Title: k.Course.Title, Lang: k.Lang, Date: edition}
		return Status{Current: cur, InForce: cur.Date}
	}
	cur := FromContract(k, edition)
	st := Status{Current: cur, InForce: edition}
	latest := list[len(list)-1]
	st.Latest = latest
	switch {
	case !Equal(cur, latest):
		st.Stale = true
	case latest.Terms != nil && !SameTerms(latest.Terms, TermsFromContract(k, latest.Date)):
		st.Stale, st.TermsOnly = true, true
	}
	if st.Stale {
		// The published text would change silently (lint reports it):
		// the current text is shown as the edition of oferta.toml, every
		// frozen one as earlier.
		for i, d := range list {
			until := edition
			if i+1 < len(list) {
				until = list[i+1].Date
			}
			st.Earlier = append(st.Earlier, Archived{Doc: d, Until: until})
		}
		return st
	}
	cur.Sections = latest.Sections // the same text: keep one copy
	// The edition in force is the latest one dated on or before the build
	// date; the later ones are scheduled. When every edition lies ahead,
	// the first one is shown as in force: nothing earlier exists.
	today := k.Site.Today
	in := 0
	for i, d := range list {
		if !d.Date.After(today) {
			in = i
		}
	}
	st.InForceDoc = list[in]
	st.InForce = list[in].Date
	for i := 0; i < in; i++ {
		st.Earlier = append(st.Earlier, Archived{Doc: list[i], Until: list[i+1].Date})
	}
	st.Coming = list[in+1:]
	cur.Date = st.InForce
	return st
}

// FreezeCommand is the one command that records a stale contract as a
// new edition: `oferta freeze` when oferta.toml already names a date
// after the latest edition, otherwise `oferta freeze --date D` with the
// build date, or the day after the latest edition when that one is
// dated today or later (a date clients may have accepted is never
// rewritten silently).
func FreezeCommand(st Status, siteEdition, today time.Time) string {
	if st.Latest == nil || siteEdition.After(st.Latest.Date) {
		return "oferta freeze"
	}
	d := today
	if !d.After(st.Latest.Date) {
		d = st.Latest.Date.AddDate(0, 0, 1)
	}
	return "oferta freeze --date " + d.Format("2006-01-02")
}
