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
	return recheck(ctx, prev, s, contract.New(s))
}

// RecheckFiles is Recheck for a caller that knows which files changed since
// prev was checked: changed holds their paths relative to dir, with
// slashes, as file-system events report them. When every one of them is
// a course file, only those are read again, and the rest of the site, the
// parsed clause library and the editions are taken from prev; any other
// change, or no prev, is a Recheck. A missed event would leave a stale
// course behind, so the caller should fall back to Recheck whenever it is
// unsure (the preview server does after an error or an event overflow).
func RecheckFiles(ctx context.Context, prev *Checked, dir string, builtin site.Builtin, changed []string) (*Checked, Delta, error) {
	if prev == nil {
		return Recheck(ctx, prev, dir, builtin)
	}
	s, ok, err := site.Reload(prev.Site, changed)
	if !ok {
		return Recheck(ctx, prev, dir, builtin)
	}
	if err != nil {
		return nil, Delta{}, err
	}
	return recheck(ctx, prev, s, prev.Assembler.For(s))
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
		k.Site, k.Course, k.Phrases = s, c, s.Library.Lang(c.Language).Phrases
		contracts[i] = &k
		reused[i] = j
	}
	if err := parallel(ctx, len(redo), func(x int) {
		i := redo[x]
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
	checked, err := finish(ctx, s, a, history, contracts, prev, func(i int) int { return reused[i] })
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
	// theme is the compiled theme the pages were rendered with, kept
	// for the next call while the theme does not change.
	theme *render.Theme
	// Rendered lists the output paths rendered by the call that made
	// these Pages; Changed the paths that are new or whose bytes differ
	// from the previous Pages, and Removed the paths that are gone. All
	// three are sorted.
	Rendered, Changed, Removed []string
}

// RenderChanged renders a checked site like Render, but takes from prev
// the pages of every course that Recheck did not assemble again, their
// cards, the assets, and a language's index page and the sitemap while
// what they list did not change. The compiled theme is prev's while the
// theme's files and the jurisdiction are the same; otherwise every page
// is rendered again. all forces a full render too. A file whose new
// bytes equal the old ones keeps the old slice, so unchanged pages are
// not replaced. prev may be nil.
func RenderChanged(ctx context.Context, prev *Pages, c *Checked, d Delta, all, draft bool) (*Pages, error) {
	theme, err := compileChanged(prev, c.Site)
	if err != nil {
		return nil, err
	}
	r := theme.Renderer(c.Site)
	r.Extra = extraAssets()
	all = all || prev == nil || d.All || prev.Draft != draft || theme != prev.theme
	p := &Pages{Draft: draft, theme: theme, courses: make(map[string][]render.File, len(c.Contracts)), cards: make(map[string]template.HTML, len(c.Contracts))}
	keep := newKeeper(prev)
	var fresh []render.File // the files this call rendered

	var redo []int
	reused := make([]bool, len(c.Contracts))
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
		reused[i] = true
	}
	perCourse := make([][]render.File, len(redo))
	errs := make([]error, len(redo))
	if err := parallel(ctx, len(redo), func(x int) {
		perCourse[x], errs[x] = r.Course(c.Contracts[redo[x]], c.Status[redo[x]], draft)
	}); err != nil {
		return nil, err
	}
	for x, i := range redo {
		if errs[x] != nil {
			return nil, errs[x]
		}
		keep.keep(perCourse[x])
		p.courses[c.Contracts[i].Course.File] = perCourse[x]
		fresh = append(fresh, perCourse[x]...)
	}

	// The index pages are made from the cards of the courses: only those
	// of courses rendered again are new.
	card := func(i int) (template.HTML, error) {
		file := c.Contracts[i].Course.File
		if h, ok := prev.cardOf(file); ok && reused[i] {
			p.cards[file] = h
			return h, nil
		}
		h, err := r.Card(c.Contracts[i])
		p.cards[file] = h
		return h, err
	}
	// A language's index page is kept when its courses are the same and
	// each kept its card, unless everything is rendered again: a
	// language without courses has no card to tell that its page changed.
	count := map[string]int{}
	newCard := map[string]bool{}
	for i, k := range c.Contracts {
		count[k.Lang]++
		if _, ok := prev.cardOf(k.Course.File); !ok || !reused[i] {
			newCard[k.Lang] = true
		}
	}
	var rest []render.File // the files that are not a course's
	p.index = map[string]indexPage{}
	for _, l := range c.Site.Config.Languages {
		if old, ok := prev.indexOf(l); ok && !all && !newCard[l] && old.courses == count[l] {
			p.index[l] = old
			rest = append(rest, old.file)
			for i, k := range c.Contracts {
				if k.Lang == l {
					p.cards[k.Course.File], _ = card(i) // kept: no error
				}
			}
			continue
		}
		f, err := r.IndexWith(l, c.Contracts, draft, card)
		if err != nil {
			return nil, err
		}
		one := []render.File{f}
		keep.keep(one)
		rest = append(rest, one[0])
		fresh = append(fresh, one[0])
		p.index[l] = indexPage{file: one[0], courses: count[l]}
	}
	if all {
		p.assets, err = r.Assets()
		if err != nil {
			return nil, err
		}
		// The site-wide pages (the withdrawal function's entry) read
		// only the settings, the theme and draft, like the assets.
		sitePages, err := r.SitePages(draft)
		if err != nil {
			return nil, err
		}
		p.assets = append(p.assets, sitePages...)
		keep.keep(p.assets)
		fresh = append(fresh, p.assets...)
	} else {
		p.assets = prev.assets
	}
	rest = append(rest, p.assets...)
	// The feed of editions is small (one entry per frozen edition) and
	// made again on every rebuild.
	feed := []render.File{r.Feed(c.Contracts, c.Status)}
	if old, ok := prevFile(prev, render.FeedPath); ok && bytes.Equal(old.Data, feed[0].Data) {
		rest = append(rest, old)
	} else {
		keep.keep(feed)
		rest = append(rest, feed[0])
		fresh = append(fresh, feed[0])
	}

	files, same := patch(prev, fresh, len(rest)+1, p.courses)
	if !same {
		files = files[:0]
		for _, k := range c.Contracts {
			files = append(files, p.courses[k.Course.File]...)
		}
		files = append(files, rest...)
		slices.SortFunc(files, func(a, b render.File) int { return strings.Compare(a.Path, b.Path) })
	}
	// The sitemap lists the paths: it is kept while no path came or went.
	removed, added := keep.diff(files, render.SitemapPath)
	if !all && added == 0 && len(removed) == 0 {
		p.sitemap = prev.sitemap
	} else {
		sitemap := []render.File{render.Sitemap(c.Site.Config.BaseURL, files)}
		keep.keep(sitemap)
		p.sitemap = sitemap[0]
		fresh = append(fresh, p.sitemap)
	}
	at, found := slices.BinarySearchFunc(files, p.sitemap.Path, byPath)
	if found {
		files[at] = p.sitemap // patched: prev's sitemap was in its place
	} else {
		files = slices.Insert(files, at, p.sitemap)
	}
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

// compileChanged returns prev's compiled theme while s's theme and
// jurisdiction are those it was compiled from, and compiles s's theme
// otherwise: compiling is most of the time a small edit would cost.
func compileChanged(prev *Pages, s *site.Site) (*render.Theme, error) {
	if prev != nil && prev.theme.Compiled(s.Theme, s.Config.Jurisdiction) {
		return prev.theme, nil
	}
	return render.Compile(s.Theme, s.Config.Jurisdiction)
}

// prevFile returns the file at path among prev's, if any.
func prevFile(prev *Pages, path string) (render.File, bool) {
	if prev == nil {
		return render.File{}, false
	}
	if i, found := slices.BinarySearchFunc(prev.Files, path, byPath); found {
		return prev.Files[i], true
	}
	return render.File{}, false
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
