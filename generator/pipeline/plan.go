package pipeline

import (
	"context"
	"html/template"
	"sync/atomic"

	"github.com/oferta-dev/oferta/generator/render"
)

// The render plan. A full build and a rebuild after a change are the same
// code: plan renders a checked site given the pages of an earlier render
// of it, prev, and takes from prev whatever the change cannot have
// touched. A full build is a plan with nothing previous, which renders
// everything. So the preview server's pages and a build's files cannot
// drift apart: there is no second way of making them.

// planned is what a plan rendered besides the pages of the courses, which
// it hands to its caller one course at a time.
type planned struct {
	all bool // everything was rendered
	// same reports that the courses and the paths of their pages are
	// prev's: no course came, went or moved.
	same bool
	// rendered[i] reports that course i's pages were rendered rather
	// than taken from prev (courses are in the order of Checked.Contracts).
	rendered []bool
	cards    []template.HTML // each course's index entry
	index    map[string]indexPage
	assets   []render.File // the assets and the site-wide pages
	feed     render.File
	sitemap  render.File
	// fresh are the files besides the courses' that were rendered now:
	// index pages, assets, site pages and the sitemap unless kept (not
	// the feed, which is made every time).
	fresh []render.File
	// rest are the files that are not a course's: the index pages, the
	// assets, the site-wide pages, the feed and the sitemap.
	rest []render.File
}

// plan renders c. A course whose contract was not assembled again (d)
// keeps prev's pages and card, the index page of a language whose cards
// did not change is prev's, and so are the assets while neither the
// settings, the theme (all) nor draft changed. Every other file is
// rendered. course receives the pages of each course rendered, with the
// course's index, concurrently; with lend, they are the renderer's
// buffers (render.Renderer.Lend), which course must be done with when it
// returns. An error from course stops the plan. prev may be nil.
//
// theme is the compiled theme to render with; nil compiles the site's.
func plan(ctx context.Context, c *Checked, prev *Pages, d Delta, all, draft, lend bool, theme *render.Theme, course func(i int, files []render.File) error) (*planned, error) {
	var err error
	if theme == nil {
		if theme, err = render.Compile(c.Site.Theme, c.Site.Config.Jurisdiction); err != nil {
			return nil, err
		}
	}
	r := theme.Renderer(c.Site)
	r.Lend = lend
	r.Extra = extraAssets()
	all = all || prev == nil || d.All || prev.Draft != draft
	n := len(c.Contracts)
	p := &planned{all: all, rendered: make([]bool, n), cards: make([]template.HTML, n), index: map[string]indexPage{}}
	paths := make([][]string, n) // the paths of each rendered course's pages: the sitemap needs only these
	moved := false               // a course's paths differ from prev's
	var redo []int
	for i, k := range c.Contracts {
		_, ok := prev.courseOf(k.Course.File)
		card, hasCard := prev.cardOf(k.Course.File)
		if all || i >= len(d.Assembled) || d.Assembled[i] || !ok || !hasCard {
			redo = append(redo, i)
			p.rendered[i] = true
			continue
		}
		p.cards[i] = card
	}
	errs := make([]error, n)
	var failed atomic.Bool // a course failed: stop, the build is lost
	stopped := parallel(ctx, len(redo), func(x int) {
		i := redo[x]
		if c.prepare != nil {
			// A build assembles and lints each contract just before its
			// pages (Build); the course is checked even once writing failed.
			if err := c.prepare(i); err != nil {
				errs[i] = err
				return
			}
		}
		if failed.Load() {
			return
		}
		files, err := r.Course(c.Contracts[i], c.Status[i], draft)
		if err == nil {
			p.cards[i], err = r.Card(c.Contracts[i])
		}
		if err != nil {
			errs[i] = err // every course is still rendered, so the first error is always the same
			return
		}
		for _, f := range files {
			paths[i] = append(paths[i], f.Path)
		}
		if err := course(i, files); err != nil {
			errs[i] = err
			failed.Store(true)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if stopped != nil {
		return nil, stopped
	}
	for _, i := range redo {
		old, ok := prev.courseOf(c.Contracts[i].Course.File)
		if !ok || len(old) != len(paths[i]) {
			moved = true
			continue
		}
		for x, f := range old {
			if f.Path != paths[i][x] {
				moved = true
			}
		}
	}

	// A language's index page is made from the cards of its courses: it
	// is kept while they are the same courses and each kept its card.
	count := map[string]int{}
	newCard := map[string]bool{}
	for i, k := range c.Contracts {
		count[k.Lang]++
		if p.rendered[i] {
			newCard[k.Lang] = true
		}
	}
	for _, l := range c.Site.Config.Languages {
		if old, ok := prev.indexOf(l); ok && !all && !newCard[l] && old.courses == count[l] {
			p.index[l] = old
			p.rest = append(p.rest, old.file)
			continue
		}
		f, err := r.IndexWith(l, c.Contracts, draft, func(i int) (template.HTML, error) { return p.cards[i], nil })
		if err != nil {
			return nil, err
		}
		p.index[l] = indexPage{file: f, courses: count[l]}
		p.rest = append(p.rest, f)
		p.fresh = append(p.fresh, f)
		if _, ok := prev.indexOf(l); !ok {
			moved = true
		}
	}
	if all {
		// The site-wide pages (the withdrawal function's entry) read
		// only the settings, the theme and draft, like the assets.
		if p.assets, err = r.Assets(); err != nil {
			return nil, err
		}
		sitePages, err := r.SitePages(draft)
		if err != nil {
			return nil, err
		}
		p.assets = append(p.assets, sitePages...)
		p.fresh = append(p.fresh, p.assets...)
	} else {
		p.assets = prev.assets
	}
	p.rest = append(p.rest, p.assets...)
	// The feed of editions is small (one entry per frozen edition) and
	// made every time.
	p.feed = r.Feed(c.Contracts, c.Status)
	// The sitemap lists the paths: it is kept while no path came or went.
	p.same = !all && !moved && len(c.Contracts) == len(prev.courses) && len(prev.index) == len(p.index)
	if p.same {
		p.sitemap = prev.sitemap
	} else {
		var listed []render.File
		for i, k := range c.Contracts {
			if !p.rendered[i] {
				old, _ := prev.courseOf(k.Course.File)
				for _, f := range old {
					listed = append(listed, render.File{Path: f.Path})
				}
				continue
			}
			for _, path := range paths[i] {
				listed = append(listed, render.File{Path: path})
			}
		}
		listed = append(listed, p.rest...)
		p.sitemap = render.Sitemap(c.Site.Config.BaseURL, listed)
		p.fresh = append(p.fresh, p.sitemap)
	}
	p.rest = append(p.rest, p.sitemap, p.feed)
	return p, nil
}
