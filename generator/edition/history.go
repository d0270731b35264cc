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

// NewHistory parses the site's edition files. A file that does not parse
// is bad input, reported with its position.
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
// editions.
type Status struct {
	// Current is the contract as it is now. For a course without frozen
	// editions it has no sections: nothing compares with them (freeze
	// takes the text with FromContract).
	Current *Doc
	// InForce is the date of the edition in force: the latest frozen
	// edition when the contract still reads the same, otherwise the
	// site's edition date.
	InForce time.Time
	// Stale reports that the contract differs from its latest frozen
	// edition and no new edition was frozen.
	Stale bool
	// Earlier are the frozen editions no longer in force, oldest first,
	// each with the date it stopped being in force.
	Earlier []Archived
	Latest  *Doc
}

// Archived is a frozen edition that is no longer in force.
type Archived struct {
	Doc   *Doc
	Until time.Time // the date the next edition came into force
}

// StatusOf compares a course's contract with its editions.
func (h *History) StatusOf(k *contract.Contract) Status {
	list := h.Of(k.Lang, k.Course.Slug)
	if len(list) == 0 {
		// Nothing to compare with: the text is not needed, and on a large
		// site without editions keeping it would double the memory.
		cur := &Doc{Course: k.Course.Slug, Title: k.Course.Title, Lang: k.Lang, Date: k.Site.Config.Edition}
		return Status{Current: cur, InForce: cur.Date}
	}
	cur := FromContract(k, k.Site.Config.Edition)
	st := Status{Current: cur, InForce: k.Site.Config.Edition}
	latest := list[len(list)-1]
	st.Latest = latest
	inForce := len(list)
	if Equal(cur, latest) {
		st.InForce = latest.Date
		inForce = len(list) - 1
		cur.Sections = latest.Sections // the same text: keep one copy
	} else {
		st.Stale = true
	}
	for i := 0; i < inForce; i++ {
		until := st.InForce
		if i+1 < len(list) {
			until = list[i+1].Date
		}
		st.Earlier = append(st.Earlier, Archived{Doc: list[i], Until: until})
	}
	cur.Date = st.InForce
	return st
}
