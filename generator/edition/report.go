package edition

import (
	"sort"
	"strings"
)

// Impact is one clause change and every course it touches, for `oferta
// diff`: the same change in several courses is listed once.
type Impact struct {
	Change  Change
	Courses []string // "lang/slug", sorted
}

// CourseChange says how one course's contract differs from its latest
// edition.
type CourseChange struct {
	Course  string // "lang/slug"
	Title   string
	Latest  string // date of the latest edition, "" when none was frozen
	New     bool   // no edition was frozen for this course yet
	Changes []Change
}

// Report compares each course's current text with its latest edition.
// Courses without changes are left out.
func Report(statuses []Status) (courses []CourseChange, impacts []Impact) {
	byKey := map[string]*Impact{}
	var order []string
	for _, st := range statuses {
		key := st.Current.Lang + "/" + st.Current.Course
		if st.Latest == nil {
			courses = append(courses, CourseChange{Course: key, Title: st.Current.Title, New: true})
			continue
		}
		if !st.Stale {
			continue
		}
		changes := Compare(st.Latest, st.Current)
		courses = append(courses, CourseChange{Course: key, Title: st.Current.Title, Latest: st.Latest.Date.Format("2006-01-02"), Changes: changes})
		for _, c := range changes {
			k := impactKey(c)
			im, ok := byKey[k]
			if !ok {
				im = &Impact{Change: c}
				byKey[k] = im
				order = append(order, k)
			}
			im.Courses = append(im.Courses, key)
		}
	}
	sort.Slice(courses, func(i, j int) bool { return courses[i].Course < courses[j].Course })
	for _, k := range order {
		im := byKey[k]
		sort.Strings(im.Courses)
		impacts = append(impacts, *im)
	}
	sort.SliceStable(impacts, func(i, j int) bool { return impacts[i].Change.ID < impacts[j].Change.ID })
	return courses, impacts
}

// impactKey identifies the same change of the same clause: the kind and
// the words, whatever its number in each course.
func impactKey(c Change) string {
	var b strings.Builder
	b.WriteString(c.ID + "\x00" + c.Kind + "\x00")
	for _, w := range c.Words {
		b.WriteByte(w.Op)
		b.WriteString(w.Text)
		b.WriteByte(0)
	}
	return b.String()
}
