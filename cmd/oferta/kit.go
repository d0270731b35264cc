package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/kit"
	"github.com/oferta-dev/oferta/generator/output"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

// runKit writes the seller's kit: per course, the message asking a client
// for a refund statement and the reply templates, the checkout texts and
// the embed snippets for a sales page, as Markdown files and
// an index.html to copy them from. It goes to kit/ inside the site, next
// to public/ and never inside it: nothing in it is for clients.
func runKit(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "kit", "kit [-s DIR] [-d DIR]")
	dir := fs.String("s", ".", "the site `folder`")
	dest := fs.String("d", "", "the output `folder` (default: kit/ inside the site)")
	quiet := fs.Bool("q", false, "print nothing but problems")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "oferta kit: unexpected argument %q (the site folder is given with -s)\n", pos[0])
		return exitBadInput
	}
	if *dest == "" {
		*dest = filepath.Join(*dir, "kit")
	}
	if err := checkDest(*dir, *dest); err != nil {
		fmt.Fprintf(e.stderr, "oferta kit: %v\n", err)
		return exitBadInput
	}
	if err := checkNotPublic(*dir, *dest); err != nil {
		fmt.Fprintf(e.stderr, "oferta kit: %v\n", err)
		return exitBadInput
	}
	checked, err := pipeline.Check(*dir, e.builtin)
	if err != nil {
		return printErrors(e, *dir, err)
	}
	// The messages give a client the statement form's address: a relative
	// path or the scaffold's placeholder would send them nowhere.
	switch checked.Site.Config.BaseURL {
	case "":
		fmt.Fprintf(e.stderr, "oferta kit: %s has no base_url: the messages give clients the address of the statement form; set base_url to the address of your site\n", sitePath(*dir, checked.Site.Config.File))
		return exitBadInput
	case site.SampleBaseURL:
		fmt.Fprintf(e.stderr, "oferta kit: base_url in %s is still the placeholder %s; replace it with the address of your site\n", sitePath(*dir, checked.Site.Config.File), site.SampleBaseURL)
		return exitBadInput
	}
	files, err := kit.Files(checked.Site, checked.Contracts, checked.Status)
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta kit: %v\n", err)
		return exitBadInput
	}
	if err := ctx.Err(); err != nil {
		return exitBadInput
	}
	if err := output.Write(*dest, files); err != nil {
		fmt.Fprintf(e.stderr, "oferta kit: writing %s: %v\n", *dest, err)
		return exitBadInput
	}
	if !*quiet {
		fmt.Fprintf(e.stdout, "wrote the seller's kit (%d files) into %s; it is for you only: do not publish it\n", len(files), *dest)
	}
	return exitOK
}

// checkNotPublic refuses to write the kit into the site's public/ folder,
// where the next upload would publish it.
func checkNotPublic(site, dest string) error {
	pub, err := filepath.Abs(filepath.Join(site, "public"))
	if err != nil {
		return err
	}
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(pub, d)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("-d %s is inside the site's public/ folder, which is published; the kit is for the seller only", dest)
	}
	return nil
}
