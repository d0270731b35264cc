package pipeline

import (
	"bytes"
	"context"
	"html/template"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
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
	// Spliced[i] reports that the contract of course i, one of those
	// Assembled, was made from its previous contract with only the text
	// of the changed clauses run again (see splice.go); nil when none was.
	Spliced []bool
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
//     jurisdictions or formula, to sections.toml or phrases.toml, or to oferta.toml
//     re-assembles every course, because each of those can change which
//     clauses a contract holds or how its refund is computed;
//   - a change to the frozen editions re-assembles every course too (it
//     changes every page's edition status; freezing is rare).
//
// Changes are found by comparing what was loaded, not by file names, so a
// missed file-system event cannot leave a stale contract behind. A
// reused contract keeps its edition standing and its lint findings; the
// checks of the site as a whole run every time. prev may be nil.
func Recheck(ctx context.Context, prev *Checked, dir string, builtin site.Builtin) (*Checked, Delta, error) {
	s, err := site.Load(dir, builtin)
	if err != nil {
		return nil, Delta{}, err
	}
	var a *contract.Assembler
	if prev != nil {
		a = prev.Assembler
	}
	return recheck(ctx, prev, s, a.Next(s))
}

// RecheckFiles is Recheck for a caller that knows which files changed since
// prev was checked: changed holds their paths relative to dir, with
// slashes, as file-system events report them. When every one of them is
// a course file or a file of the site's clause library, only the changed
// courses (and the library, when one of its files changed) are read
// again, and the rest of the site and the editions are taken from prev;
// an unchanged clause keeps its parsed template and its memo (see
// contract.Assembler.Next). Any other change, or no prev, is a Recheck.
// A missed event would leave a stale course behind, so the caller should
// fall back to Recheck whenever it is unsure (the preview server does
// after an error or an event overflow).
func RecheckFiles(ctx context.Context, prev *Checked, dir string, builtin site.Builtin, changed []string) (*Checked, Delta, error) {
	if prev == nil {
		return Recheck(ctx, prev, dir, builtin)
	}
	s, ok, err := site.ReloadFiles(prev.Site, builtin, changed)
	if !ok {
		return Recheck(ctx, prev, dir, builtin)
	}
	if err != nil {
		return nil, Delta{}, err
	}
	return recheck(ctx, prev, s, assemblerFor(prev, s))
}

// assemblerFor returns the assembler for s, a site reloaded from prev's:
// prev's own when the library is the same, else one that keeps prev's
// memos.
func assemblerFor(prev *Checked, s *site.Site) *contract.Assembler {
	if s.Library == prev.Site.Library {
		return prev.Assembler.For(s)
	}
	return prev.Assembler.Next(s)
}

// recheck assembles the contracts of s that changed since prev, reuses
// the others, and lints.
func recheck(ctx context.Context, prev *Checked, s *site.Site, a *contract.Assembler) (*Checked, Delta, error) {
	if err := ctx.Err(); err != nil {
		return nil, Delta{}, err
	}
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
	// A contract names the other languages its course is sold in
	// (.course.translations): a course of a slug whose languages changed
	// is assembled again.
	var twins map[string]bool
	if prev != nil {
		twins = slugChanges(prev.Site.Courses, s.Courses)
	}
	// Where only clause bodies changed, a contract that includes one is
	// spliced rather than assembled (see splice.go).
	var bodies map[string]map[string]bool
	if !all {
		bodies = bodyOnly(prev.Site, s, changed)
	}
	var redo []int
	reused := make([]int, n)  // the index in prev of a reused contract, or -1
	spliced := make([]int, n) // the index in prev of a spliced contract, or -1
	for i, c := range s.Courses {
		reused[i], spliced[i] = -1, -1
		j, ok := before[c.File]
		if all || !ok || !reflect.DeepEqual(prev.Site.Courses[j], c) || twins[c.Slug] {
			redo = append(redo, i)
			d.Assembled[i] = true
			continue
		}
		if includesAny(prev.Contracts[j], changed[c.Language]) {
			if bodies[c.Language] != nil {
				spliced[i] = j
				if d.Spliced == nil {
					d.Spliced = make([]bool, n)
				}
			}
			redo = append(redo, i)
			d.Assembled[i] = true
			continue
		}
		// The old contract was assembled from content equal to the new:
		// point it at the new site so that nothing refers to the old one.
		k := *prev.Contracts[j]
		k.Site, k.Course, k.Phrases = s, c, s.Library.Lang(c.Language).Phrases
		contracts[i] = &k
		reused[i] = j
	}
	var splicer *contract.Splicer
	if d.Spliced != nil {
		splicer = a.Splicer(bodies)
	}
	if err := parallel(ctx, len(redo), func(x int) {
		i := redo[x]
		if j := spliced[i]; j >= 0 {
			if k, ok := splicer.Splice(prev.Contracts[j], s.Courses[i]); ok {
				contracts[i] = k
				d.Spliced[i] = true
				return
			}
			spliced[i] = -1
		}
		contracts[i] = a.Assemble(s.Courses[i])
	}); err != nil {
		return nil, Delta{}, err
	}
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
	checked, err := finish(ctx, s, a, history, contracts, prev, func(i int) int { return reused[i] }, func(i int) int { return spliced[i] })
	if err != nil {
		return nil, Delta{}, err
	}
	return checked, d, nil
}

// slugChanges returns the slugs whose set of languages differs between
// two lists of courses: courses that came, went or changed slug or
// language.
func slugChanges(old, cur []*site.Course) map[string]bool {
	if len(old) == len(cur) {
		same := true
		for i := range old {
			if old[i] != cur[i] && (old[i].Slug != cur[i].Slug || old[i].Language != cur[i].Language) {
				same = false
				break
			}
		}
		if same {
			return nil // the usual edit: the same courses in the same order
		}
	}
	count := map[string]int{}
	for _, c := range old {
		count[c.Language+"/"+c.Slug]++
	}
	for _, c := range cur {
		count[c.Language+"/"+c.Slug]--
	}
	moved := map[string]bool{}
	for key, n := range count {
		if n != 0 {
			_, slug, _ := strings.Cut(key, "/")
			moved[slug] = true
		}
	}
	return moved
}

// clauseChanges compares the clause libraries of two loads of a site. It
// returns the ids whose clause changed only in ways that matter to the
// contracts that include it, or all = true when a change can affect any
// contract.
func clauseChanges(old, cur *site.Site) (changed map[string]map[string]bool, all bool) {
	changed = map[string]map[string]bool{}
	for _, lang := range cur.Config.Languages {
		ol, nl := old.Library.Lang(lang), cur.Library.Lang(lang)
		// The phrases (phrases.toml) word every contract's refund rule.
		if !reflect.DeepEqual(ol.Sections, nl.Sections) || len(ol.Clauses) != len(nl.Clauses) || !reflect.DeepEqual(ol.Phrases, nl.Phrases) {
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
	cards   map[string]template.HTML // each course's index entry, by course file
	index   map[string]indexPage     // by language
	sitemap render.File
	assets  []render.File
	folders map[string]string // each course's output folder ("smm/", "en/club/") to its slug
	// theme is the compiled theme the pages were rendered with, kept
	// for the next call while the theme does not change.
	theme *render.Theme
	// Rendered lists the output paths rendered by the call that made
	// these Pages; Changed the paths that are new or whose bytes differ
	// from the previous Pages, and Removed the paths that are gone. All
	// three are sorted.
	Rendered, Changed, Removed []string
}

// RenderChanged renders a checked site like Render, with the same render
// plan (see plan), but takes from prev the pages of every course that
// Recheck did not assemble again, their cards, the assets, and a
// language's index page and the sitemap while what they list did not
// change. The compiled theme is prev's while the theme's files and the
// jurisdiction are the same; otherwise every page is rendered again. all
// forces a full render too. A file whose new bytes equal the old ones
// keeps the old slice, so unchanged pages are not replaced. prev may be
// nil.
func RenderChanged(ctx context.Context, prev *Pages, c *Checked, d Delta, all, draft bool) (*Pages, error) {
	theme, err := compileChanged(prev, c.Site)
	if err != nil {
		return nil, err
	}
	all = all || (prev != nil && theme != prev.theme)
	perCourse := make([][]render.File, len(c.Contracts))
	pl, err := plan(ctx, c, prev, d, all, draft, false, theme, func(i int, files []render.File) error {
		perCourse[i] = files
		return nil
	})
	if err != nil {
		return nil, err
	}
	p := &Pages{Draft: draft, theme: theme, courses: make(map[string][]render.File, len(c.Contracts)), cards: make(map[string]template.HTML, len(c.Contracts)),
		index: pl.index, assets: pl.assets, sitemap: pl.sitemap}
	if pl.same && prev.folders != nil {
		p.folders = prev.folders // the same courses in the same folders
	} else {
		p.folders = make(map[string]string, len(c.Contracts))
		for _, k := range c.Contracts {
			p.folders[contract.CoursePath(c.Site, k.Course)] = k.Course.Slug
		}
	}
	keep := newKeeper(prev)
	var fresh []render.File // the files this call rendered
	for i, k := range c.Contracts {
		file := k.Course.File
		p.cards[file] = pl.cards[i]
		if !pl.rendered[i] {
			p.courses[file] = prev.courses[file]
			continue
		}
		keep.keep(perCourse[i])
		p.courses[file] = perCourse[i]
		fresh = append(fresh, perCourse[i]...)
	}
	// The feed is made every time; it counts as rendered when it changed.
	if old, ok := prev.File(render.FeedPath); !ok || !bytes.Equal(old, pl.feed.Data) {
		pl.fresh = append(pl.fresh, pl.feed)
	} else {
		pl.feed.Data = old
		for x := range pl.rest {
			if pl.rest[x].Path == render.FeedPath {
				pl.rest[x].Data = old
			}
		}
	}
	keep.keep(pl.fresh)
	fresh = append(fresh, pl.fresh...)
	// pl.rest holds the same files as pl.fresh where those were rendered:
	// give it the kept slices too.
	kept := make(map[string][]byte, len(pl.fresh))
	for _, f := range pl.fresh {
		kept[f.Path] = f.Data
	}
	rest := slices.Clone(pl.rest)
	for x, f := range rest {
		if data, ok := kept[f.Path]; ok {
			rest[x].Data = data
		}
		switch f.Path {
		case render.SitemapPath:
			p.sitemap = rest[x]
		}
	}
	for l, ip := range p.index {
		if data, ok := kept[ip.file.Path]; ok {
			ip.file.Data = data
			p.index[l] = ip
		}
	}

	files, same := patch(prev, fresh, len(rest), p.courses)
	if !same {
		files = files[:0]
		for _, k := range c.Contracts {
			files = append(files, p.courses[k.Course.File]...)
		}
		files = append(files, rest...)
		slices.SortFunc(files, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	}
	removed, _ := keep.diff(files, "")
	for _, f := range fresh {
		p.Rendered = append(p.Rendered, f.Path)
	}
	sort.Strings(p.Rendered)
	p.Files = files
	p.Changed = keep.changed
	sort.Strings(p.Changed)
	p.Removed = removed
	return p, nil
}

// File returns the bytes of the file at path ("smm/oferta/index.html").
func (p *Pages) File(path string) ([]byte, bool) {
	if p == nil {
		return nil, false
	}
	if i, found := slices.BinarySearchFunc(p.Files, path, byPath); found {
		return p.Files[i].Data, true
	}
	return nil, false
}

// CourseOf returns the slug of the course whose folder holds path, or "".
func (p *Pages) CourseOf(path string) string {
	if p == nil {
		return ""
	}
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			if slug, ok := p.folders[path[:i+1]]; ok {
				return slug
			}
		}
	}
	return ""
}

// courseOf returns the pages of the course in file.
func (p *Pages) courseOf(file string) ([]render.File, bool) {
	if p == nil {
		return nil, false
	}
	fs, ok := p.courses[file]
	return fs, ok
}

// compileChanged returns prev's compiled theme while s's theme and
// jurisdiction are those it was compiled from, and compiles s's theme
// otherwise: compiling is most of the time a small edit would cost.
func compileChanged(prev *Pages, s *site.Site) (*render.Theme, error) {
	if prev != nil && prev.theme.Compiled(s.Theme, s.Config.Jurisdiction) {
		return prev.theme, nil
	}
	return render.Compile(s.Theme, s.Config.Jurisdiction)
}

// patch returns prev's files with fresh ones in their place, when the
// new pages have exactly the paths of prev: then they need no sorting,
// and an edit of one course does not sort 30,000 paths. The new pages are
// the files of courses plus others more; same is false, and files
// empty, when the paths differ.
func patch(prev *Pages, fresh []render.File, others int, courses map[string][]render.File) (files []render.File, same bool) {
	n := others
	for _, fs := range courses {
		n += len(fs)
	}
	if prev == nil || n != len(prev.Files) {
		return nil, false
	}
	// Every fresh path is one of prev's and there are as many: then the
	// reused files, each at a path of prev, fill the rest exactly.
	files = slices.Clone(prev.Files)
	for _, f := range fresh {
		j, ok := slices.BinarySearchFunc(files, f.Path, byPath)
		if !ok {
			return nil, false
		}
		files[j] = f
	}
	return files, true
}

func byPath(f render.File, path string) int { return strings.Compare(f.Path, path) }

// indexPage is a language's index page and how many courses it lists.
type indexPage struct {
	file    render.File
	courses int
}

// indexOf returns the index page of language l.
func (p *Pages) indexOf(l string) (indexPage, bool) {
	if p == nil {
		return indexPage{}, false
	}
	x, ok := p.index[l]
	return x, ok
}

// cardOf returns the index entry of the course in file.
func (p *Pages) cardOf(file string) (template.HTML, bool) {
	if p == nil {
		return "", false
	}
	h, ok := p.cards[file]
	return h, ok
}

// keeper gives a newly rendered file the previous slice when its bytes
// did not change, and records which paths changed. It looks the previous
// files up in prev.Files, which is sorted by path: a site of 10,000
// courses has 30,000 files, and a map of them made for every edit would
// cost more than the edit.
type keeper struct {
	old     []render.File // sorted by path
	changed []string
}

func newKeeper(prev *Pages) *keeper {
	k := &keeper{}
	if prev != nil {
		k.old = prev.Files
	}
	return k
}

// keep replaces the files' data with the previous slices where equal.
func (k *keeper) keep(files []render.File) {
	for i, f := range files {
		j, ok := slices.BinarySearchFunc(k.old, f.Path, byPath)
		if ok && bytes.Equal(k.old[j].Data, f.Data) {
			files[i].Data = k.old[j].Data
			continue
		}
		k.changed = append(k.changed, f.Path)
	}
}

// diff compares the paths of the previous files with files, both sorted
// by path, except the path skip: it returns the paths gone and how many
// are new.
func (k *keeper) diff(files []render.File, skip string) (removed []string, added int) {
	i, j := 0, 0
	for i < len(k.old) || j < len(files) {
		switch {
		case i < len(k.old) && k.old[i].Path == skip:
			i++
		case j < len(files) && files[j].Path == skip:
			j++
		case j == len(files) || i < len(k.old) && k.old[i].Path < files[j].Path:
			removed = append(removed, k.old[i].Path)
			i++
		case i == len(k.old) || files[j].Path < k.old[i].Path:
			added++
			j++
		default:
			i, j = i+1, j+1
		}
	}
	return removed, added
}
