package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

// snapshot is what the handler serves: replaced as a whole, never
// changed once published.
type snapshot struct {
	gen int
	// pages are the pipeline's pages, served as they are; nil until a
	// build succeeded.
	pages *pipeline.Pages
	// preview, when not nil, is served over pages: the site right after
	// a clause edit, whose touched courses are rendered when first asked
	// for, while the whole site is checked and rendered behind.
	preview *pipeline.Preview
	// checking reports that the lint findings are not yet those of the
	// files on disk: the whole site is being checked.
	checking bool
	// assets is a digest of every file but the HTML pages and the
	// sitemap: a page looks different when one of them changed.
	assets string
	// problems say why the pages are not the site as it is on disk;
	// empty when they are. Each has a file, line and column where known.
	problems []Problem
	// draft reports that the pages were rendered despite lint errors, as a
	// draft, because no clean build has been made yet.
	draft bool
	// findings are the lint findings of the last site that loaded.
	findings []lint.Finding
	// slow, when not empty, says that a rebuild has been running for
	// longer than Options.SlowAfter.
	slow string
}

// file returns the served bytes of an output path.
func (sn *snapshot) file(rel string) ([]byte, bool) {
	if sn.preview != nil {
		data, ok, err := sn.preview.File(rel)
		if err == nil {
			return data, ok
		}
		// The course does not render yet: the full check behind says
		// why; until then its last pages stay.
	}
	return sn.pages.File(rel)
}

// built reports whether anything was built yet.
func (sn *snapshot) built() bool { return sn.pages != nil }

// Problem is one error shown in the overlay.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
	Rule    string `json:"rule,omitempty"`
}

// built is the state a rebuild continues from: the check the served
// files were rendered from, and the pages. Only rebuild touches it.
type built struct {
	checked *pipeline.Checked
	pages   *pipeline.Pages
	clean   bool // the pages were rendered without lint errors
}

// result is what one rebuild did, for the progress line and for tests.
type result struct {
	gen       int
	ok        bool     // the new pages are served
	assembled int      // contracts assembled again
	all       bool     // everything was rebuilt
	courses   int      // courses of the site
	rendered  []string // output paths rendered again
	changed   []string // output paths new or with new bytes
	removed   []string // output paths gone
	problems  []Problem
	warnings  int
	fixed     bool // the previous rebuild had errors, this one has none
	took      time.Duration
	// abandoned reports a rebuild stopped because its context ended (a
	// newer change superseded it, or the server stops): nothing was
	// published, and the next rebuild reads its files again.
	abandoned bool
	first     bool // the server's first build
}

