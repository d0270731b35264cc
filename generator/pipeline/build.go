// Package pipeline runs the stages in order — load, assemble, lint,
// render — and is what the commands and the preview server call. Writing
// the files is left to the caller (package output), so that the server
// can keep them in memory. A full build and the server's rebuild after a
// change are one render plan (plan.go): the full build is the rebuild
// with nothing previous.
package pipeline

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/internal/par"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/spell"
)

// Checked is a loaded site with its contracts assembled and linted.
type Checked struct {
	Site      *site.Site
	Assembler *contract.Assembler
	Contracts []*contract.Contract // in the order of Site.Courses
	History   *edition.History
	// Status is each contract's standing against its frozen editions, by
	// index of Contracts.
	Status   []edition.Status
	Findings []lint.Finding
	// lintOwn is each contract's own findings (lint.Result.Own), which
	// Recheck reuses for the contracts it reuses.
	lintOwn [][]lint.Finding
	// relint lints the contracts Recheck splices, and keeps what this
	// check's lint found in the texts it scanned for the next one.
	relint *lint.Relint
	// prepare, while Build renders, assembles, compares and lints
	// contract i in place of its stand-in; an error means that its
	// pages are not to be rendered.
	prepare func(i int) error
}

// Check loads the site in dir, assembles every course's contract and
// lints the result. An error means the input is malformed (exit 2);
// findings are returned in Checked. It is CheckContext without a way to
// stop it.
func Check(dir string, builtin site.Builtin) (*Checked, error) {
	return CheckContext(context.Background(), dir, builtin)
}

// CheckContext is Check that stops when ctx is done, between one
// course's contract and the next, and then returns ctx.Err(). It is a
// Recheck with nothing checked before: every contract is assembled.
func CheckContext(ctx context.Context, dir string, builtin site.Builtin) (*Checked, error) {
	c, _, err := Recheck(ctx, nil, dir, builtin)
	return c, err
}

// finish compares the assembled contracts with their frozen editions and
// lints the result. prev and reused, when not nil, say which contracts
// were reused from the previous check prev (Recheck): reused(i) is the
// index in prev of contract i, or -1. A reused contract reads as before,
// and Recheck reassembles everything when the editions, the settings or
// the library's structure changed, so its standing and its own lint
// findings are taken from prev instead of being computed again.
// spliced(i), when not nil, is likewise the index in prev of the contract
// that contract i was spliced from (contract.Assembler.Splice): only its
// clause texts differ, so its standing is computed again and the lint
// rules that read texts run again (lint.Relint); the other rules'
// findings are prev's.
func finish(ctx context.Context, s *site.Site, a *contract.Assembler, history *edition.History, contracts []*contract.Contract, prev *Checked, reused, spliced func(i int) int) (*Checked, error) {
	from := func(i int) int {
		if prev == nil || reused == nil {
			return -1
		}
		return reused(i)
	}
	splicedFrom := func(i int) int {
		if prev == nil || spliced == nil {
			return -1
		}
		return spliced(i)
	}
	// The lint starts from what the previous one found in the texts it
	// scanned: after a clause edit only the changed paragraphs are read.
	var kept *lint.Relint
	if prev != nil {
		kept = prev.relint
	}
	relint := lint.NewRelint(s, kept)
	status := make([]edition.Status, len(contracts))
	if err := parallel(ctx, len(contracts), func(i int) {
		if j := from(i); j >= 0 && j < len(prev.Status) {
			status[i] = prev.Status[j]
			return
		}
		status[i] = history.StatusOf(contracts[i])
	}); err != nil {
		return nil, err
	}
	res, err := relint.Check(lint.Input{Site: s, Contracts: contracts, LibraryProblems: a.Problems(), Editions: status,
		Known: func(i int) ([]lint.Finding, bool) {
			if j := from(i); j >= 0 && j < len(prev.lintOwn) {
				return prev.lintOwn[j], true
			}
			if j := splicedFrom(i); j >= 0 && j < len(prev.lintOwn) {
				own, err := relint.Own(contracts[i], &status[i], prev.lintOwn[j])
				if err == nil {
					return own, true
				}
			}
			return nil, false
		}})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Checked{Site: s, Assembler: a, Contracts: contracts, History: history, Status: status, Findings: res.Findings, lintOwn: res.Own, relint: relint}, nil
}

