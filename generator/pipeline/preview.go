package pipeline

import (
	"context"
	"reflect"
	"sync"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

// Preview is a site right after some of its course or clause files
// changed, before it is checked again as a whole: the pages of the
// courses the change touches are assembled and rendered when they are
// first asked for (File), and every other file is the previous pages'.
// It lets the preview server show the page a lawyer is looking at a few
// milliseconds after a save of a clause every course includes, while the
// whole site is checked and rendered behind (Recheck, RenderChanged),
// which then replaces the preview. A course's pages in a Preview are
// byte for byte what RenderChanged gives for it; the index pages, the
// sitemap and the feed are the previous ones until then.
type Preview struct {
	base    *Pages
	site    *site.Site
	a       *contract.Assembler
	history *edition.History
	r       *render.Renderer
	// dirty are the courses the change touches, by output folder; a
	// folder whose course went away maps to a course without one.
	dirty map[string]*lazyCourse
	// folders are every course's folder, new ones included, to the slug.
	folders map[string]string
}

// lazyCourse is one touched course, rendered the first time a page of
// it is asked for.
type lazyCourse struct {
	course *site.Course // nil: the course went away
	once   sync.Once
	files  []render.File
	err    error
}

// Prepare returns the preview of the site checked as prev and rendered
// as pages after the files in changed (relative to the site, with
// slashes) changed. ok is false when a preview cannot be made cheaply: a
// change of anything but course files and the clause library, or nothing
// checked before; the caller then checks the whole site. An error means
// the changed files do not load.
func Prepare(ctx context.Context, prev *Checked, pages *Pages, builtin site.Builtin, changed []string) (*Preview, bool, error) {
	if prev == nil || pages == nil || len(changed) == 0 {
		return nil, false, nil
	}
	s, ok, err := site.ReloadFiles(prev.Site, builtin, changed)
	if !ok || err != nil {
		return nil, ok, err
	}
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	a := assemblerFor(prev, s)
	theme, err := compileChanged(pages, s)
	if err != nil {
		return nil, true, err
	}
	r := theme.Renderer(s)
	r.Extra = extraAssets()
	p := &Preview{base: pages, site: s, a: a, history: prev.History, r: r, dirty: map[string]*lazyCourse{}, folders: make(map[string]string, len(s.Courses))}
	var ids map[string]map[string]bool
	all := false
	if s.Library != prev.Site.Library {
		ids, all = clauseChanges(prev.Site, s)
	}
	before := make(map[string]int, len(prev.Site.Courses))
	for i, c := range prev.Site.Courses {
		before[c.File] = i
	}
	twins := slugChanges(prev.Site.Courses, s.Courses)
	seen := map[string]bool{}
	for _, c := range s.Courses {
		folder := contract.CoursePath(s, c)
		p.folders[folder] = c.Slug
		seen[folder] = true
		j, ok := before[c.File]
		if all || !ok || !reflect.DeepEqual(prev.Site.Courses[j], c) || includesAny(prev.Contracts[j], ids[c.Language]) || twins[c.Slug] ||
			contract.CoursePath(prev.Site, prev.Site.Courses[j]) != folder {
			p.dirty[folder] = &lazyCourse{course: c}
		}
	}
	for _, c := range prev.Site.Courses {
		if folder := contract.CoursePath(prev.Site, c); !seen[folder] {
			p.dirty[folder] = &lazyCourse{}
		}
	}
	return p, true, nil
}

// Touched returns how many courses the change touches.
func (p *Preview) Touched() int { return len(p.dirty) }

// Draft reports whether the preview's pages are drafts: the previous
// pages were.
func (p *Preview) Draft() bool { return p.base.Draft }

// File returns the bytes of the file at path, rendering its course's
// pages first when the change touched it and they were not asked for
// yet. It is safe to call from several goroutines.
func (p *Preview) File(path string) ([]byte, bool, error) {
	folder, ok := p.folderOf(path)
	if !ok {
		data, found := p.base.File(path)
		return data, found, nil
	}
	lc, dirty := p.dirty[folder]
	if !dirty {
		data, found := p.base.File(path)
		return data, found, nil
	}
	if lc.course == nil {
		return nil, false, nil
	}
	lc.once.Do(func() {
		k := p.a.Assemble(lc.course)
		lc.files, lc.err = p.r.Course(k, p.history.StatusOf(k), p.base.Draft)
	})
	if lc.err != nil {
		return nil, false, lc.err
	}
	for _, f := range lc.files {
		if f.Path == path {
			return f.Data, true, nil
		}
	}
	return nil, false, nil
}

// CourseOf returns the slug of the course whose folder holds path, or "".
func (p *Preview) CourseOf(path string) string {
	if folder, ok := p.folderOf(path); ok {
		return p.folders[folder]
	}
	return ""
}

// folderOf returns the course folder that holds path: the longest
// folder of a course of the site now or of one that went away.
func (p *Preview) folderOf(path string) (string, bool) {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			f := path[:i+1]
			if _, ok := p.folders[f]; ok {
				return f, true
			}
			if _, ok := p.dirty[f]; ok {
				return f, true
			}
		}
	}
	return "", false
}

// Recheck is pipeline.Recheck of the site as the preview loaded it, for
// prev, the check the preview was prepared from.
func (p *Preview) Recheck(ctx context.Context, prev *Checked) (*Checked, Delta, error) {
	return recheck(ctx, prev, p.site, p.a)
}
