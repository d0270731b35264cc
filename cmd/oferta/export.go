package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/docx"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pdf"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
)

// runExport writes each course's contract and its statement form as
// files to send or sign.
func runExport(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "export", "export [COURSE…] --format pdf|docx [-o DIR] [-s DIR] [--draft]")
	dir := fs.String("s", ".", "the site `folder`")
	out := fs.String("o", "", "the `folder` to write the files into (default: export/ inside the site); files of other names in it are left alone")
	format := fs.String("format", "pdf", "pdf (the contract and the statement form, printed by Chromium) or docx (the contract and the statement form for Word)")
	draft := fs.Bool("draft", false, "export despite lint errors, every document marked as a draft (for review, never to sign)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if *format != "pdf" && *format != "docx" {
		fmt.Fprintf(e.stderr, "oferta export: unknown format %q; use pdf or docx\n", *format)
		return exitBadInput
	}
	var browser string
	if *format == "pdf" {
		if browser, err = pdf.Find(); err != nil {
			fmt.Fprintf(e.stderr, "oferta export: %v\n", err)
			return exitBadInput
		}
	}
	if *out == "" {
		*out = filepath.Join(*dir, "export")
	}
	if fi, err := os.Stat(*out); err == nil && !fi.IsDir() {
		fmt.Fprintf(e.stderr, "oferta export: -o %s is a file, not a folder\n", *out)
		return exitBadInput
	}
	checked, err := pipeline.CheckContext(ctx, *dir, e.builtin)
	if err != nil {
		return inputError(ctx, e, *dir, err)
	}
	findings := relocate(*dir, checked.Findings)
	if errs, warns := lint.Count(findings); errs > 0 {
		lint.WriteText(e.stderr, findings)
		if !*draft {
			fmt.Fprintf(e.stderr, "oferta export: %s; nothing was exported (a contract to sign must pass oferta lint; --draft exports a draft for review)\n", countText(errs, warns))
			// SPEC: export exits 0 or 2; a site that fails lint is bad
			// input for a document to sign (build and lint exit 1).
			return exitBadInput
		}
	}
	picked, err := pickCourses(checked, pos)
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta export: %v\n", err)
		return exitBadInput
	}
	r, err := render.New(checked.Site)
	if err != nil {
		return printErrors(e, *dir, err)
	}
	var files []render.File
	switch *format {
	case "pdf":
		files, err = exportPDF(ctx, r, checked, picked, browser, *draft)
	case "docx":
		files, err = exportDOCX(r, checked, picked, *draft)
	}
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(e)
		}
		fmt.Fprintf(e.stderr, "oferta export: %v\n", err)
		return exitBadInput
	}
	if ctx.Err() != nil {
		return interrupted(e)
	}
	if err := writeBeside(*out, files); err != nil {
		fmt.Fprintf(e.stderr, "oferta export: %v\n", err)
		return exitBadInput
	}
	for _, f := range files {
		fmt.Fprintln(e.stdout, filepath.Join(*out, f.Path))
	}
	return exitOK
}