// rebuild brings the served site up to date with the files on disk.
// changed are the paths that changed (absolute or relative to the site).
// When only course files changed since the last check, only they are
// read again (pipeline.RecheckFiles); otherwise the whole site is loaded and
// compared with the previous build, and the paths only say whether the
// theme changed, which loading cannot see.
//
// A rebuild stops when ctx ends (see watch) and then publishes nothing.
// One that takes longer than Options.SlowAfter, waiting for the previous
// one included, is reported to the open pages while it runs.
func (s *Server) rebuild(ctx context.Context, changed []string) result {
	start := time.Now()
	ended := make(chan struct{})
	defer close(ended)
	done := new(bool)
	go s.watchSlow(ended, done)
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.pubMu.Lock()
	s.finished = done
	s.pubMu.Unlock()
	for _, p := range changed {
		rel := s.rel(p)
		if !slices.Contains(s.since, rel) {
			s.since = append(s.since, rel)
		}
	}
	// The theme may have changed in an earlier rebuild that did not
	// finish: since holds its paths too.
	theme := false
	for _, rel := range s.since {
		theme = theme || strings.HasPrefix(rel, "themes/")
	}
	cur := s.snap.Load()
	next := *cur
	next.slow = ""
	res := result{first: cur.gen == 0}
	if ctx.Err() != nil {
		return s.abandon(ctx, res)
	}

	// A change of clauses first shows a preview: the pages asked for are
	// rendered at once, the rest of the site is checked behind.
	var pv *pipeline.Preview
	if !theme && cur.built() && len(cur.problems) == 0 && touchesClauses(s.since) {
		p, ok, err := pipeline.Prepare(ctx, s.last.checked, s.last.pages, s.opts.Builtin, s.since)
		if ctx.Err() != nil {
			return s.abandon(ctx, res)
		}
		if ok && err == nil {
			pv = p
			// The pages tabs show are rendered first, before the open
			// tabs ask for them and before the check of the whole site
			// takes the cores.
			for _, rel := range s.recentlyViewed() {
				pv.File(rel)
			}
			s.publishPreview(pv)
			if s.afterPreview != nil {
				s.afterPreview()
			}
		}
	}
	var checked *pipeline.Checked
	var delta pipeline.Delta
	var err error
	if pv != nil {
		checked, delta, err = pv.Recheck(ctx, s.last.checked)
	} else {
		checked, delta, err = pipeline.RecheckFiles(ctx, s.last.checked, s.opts.Dir, s.opts.Builtin, s.since)
	}
	if ctx.Err() != nil {
		return s.abandon(ctx, res)
	}
	next = *s.snap.Load()
	next.slow = ""
	if err != nil {
		next.preview, next.checking = nil, false
		next.problems = problemsOf(err)
		return s.publish(&next, res, start)
	}
	next.findings = checked.Findings
	res.courses = len(checked.Contracts)
	var lintErrors []Problem
	for _, f := range checked.Findings {
		if f.Severity == lint.Error {
			lintErrors = append(lintErrors, Problem{File: f.File, Line: f.Line, Col: f.Col, Message: f.Message, Rule: f.Rule})
		} else {
			res.warnings++
		}
	}
	if len(lintErrors) > 0 && s.last.clean {
		// Keep the last good pages; the overlay says why.
		next.preview, next.checking = nil, false
		next.problems = lintErrors
		return s.publish(&next, res, start)
	}
	draft := len(lintErrors) > 0
	if pv != nil {
		// The whole site is checked: say so while its pages render.
		next.checking = false
		s.publishStatus(&next)
	}
	pages, err := pipeline.RenderChanged(ctx, s.last.pages, checked, delta, theme, draft)
	if ctx.Err() != nil {
		return s.abandon(ctx, res)
	}
	next.slow = ""
	next.preview, next.checking = nil, false
	if err != nil {
		next.problems = problemsOf(err)
		return s.publish(&next, res, start)
	}
	s.last = built{checked: checked, pages: pages, clean: !draft}
	s.since = nil
	next.problems, next.draft = lintErrors, draft
	next.pages = pages
	if cur.pages == nil || delta.All || theme || assetsTouched(pages) {
		next.assets = assetDigest(pages)
	}
	res.ok = !draft
	res.assembled, res.all = delta.Count(), delta.All || theme
	res.rendered, res.changed, res.removed = pages.Rendered, pages.Changed, pages.Removed
	return s.publish(&next, res, start)
}

// touchesClauses reports whether a changed path is in the site's clause
// library.
func touchesClauses(changed []string) bool {
	for _, p := range changed {
		if p == "clauses" || strings.HasPrefix(p, "clauses/") {
			return true
		}
	}
	return false
}

// publishPreview serves pv over the current pages until the rebuild that
// made it ends, and asks the open pages to check their version: each
// asks for its own page, which is then rendered at once.
func (s *Server) publishPreview(pv *pipeline.Preview) {
	next := *s.snap.Load()
	next.slow = ""
	next.preview, next.checking = pv, true
	fmt.Fprintf(s.opts.Log, "clause changed: %d %s touched, showing them as they are asked for; checking the site…\n", pv.Touched(), plural(pv.Touched(), "course", "courses"))
	s.publishStatus(&next)
}