// Render renders every page of a checked site, plus assets and the
// sitemap. draft marks every page as a draft. It is the render plan
// with nothing previous (see plan).
func Render(c *Checked, draft bool) ([]render.File, error) {
	perCourse := make([][]render.File, len(c.Contracts))
	p, err := plan(context.Background(), c, nil, Delta{}, true, draft, false, nil, func(i int, files []render.File) error {
		perCourse[i] = files
		return nil
	})
	if err != nil {
		return nil, err
	}
	var files []render.File
	for _, fs := range perCourse {
		files = append(files, fs...)
	}
	return append(files, p.rest...), nil
}

// RenderTo renders the same files as Render but hands each to write as
// soon as it is rendered, and keeps none: a large site never has to fit
// in memory. The files are the same as Render's; only the order of the
// calls depends on scheduling. write is called from one goroutine at a
// time: the pages are rendered on every core, but written one after
// another, because file systems serialise the creation of files in a
// folder anyway and two writers only spend CPU time waiting for each
// other. It returns the number of files written; after an error from
// write it stops rendering and returns that error.
func RenderTo(c *Checked, draft bool, write func(render.File) error) (int, error) {
	return RenderToContext(context.Background(), c, draft, write)
}

// RenderToContext is RenderTo that stops when ctx is done: no course is
// rendered and no file written after that, and it returns ctx.Err().
func RenderToContext(ctx context.Context, c *Checked, draft bool, write func(render.File) error) (int, error) {
	return RenderToProgress(ctx, c, draft, write, nil)
}

// RenderToProgress is RenderToContext that calls progress (when not nil)
// after each course's pages are written, with the number of courses
// written so far and the number of courses, from the writing goroutine.
func RenderToProgress(ctx context.Context, c *Checked, draft bool, write func(render.File) error, progress func(done, total int)) (int, error) {
	return renderTo(ctx, c, draft, false, write, progress)
}

// RenderToRelease is RenderToProgress for a caller that is done with c
// once it is written, such as a command that builds and exits: as soon
// as a course's pages and its index card are rendered, it drops what only
// those pages read — the contract's clauses, sections, FAQ and rules in
// words, and the current text its standing was compared with — so the
// live heap shrinks as the build goes instead of holding every contract
// to the end. What the files made after the courses read (each course's
// settings, phrases and refund terms for the index pages, the standings
// for the feed) is kept. The files are RenderToProgress's, byte for byte;
// afterwards c must not be rendered or linted again.
func RenderToRelease(ctx context.Context, c *Checked, draft bool, write func(render.File) error, progress func(done, total int)) (int, error) {
	c.lintOwn, c.relint = nil, nil // only Recheck reads them
	return renderTo(ctx, c, draft, true, write, progress)
}