// pickCourses returns the indexes in c.Contracts of the courses named
// (every course when none is), in the site's order.
func pickCourses(c *pipeline.Checked, names []string) ([]int, error) {
	if len(names) == 0 {
		all := make([]int, len(c.Contracts))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	want := map[*contract.Contract]bool{}
	for _, n := range names {
		k, err := findCourse(c, n)
		if err != nil {
			return nil, err
		}
		want[k] = true
	}
	var out []int
	for i, k := range c.Contracts {
		if want[k] {
			out = append(out, i)
		}
	}
	return out, nil
}

// exportName is the file name of a course's document: slug, language and
// which document ("smm-mentoring.ru.oferta.pdf").
func exportName(k *contract.Contract, doc, ext string) string {
	return k.Course.Slug + "." + k.Lang + "." + doc + "." + ext
}

// exportPDF prints each course's contract and statement pages, rendered
// in-process and served to Chromium from memory.
func exportPDF(ctx context.Context, r *render.Renderer, c *pipeline.Checked, picked []int, browser string, draft bool) ([]render.File, error) {
	served := map[string][]byte{}
	assets, err := r.Assets()
	if err != nil {
		return nil, err
	}
	for _, f := range assets {
		served[f.Path] = f.Data
	}
	for _, i := range picked {
		pages, err := r.Course(c.Contracts[i], c.Status[i], draft)
		if err != nil {
			return nil, err
		}
		for _, f := range pages {
			served[f.Path] = f.Data
		}
	}
	p, err := pdf.Start(ctx, browser, served)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	var out []render.File
	for _, i := range picked {
		k := c.Contracts[i]
		dir := contract.CoursePath(c.Site, k.Course)
		for _, doc := range []string{"oferta", "refund"} {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			data, err := p.Print(dir + doc + "/index.html")
			if err != nil {
				return nil, err
			}
			out = append(out, render.File{Path: exportName(k, doc, "pdf"), Data: data})
		}
	}
	return out, nil
}

// exportDOCX writes each course's contract in force, and its refund
// statement form, as Word documents.
func exportDOCX(r *render.Renderer, c *pipeline.Checked, picked []int, draft bool) ([]render.File, error) {
	var out []render.File
	for _, i := range picked {
		k, st := c.Contracts[i], c.Status[i]
		doc := st.InForceDoc
		if st.Live() {
			doc = edition.FromContract(k, st.InForce)
		}
		info := docx.ContractInfo{RequisitesSection: "requisites"}
		var err error
		for _, s := range []struct {
			key string
			to  *string
		}{{"contract_kicker", &info.Kicker}, {"contract_heading", &info.Heading}, {"contract_edition", &info.Edition}} {
			if *s.to, err = r.String(k.Lang, s.key); err != nil {
				return nil, err
			}
		}
		info.Edition += " " + lang.Date(k.Lang, st.InForce)
		if draft {
			label, err := r.String(k.Lang, "draft_label")
			if err != nil {
				return nil, err
			}
			text, err := r.String(k.Lang, "draft_text")
			if err != nil {
				return nil, err
			}
			info.Draft = label + " " + text
		}
		if c.Site.Config.BaseURL != "" {
			info.URL = contract.ContractURL(c.Site, k.Course)
		}
		data, err := docx.Contract(doc, info)
		if err != nil {
			return nil, err
		}
		out = append(out, render.File{Path: exportName(k, "oferta", "docx"), Data: data})
		form, err := statementDOCX(r, c.Site, k, st)
		if err != nil {
			return nil, err
		}
		out = append(out, render.File{Path: exportName(k, "refund", "docx"), Data: form})
	}
	return out, nil
}

// writeBeside writes files into the folder dir, each to a temporary file
// first that is renamed over its name when complete: a file of the same
// name is replaced whole or not at all, and nothing else in the folder is
// touched.
func writeBeside(dir string, files []render.File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if strings.ContainsRune(f.Path, '/') || strings.HasPrefix(f.Path, ".") {
			return fmt.Errorf("bad file name %q", f.Path)
		}
		dest := filepath.Join(dir, f.Path)
		if fi, err := os.Lstat(dest); err == nil && !fi.Mode().IsRegular() {
			return fmt.Errorf("refusing to replace %s: it is not a regular file", dest)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := writeFileAtomic(dest, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file beside it.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// calcPDF prints the calculation document html to PDF. The document is
// standalone (its stylesheet inline), so it is served from the assets
// folder, where the stylesheet's font addresses lead.
func calcPDF(ctx context.Context, r *render.Renderer, html []byte) ([]byte, error) {
	browser, err := pdf.Find()
	if err != nil {
		return nil, err
	}
	served := map[string][]byte{}
	assets, err := r.Assets()
	if err != nil {
		return nil, err
	}
	for _, f := range assets {
		served[f.Path] = f.Data
	}
	const page = "assets/calculation.html"
	served[page] = html
	p, err := pdf.Start(ctx, browser, served)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return p.Print(page)
}
