package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/output"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
)

func runBuild(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "build", "build [-s DIR] [-d DIR] [--draft]")
	dir := fs.String("s", ".", "the site `folder`")
	dest := fs.String("d", "", "the output `folder` (default: public/ inside the site)")
	draft := fs.Bool("draft", false, "build despite lint errors and mark every page as a draft")
	quiet := fs.Bool("q", false, "print nothing but problems")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "oferta build: unexpected argument %q (the site folder is given with -s)\n", pos[0])
		return exitBadInput
	}
	if *dest == "" {
		*dest = filepath.Join(*dir, "public")
	}
	if err := checkDest(*dir, *dest); err != nil {
		fmt.Fprintf(e.stderr, "oferta build: %v\n", err)
		return exitBadInput
	}
	start := time.Now()
	var line *progressLine
	var progress func(done, total int)
	if showProgress(*quiet, e.terminal(e.stderr), e.getenv) {
		line = newProgressLine(e.stderr, e.now)
		progress = line.update
	}
	// The site is checked and rendered in one pass, each page written as
	// soon as it is rendered, so that neither the contracts nor the site
	// ever have to fit in memory at once; the new folder replaces the old
	// one only when every file is written and the site has no errors.
	// The folder is made with the first file: a site that does not load
	// leaves no trace.
	var w *output.Writer
	write := func(f render.File) error {
		if w == nil {
			var err error
			if w, err = output.Create(*dest); err != nil {
				return createError{err}
			}
		}
		if err := w.Write(f); err != nil {
			return writeError{err}
		}
		return nil
	}
	checked, written, err := pipeline.Build(ctx, *dir, e.builtin, *draft, write, progress)
	if line != nil {
		line.clear() // before anything else is printed
	}
	abort := func() {
		if w != nil {
			w.Abort()
		}
	}
	if checked == nil {
		abort()
		return inputError(ctx, e, *dir, err)
	}
	findings := relocate(*dir, checked.Findings)
	errs, warns := lint.Count(findings)
	if len(findings) > 0 {
		lint.WriteText(e.stderr, findings)
	}
	if errs > 0 && !*draft {
		abort()
		fmt.Fprintf(e.stderr, "oferta: %s; nothing was written (use --draft to build anyway, marked as a draft)\n", countText(errs, warns))
		return exitFindings
	}
	// Once every file is written, an interruption still leaves the
	// previous output: the swap is the last step and cannot be half done.
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	var ce createError
	switch {
	case err != nil && ctx.Err() != nil:
		abort()
		return interrupted(e)
	case errors.As(err, &ce):
		if errors.As(err, new(*output.RefusedError)) {
			fmt.Fprintf(e.stderr, "oferta build: %v\n", ce.error)
			return exitBadInput
		}
		fmt.Fprintf(e.stderr, "oferta: writing %s: %v\n", *dest, ce.error)
		return exitBadInput
	case err != nil && !errors.As(err, new(writeError)):
		abort()
		return printErrors(e, *dir, err)
	case err == nil && w == nil: // nothing to write: an empty folder
		if w, err = output.Create(*dest); err == nil {
			err = w.Commit()
		}
	case err == nil:
		err = w.Commit()
	default:
		abort()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta: writing %s: %v\n", *dest, err)
		return exitBadInput
	}
	if !*quiet {
		what := "built"
		if *draft && errs > 0 {
			what = "built a DRAFT of"
		}
		n := len(checked.Contracts)
		fmt.Fprintf(e.stdout, "%s %d %s, %d files into %s in %s", what, n, plural(n, "course", "courses"), written, *dest, time.Since(start).Round(time.Millisecond))
		if errs+warns > 0 {
			fmt.Fprintf(e.stdout, " (%s)", countText(errs, warns))
		}
		fmt.Fprintln(e.stdout)
	}
	return exitOK
}

// writeError is a failure to write the output, told apart from a failure
// to render it.
type writeError struct{ error }

func (e writeError) Unwrap() error { return e.error }

// createError is a failure to start writing the output folder.
type createError struct{ error }

func (e createError) Unwrap() error { return e.error }

// relocate makes finding paths relative to the current folder.
func relocate(dir string, fs []lint.Finding) []lint.Finding {
	out := make([]lint.Finding, len(fs))
	for i, f := range fs {
		f.File = sitePath(dir, f.File)
		out[i] = f
	}
	return out
}

func countText(errs, warns int) string {
	return fmt.Sprintf("%d %s, %d %s", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