// Build checks the site in dir and renders it in one pass, for a
// command that builds and exits: each course's contract is assembled,
// compared with its frozen editions and linted just before its pages are
// rendered and handed to write, and released once they are (see
// RenderToRelease). So a build never holds every contract's texts at
// once, which a Check followed by RenderToRelease does until the render
// begins.
//
// The returned Checked is Check's, with the contracts released: its
// Findings are those of Check, and it must not be rendered or linted
// again. Its error is CheckContext's (nil Checked): the site does not
// load, a rule failed, or ctx is done. Otherwise the files written are
// RenderToProgress's, and the error is RenderToProgress's — except that,
// because rendering runs ahead of the lint of the whole site, pages may
// have been written when Findings hold errors; once a course's own
// findings hold an error (and not draft) no more pages are rendered, the
// remaining courses are only checked, and the error is ErrFindings. A
// caller writing into a temporary folder (package output) must then
// throw it away: with errors and without draft, nothing is to be
// written.
func Build(ctx context.Context, dir string, builtin site.Builtin, draft bool, write func(render.File) error, progress func(done, total int)) (*Checked, int, error) {
	s, err := site.Load(dir, builtin)
	if err != nil {
		return nil, 0, err
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	history, err := edition.NewHistory(s.Editions)
	if err != nil {
		return nil, 0, err
	}
	a := contract.New(s)
	n := len(s.Courses)
	c := &Checked{Site: s, Assembler: a, Contracts: make([]*contract.Contract, n), History: history, Status: make([]edition.Status, n)}
	for i, course := range s.Courses {
		// A stand-in until prepare assembles it: the plan reads the course.
		c.Contracts[i] = &contract.Contract{Site: s, Course: course, Lang: course.Language}
	}
	linter := lint.NewLinter(s)
	own := make([][]lint.Finding, n)
	errs := make([]error, n)
	checked := make([]bool, n)
	var fails atomic.Bool
	check := func(i int) {
		k := a.Assemble(s.Courses[i])
		st := history.StatusOf(k)
		c.Contracts[i], c.Status[i] = k, st
		fs, bad, err := linter.Own(k, st)
		own[i], errs[i], checked[i] = fs, err, true
		if bad {
			fails.Store(true)
		}
	}
	c.prepare = func(i int) error {
		check(i)
		if errs[i] != nil {
			return errs[i]
		}
		if fails.Load() && !draft {
			c.release(i) // its pages are not rendered
			return ErrFindings
		}
		return nil
	}
	written, rerr := renderTo(ctx, c, draft, true, write, progress)
	c.prepare = nil
	// The plan stops before the courses when the theme does not compile:
	// the lint of the site still decides what is reported.
	if err := parallel(ctx, n, func(i int) {
		if !checked[i] {
			check(i)
			c.release(i)
		}
	}); err != nil {
		return nil, written, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, written, err
	}
	res, err := lint.Check(lint.Input{Site: s, Contracts: c.Contracts, LibraryProblems: a.Problems(), Editions: c.Status,
		Known: func(i int) ([]lint.Finding, bool) { return own[i], true }})
	if err != nil {
		return nil, written, err
	}
	c.Findings = res.Findings
	if fails.Load() && !draft {
		return c, written, ErrFindings
	}
	return c, written, rerr
}

// ErrFindings is Build's error when lint found errors (without draft):
// the pages it wrote are incomplete and are to be thrown away.
var ErrFindings = errors.New("lint found errors; the build is incomplete")

// release replaces course i's contract with a copy that keeps only what
// the index pages, the feed and the sitemap read (see RenderToRelease).
func (c *Checked) release(i int) {
	k := c.Contracts[i]
	// A new contract rather than a copy: a copy would keep the refund
	// analysis the FAQ's table and lint computed (k.Analysis), which is
	// a large part of what a contract holds.
	c.Contracts[i] = &contract.Contract{Site: k.Site, Course: k.Course, Lang: k.Lang, Phrases: k.Phrases, Terms: k.Terms}
	if i < len(c.Status) {
		c.Status[i].Current = nil
	}
}

func renderTo(ctx context.Context, c *Checked, draft, release bool, write func(render.File) error, progress func(done, total int)) (int, error) {
	n, courses := 0, 0
	var werr error
	var failed atomic.Bool
	// A few courses' pages may wait to be written; the renderers block
	// beyond that, which bounds the memory of pages in flight.
	queue := make(chan []render.File, 8)
	done := make(chan struct{})
	var panicked any // a panic of write, raised again in the caller's goroutine
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				panicked = p
				failed.Store(true)
				for files := range queue { // let the renderers finish
					render.Recycle(files)
				}
			}
		}()
		for files := range queue {
			for _, f := range files {
				if werr == nil {
					if werr = ctx.Err(); werr == nil {
						werr = write(f)
					}
					if werr == nil {
						n++
					} else {
						failed.Store(true)
					}
				}
			}
			render.Recycle(files) // written: the buffers serve the next pages
			if courses++; progress != nil && werr == nil {
				progress(courses, len(c.Contracts))
			}
		}
	}()
	p, err := plan(ctx, c, nil, Delta{}, true, draft, true, nil, func(i int, files []render.File) error {
		if release {
			c.release(i) // its pages and card are rendered
		}
		if failed.Load() {
			render.Recycle(files)
			return errWriteFailed
		}
		queue <- files
		return nil
	})
	close(queue)
	<-done
	if panicked != nil {
		panic(panicked)
	}
	if werr != nil {
		return n, werr
	}
	if err != nil {
		return n, err
	}
	for _, f := range p.rest {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := write(f); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// errWriteFailed stops rendering after write failed; RenderTo returns
// write's error instead.
var errWriteFailed = errors.New("writing failed")

// extraAssets are the scripts the generator writes beside the theme's
// assets: the refund calculator and the amounts in words.
func extraAssets() []render.File {
	return []render.File{
		{Path: "assets/calc.js", Data: refund.CalcJS},
		{Path: "assets/words.js", Data: spell.Script()},
	}
}

// parallel calls f(0..n-1) on every core until ctx is done (see
// par.DoContext).
func parallel(ctx context.Context, n int, f func(i int)) error { return par.DoContext(ctx, n, f) }