// publishStatus swaps next in without ending the rebuild, and asks the
// open pages to check their version and findings.
func (s *Server) publishStatus(next *snapshot) {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	next.gen = s.snap.Load().gen + 1
	s.snap.Store(next)
	data, _ := json.Marshal(struct {
		Gen     int      `json:"gen"`
		Changed []string `json:"changed"`
	}{next.gen, []string{}})
	s.hub.publish(message{event: "reload", data: data})
}

// abandon ends a rebuild whose context ended: the files it was to read
// stay in since, for the next one.
func (s *Server) abandon(ctx context.Context, res result) result {
	s.pubMu.Lock()
	*s.finished = true
	s.pubMu.Unlock()
	res.abandoned = true
	if errors.Is(context.Cause(ctx), errSuperseded) {
		fmt.Fprintln(s.opts.Log, "abandoned a rebuild: a newer change came")
	}
	return res
}

// watchSlow tells the open pages, and the terminal, when the rebuild
// that started is still running after Options.SlowAfter: a
// clause template that loops, or a site so large that the wait is worth
// saying. The rebuild's own snapshot replaces the notice when it ends.
func (s *Server) watchSlow(ended <-chan struct{}, done *bool) {
	t := time.NewTimer(s.opts.SlowAfter)
	defer t.Stop()
	select {
	case <-ended:
		return
	case <-t.C:
	}
	msg := fmt.Sprintf("Still rebuilding after %s: the pages shown are from the last finished build. "+
		"If this lasts, a clause template may loop or write without end; the next save starts again.", s.opts.SlowAfter.Round(time.Millisecond))
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if *done {
		return // published meanwhile: the notice would be stale
	}
	fmt.Fprintf(s.opts.Log, "still rebuilding after %s\n", s.opts.SlowAfter.Round(time.Millisecond))
	next := *s.snap.Load()
	next.gen++
	next.slow = msg
	s.snap.Store(&next)
	data, _ := json.Marshal(struct {
		Gen     int      `json:"gen"`
		Changed []string `json:"changed"`
	}{next.gen, []string{}})
	s.hub.publish(message{event: "status", data: data})
}

// publish swaps the new snapshot in, tells the open pages and prints the
// progress line.
func (s *Server) publish(next *snapshot, res result, start time.Time) result {
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if s.finished != nil {
		*s.finished = true
	}
	cur := s.snap.Load()
	next.gen = cur.gen + 1
	res.gen = next.gen
	res.problems = next.problems
	res.fixed = len(cur.problems) > 0 && len(next.problems) == 0
	res.took = time.Since(start)
	s.snap.Store(next)
	event := "status"
	if len(res.changed)+len(res.removed) > 0 {
		event = "reload"
	}
	data, _ := json.Marshal(struct {
		Gen     int      `json:"gen"`
		Changed []string `json:"changed"`
	}{next.gen, urlPaths(res.changed, res.removed)})
	s.hub.publish(message{event: event, data: data})
	s.progress(res)
	return res
}

// progress prints one line per rebuild, and one per error.
func (s *Server) progress(res result) {
	w := s.opts.Log
	took := res.took.Round(time.Millisecond)
	for _, p := range res.problems {
		fmt.Fprintf(w, "error: %s\n", s.problemText(p))
	}
	warn := ""
	if res.warnings > 0 {
		warn = fmt.Sprintf(", %d %s", res.warnings, plural(res.warnings, "warning", "warnings"))
	}
	pages := countPages(res.changed, res.removed)
	if res.fixed {
		fmt.Fprint(w, "fixed: ")
	}
	switch {
	case res.problems != nil && res.rendered == nil:
		if s.last.pages != nil {
			fmt.Fprintf(w, "kept the last good pages (%d %s to fix)\n", len(res.problems), plural(len(res.problems), "error", "errors"))
		} else {
			fmt.Fprintln(w, "nothing to show yet: fix the errors above")
		}
	case !res.ok:
		fmt.Fprintf(w, "built a DRAFT of %d %s in %s: fix the errors above\n", res.courses, plural(res.courses, "course", "courses"), took)
	case res.first:
		fmt.Fprintf(w, "built %d %s (%d %s) in %s%s\n", res.courses, plural(res.courses, "course", "courses"), pages, plural(pages, "page", "pages"), took, warn)
	case pages == 0:
		fmt.Fprintf(w, "no page changed (checked in %s%s)\n", took, warn)
	case res.all:
		fmt.Fprintf(w, "rebuilt all %d %s (%d %s changed) in %s%s\n", res.courses, plural(res.courses, "course", "courses"), pages, plural(pages, "page", "pages"), took, warn)
	default:
		fmt.Fprintf(w, "rebuilt %d %s (%d %s changed) in %s%s\n", res.assembled, plural(res.assembled, "course", "courses"), pages, plural(pages, "page", "pages"), took, warn)
	}
}

