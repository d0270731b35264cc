package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// EditionFile is one frozen contract: editions/<date>/<lang>/<slug>.md,
// as `oferta freeze` wrote it. Package edition parses the text.
type EditionFile struct {
	File string // "editions/2026-11-01/ru/smm-mentoring.md"
	Date time.Time
	Lang string
	Slug string
	Text []byte
	// TermsFile and Terms are the refund terms recorded beside the text
	// (editions/<date>/<lang>/<slug>.toml); empty for an edition frozen
	// before oferta recorded terms.
	TermsFile string
	Terms     []byte
}

// loadEditions reads every frozen edition of the site, oldest first.
func loadEditions(sf *siteFiles) ([]EditionFile, error) {
	var errs ErrorList
	var out []EditionFile
	terms := map[string]EditionFile{} // by the path of the text beside
	err := fs.WalkDir(sf.root.FS(), "editions", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "editions" {
				return fs.SkipDir
			}
			return sf.explain(p, err)
		}
		if strings.HasPrefix(d.Name(), ".") && p != "editions" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		parts := strings.Split(p, "/")
		if d.IsDir() {
			if len(parts) == 2 {
				if _, err := time.Parse("2006-01-02", parts[1]); err != nil {
					errs = append(errs, Errorf(Pos{File: p}, "an edition folder must be named by its date, like editions/2026-11-01"))
					return fs.SkipDir
				}
			}
			return nil
		}
		if len(parts) != 4 || (path.Ext(p) != ".md" && path.Ext(p) != ".toml") {
			errs = append(errs, Errorf(Pos{File: p}, "unexpected file: editions hold editions/<date>/<lang>/<course>.md (the text) and <course>.toml (its refund terms), written by oferta freeze"))
			return nil
		}
		data, err := sf.read(p, maxFileSize)
		if err == nil {
			err = checkUTF8(p, string(data), 0)
		}
		if err != nil {
			errs = append(errs, Errors(err)...)
			return nil
		}
		if path.Ext(p) == ".toml" {
			terms[strings.TrimSuffix(p, ".toml")+".md"] = EditionFile{TermsFile: p, Terms: data}
			return nil
		}
		date, _ := time.Parse("2006-01-02", parts[1])
		out = append(out, EditionFile{File: p, Date: date, Lang: parts[2], Slug: strings.TrimSuffix(parts[3], ".md"), Text: data})
		return nil
	})
	var e *Error
	if errors.As(err, &e) {
		errs = append(errs, e)
	} else if err != nil {
		errs = append(errs, &Error{File: "editions", Err: fmt.Errorf("reading editions: %w", err)})
	}
	for i := range out {
		if t, ok := terms[out[i].File]; ok {
			out[i].TermsFile, out[i].Terms = t.TermsFile, t.Terms
			delete(terms, out[i].File)
		}
	}
	for md, t := range terms {
		errs = append(errs, Errorf(Pos{File: t.TermsFile}, "refund terms without their contract text: %s is missing", md))
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].File < errs[j].File })
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.File < b.File
	})
	return out, errs.Err()
}
