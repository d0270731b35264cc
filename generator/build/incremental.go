package build

import (
	"bytes"
	"reflect"
	"sort"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

// This file lets the preview server rebuild a site in part after some of
// its files change. The rule is correctness first: the result of Recheck
// followed by RenderChanged is always byte for byte what Check followed by
// Render gives for the same files; only the work done differs.

// Delta says what Recheck did compared with the previous check.
type Delta struct {
	// Assembled[i] reports whether the contract of course i (in the order
	// of Site.Courses) was assembled again rather than reused.
	Assembled []bool
	// All reports that every contract was assembled again and every page
	// must be rendered again: there was no previous check, or oferta.toml's
	// settings or the frozen editions changed, which every page depends on.
	All bool
}

// Count returns how many contracts were assembled again.
func (d Delta) Count() int {
	n := 0
	for _, a := range d.Assembled {
		if a {
			n++
		}
	}
	return n
}

// Recheck is Check for a site that was checked before as prev. It loads
// the whole site again, since loading is what finds every input error at
// once, but assembles only the contracts that the changes can affect and
// reuses the others:
//
//   - a course whose file changed (or is new) is assembled again;
//   - a changed clause re-assembles the courses whose contract includes it;
//   - a clause added or removed, a change to any clause's id, kind, when,
//     jurisdictions or formula, to sections.toml, or to oferta.toml
//     re-assembles every course, because each of those can change which
//     clauses a contract holds or how its refund is computed;
//   - a change to the frozen editions re-assembles every course too (it
//     changes every page's edition status; freezing is rare).
//
// Changes are found by comparing what was loaded, not by file names, so a
// missed file-system event cannot leave a stale contract behind. Lint runs
// on the whole site every time. prev may be nil.
func Recheck(prev *Checked, dir string, builtin site.Builtin) (*Checked, Delta, error) {
	s, err := site.Load(dir, builtin)
	if err != nil {
		return nil, Delta{}, err
	}
	return recheck(prev, s, contract.New(s))
}

// RecheckFiles is Recheck for a caller that knows which files changed since
// prev was checked: changed holds their paths relative to dir, with
// slashes, as file-system events report them. When every one of them is
// a course file, only those are read again, and the rest of the site, the
// parsed clause library and the editions are taken from prev; any other
// change, or no prev, is a Recheck. A missed event would leave a stale
// course behind, so the caller should fall back to Recheck whenever it is
// unsure (the preview server does after an error or an event overflow).
func RecheckFiles(prev *Checked, dir string, builtin site.Builtin, changed []string) (*Checked, Delta, error) {
	if prev == nil {
		return Recheck(prev, dir, builtin)
	}
	s, ok, err := site.Reload(prev.Site, changed)
	if !ok {
		return Recheck(prev, dir, builtin)
	}
	if err != nil {
		return nil, Delta{}, err
	}
	return recheck(prev, s, prev.Assembler.For(s))
}

// recheck assembles the contracts of s that changed since prev, reuses
// the others, and lints.
func recheck(prev *Checked, s *site.Site, a *contract.Assembler) (*Checked, Delta, error) {
	n := len(s.Courses)
	d := Delta{Assembled: make([]bool, n)}
	contracts := make([]*contract.Contract, n)

	all := prev == nil || !reflect.DeepEqual(prev.Site.Config, s.Config) || !reflect.DeepEqual(prev.Site.Editions, s.Editions)
	d.All = all
	var changed map[string]map[string]bool // by language, clause ids whose text changed
	if !all {
		changed, all = clauseChanges(prev.Site, s)
	}
	before := map[string]int{}
	if prev != nil {
		for i, c := range prev.Site.Courses {
			before[c.File] = i
		}
	}
	var redo []int
	reused := make([]int, n) // the index in prev of a reused contract, or -1
	for i, c := range s.Courses {
		reused[i] = -1
		j, ok := before[c.File]
		if all || !ok || !reflect.DeepEqual(prev.Site.Courses[j], c) || includesAny(prev.Contracts[j], changed[c.Language]) {
			redo = append(redo, i)
			d.Assembled[i] = true
			continue
		}
		// The old contract was assembled from content equal to the new:
		// point it at the new site so that nothing refers to the old one.
		k := *prev.Contracts[j]
		k.Site, k.Course = s, c
		contracts[i] = &k
		reused[i] = j
	}
	parallel(len(redo), func(x int) {
		i := redo[x]
		contracts[i] = a.Assemble(s.Courses[i])
	})
	// The editions are parsed again only when they changed (d.All).
	var history *edition.History
	var err error
	if d.All {
		if history, err = edition.NewHistory(s.Editions); err != nil {
			return nil, Delta{}, err
		}
	} else {
		history = prev.History
	}
	checked, err := finish(s, a, history, contracts, prev, func(i int) int { return reused[i] })
	if err != nil {
		return nil, Delta{}, err
	}
	return checked, d, nil
}

// clauseChanges compares the clause libraries of two loads of a site. It
// returns the ids whose clause changed only in ways that matter to the
// contracts that include it, or all = true when a change can affect any
// contract.
func clauseChanges(old, cur *site.Site) (changed map[string]map[string]bool, all bool) {
	changed = map[string]map[string]bool{}
	for _, lang := range cur.Config.Languages {
		ol, nl := old.Library.Lang(lang), cur.Library.Lang(lang)
		if !reflect.DeepEqual(ol.Sections, nl.Sections) || len(ol.Clauses) != len(nl.Clauses) {
			return nil, true
		}
		for i, nc := range nl.Clauses {
			oc := ol.Clauses[i] // both sorted by id
			if oc.ID != nc.ID || oc.Kind != nc.Kind || oc.When != nc.When || oc.Formula != nc.Formula ||
				!reflect.DeepEqual(oc.Jurisdictions, nc.Jurisdictions) {
				return nil, true
			}
			if !reflect.DeepEqual(oc, nc) {
				if changed[lang] == nil {
					changed[lang] = map[string]bool{}
				}
				changed[lang][nc.ID] = true
			}
		}
	}
	return changed, false
}

func includesAny(k *contract.Contract, ids map[string]bool) bool {
	if len(ids) == 0 {
		return false
	}
	for _, cl := range k.Clauses {
		if ids[cl.Source.ID] {
			return true
		}
	}
	return false
}

// Pages is a rendered site kept in memory so that RenderChanged can reuse
// the parts that did not change.
type Pages struct {
	Files   []render.File // every output file, sorted by path
	Draft   bool
	courses map[string][]render.File // by course file
	assets  []render.File
	// Rendered lists the output paths rendered by the call that made
	// these Pages; Changed the paths that are new or whose bytes differ
	// from the previous Pages, and Removed the paths that are gone. All
	// three are sorted.
	Rendered, Changed, Removed []string
}

// RenderChanged renders a checked site like Render, but takes the pages of
// every course that Recheck did not assemble again, and the assets, from
// prev. The index pages and the sitemap are always rendered again. all
// forces a full render: the theme changed. A file whose new bytes equal
// the old ones keeps the old slice, so unchanged pages are not replaced.
// prev may be nil.
func RenderChanged(prev *Pages, c *Checked, d Delta, all, draft bool) (*Pages, error) {
	r, err := render.New(c.Site)
	if err != nil {
		return nil, err
	}
	r.Extra = []render.File{{Path: "assets/calc.js", Data: refund.CalcJS}}
	all = all || prev == nil || d.All || prev.Draft != draft
	p := &Pages{Draft: draft, courses: make(map[string][]render.File, len(c.Contracts))}
	keep := newKeeper(prev)

	var redo []int
	for i, k := range c.Contracts {
		if all || i >= len(d.Assembled) || d.Assembled[i] {
			redo = append(redo, i)
			continue
		}
		old, ok := prev.courses[k.Course.File]
		if !ok {
			redo = append(redo, i)
			continue
		}
		p.courses[k.Course.File] = old
		keep.reused(old)
	}
	perCourse := make([][]render.File, len(redo))
	errs := make([]error, len(redo))
	parallel(len(redo), func(x int) {
		perCourse[x], errs[x] = r.Course(c.Contracts[redo[x]], c.Status[redo[x]], draft)
	})
	for x, i := range redo {
		if errs[x] != nil {
			return nil, errs[x]
		}
		keep.keep(perCourse[x])
		p.courses[c.Contracts[i].Course.File] = perCourse[x]
		for _, f := range perCourse[x] {
			p.Rendered = append(p.Rendered, f.Path)
		}
	}

	var files []render.File
	for _, k := range c.Contracts {
		files = append(files, p.courses[k.Course.File]...)
	}
	for _, l := range c.Site.Config.Languages {
		f, err := r.Index(l, c.Contracts, draft)
		if err != nil {
			return nil, err
		}
		one := []render.File{f}
		keep.keep(one)
		files = append(files, one[0])
		p.Rendered = append(p.Rendered, f.Path)
	}
	if all {
		p.assets, err = r.Assets()
		if err != nil {
			return nil, err
		}
		keep.keep(p.assets)
		for _, f := range p.assets {
			p.Rendered = append(p.Rendered, f.Path)
		}
	} else {
		p.assets = prev.assets
		keep.reused(p.assets)
	}
	files = append(files, p.assets...)
	sitemap := []render.File{render.Sitemap(c.Site.Config.BaseURL, files)}
	keep.keep(sitemap)
	files = append(files, sitemap[0])
	p.Rendered = append(p.Rendered, sitemap[0].Path)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	sort.Strings(p.Rendered)
	p.Files = files
	p.Changed = keep.changed
	sort.Strings(p.Changed)
	p.Removed = keep.removed()
	return p, nil
}

// keeper gives a newly rendered file the previous slice when its bytes
// did not change, and records which paths changed.
type keeper struct {
	old     map[string][]byte
	seen    map[string]bool
	changed []string
}

func newKeeper(prev *Pages) *keeper {
	k := &keeper{old: map[string][]byte{}, seen: map[string]bool{}}
	if prev != nil {
		for _, f := range prev.Files {
			k.old[f.Path] = f.Data
		}
	}
	return k
}

// keep replaces the files' data with the previous slices where equal.
func (k *keeper) keep(files []render.File) {
	for i, f := range files {
		k.seen[f.Path] = true
		if data, ok := k.old[f.Path]; ok && bytes.Equal(data, f.Data) {
			files[i].Data = data
			continue
		}
		k.changed = append(k.changed, f.Path)
	}
}

// reused records files taken over from the previous pages as they were.
func (k *keeper) reused(files []render.File) {
	for _, f := range files {
		k.seen[f.Path] = true
	}
}

func (k *keeper) removed() []string {
	var out []string
	for p := range k.old {
		if !k.seen[p] {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