// problemText is a problem as the terminal shows it: the path as the user
// can open it from where they started the server.
func (s *Server) problemText(p Problem) string {
	file := p.File
	if file != "" && s.opts.Dir != "." && s.opts.Dir != "" && !strings.HasPrefix(file, "builtin:") {
		file = filepath.Join(s.opts.Dir, file)
	}
	msg := p.Message
	if p.Rule != "" {
		msg += " [" + p.Rule + "]"
	}
	switch {
	case file == "":
		return msg
	case p.Line == 0:
		return file + ": " + msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", file, p.Line, max(p.Col, 1), msg)
}

// rel makes a changed path relative to the site, with slashes.
func (s *Server) rel(p string) string {
	if filepath.IsAbs(p) {
		if r, err := filepath.Rel(s.root, p); err == nil {
			p = r
		}
	}
	return filepath.ToSlash(p)
}

// problemsOf turns a load or render error into positioned problems.
func problemsOf(err error) []Problem {
	var out []Problem
	for _, e := range site.Errors(err) {
		msg := "unknown error"
		if e.Err != nil {
			msg = e.Err.Error()
		}
		out = append(out, Problem{File: e.File, Line: e.Line, Col: e.Col, Message: msg})
	}
	return out
}

// urlPaths turns output paths into the URL paths pages are opened at.
func urlPaths(lists ...[]string) []string {
	out := []string{}
	for _, list := range lists {
		for _, p := range list {
			out = append(out, "/"+strings.TrimSuffix(p, "index.html"))
		}
	}
	sort.Strings(out)
	return out
}

// countPages counts the HTML pages among changed output paths.
func countPages(lists ...[]string) int {
	n := 0
	for _, list := range lists {
		for _, p := range list {
			if isPage(p) {
				n++
			}
		}
	}
	return n
}

func isPage(p string) bool { return path.Ext(p) == ".html" }

// assetsTouched reports whether any file but a page or the sitemap
// changed or went away.
func assetsTouched(p *pipeline.Pages) bool {
	for _, list := range [][]string{p.Changed, p.Removed} {
		for _, path := range list {
			if !isPage(path) && path != "sitemap.xml" {
				return true
			}
		}
	}
	return false
}

// assetDigest sums up every file a page loads besides itself.
func assetDigest(p *pipeline.Pages) string {
	h := sha256.New()
	for _, f := range p.Files { // sorted by path
		if !isPage(f.Path) && f.Path != "sitemap.xml" {
			sum := sha256.Sum256(f.Data)
			h.Write([]byte(f.Path))
			h.Write(sum[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// version identifies what a page looks like: its bytes and its assets.
// The injected script compares it with the status to know when to reload.
func (sn *snapshot) version(rel string) string {
	data, ok := sn.file(rel)
	if !ok {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8]) + "." + sn.assets
}

// courseOf returns the slug of the course a page belongs to, or "".
func (sn *snapshot) courseOf(rel string) string {
	if sn.preview != nil {
		return sn.preview.CourseOf(rel)
	}
	return sn.pages.CourseOf(rel)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
