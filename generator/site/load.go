package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/internal/par"
)

// Site is everything a build reads, loaded and checked for shape.
type Site struct {
	Dir     string // the site folder as given
	Config  *Config
	Courses []*Course // sorted by language, then slug
	Library *Library
	Theme   *Theme // the site's theme files over the built-in theme
	// Editions are the frozen contracts under editions/, oldest first.
	Editions []EditionFile
	// ConfigSource is oferta.toml as read, for `oferta freeze --date`,
	// which edits its edition line.
	ConfigSource string
	// Today is the build date (see Today): an edition dated after it is
	// scheduled, not yet in force.
	Today time.Time
}

// Builtin is what the binary carries: the clause library (one folder per
// language) and the default theme.
type Builtin struct {
	Clauses fs.FS
	Theme   fs.FS
}

// Load reads the site in dir. Every problem with the shape of the input is
// returned at once as an ErrorList; problems inside clause bodies and
// formulas are left to lint.
func Load(dir string, builtin Builtin) (*Site, error) {
	today, err := Today()
	if err != nil {
		return nil, err
	}
	notSite := &Error{File: "oferta.toml", Err: fmt.Errorf("no oferta.toml in %s: this is not an oferta site (create one with \"oferta new site DIR\")", dir)}
	files, err := openSiteFiles(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, notSite
		}
		return nil, &Error{File: dir, Err: err}
	}
	src, err := files.readText("oferta.toml")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, notSite
		}
		return nil, err
	}
	cfg, err := decodeConfig("oferta.toml", string(src))
	if err != nil {
		return nil, err
	}
	s := &Site{Dir: dir, Config: cfg, Today: today, ConfigSource: string(src)}
	var errs ErrorList
	add := func(err error) {
		if err != nil {
			errs = append(errs, Errors(err)...)
		}
	}

	courses, err := loadCourses(files, cfg)
	add(err)
	s.Courses = courses

	lib, err := loadLibrary(files, builtin.Clauses, cfg.Languages)
	add(err)
	add(loadPhrases(files, builtin.Clauses, lib, cfg.Jurisdiction))
	s.Library = lib

	theme, err := loadTheme(files, builtin.Theme, cfg)
	add(err)
	s.Theme = theme

	editions, err := loadEditions(files)
	add(err)
	s.Editions = editions

	// Every language needs clauses to assemble (and UI strings to render,
	// which loadTheme checks): say so at the language's entry in
	// oferta.toml, before any build.
	for i, l := range cfg.Languages {
		at := cfg.KeyPos(fmt.Sprintf("languages[%d]", i))
		if lib != nil && len(lib.Lang(l).Clauses) == 0 {
			errs = append(errs, Errorf(at, "there is no clause library for language %q: the built-in one has %s; write the clauses of %q under clauses/%s/", l, builtinLanguages(builtin.Clauses), l, l))
		}
	}
	return s, errs.Err()
}

func loadCourses(sf *siteFiles, cfg *Config) ([]*Course, error) {
	var errs ErrorList
	var files []string
	err := fs.WalkDir(sf.root.FS(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "content" {
				return fs.SkipDir
			}
			return sf.explain(p, err)
		}
		if d.IsDir() {
			if p != "content" && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if IsCourseFile(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	courses, err := readCourses(sf, cfg, files)
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	courses, err = checkCourses(cfg, courses)
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	return courses, errs.Err()
}

// IsCourseFile reports whether a site-relative path (with slashes) is a
// course file: a .toml file under content/, not hidden and not in a
// hidden folder.
func IsCourseFile(p string) bool {
	parts := strings.Split(p, "/")
	if len(parts) < 2 || parts[0] != "content" || path.Ext(p) != ".toml" {
		return false
	}
	for _, part := range parts[1:] {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	return true
}

// readCourses reads and decodes course files on every core. The courses
// come back in the order of files; a file that does not decode is left
// out and its errors are returned, also in that order.
func readCourses(sf *siteFiles, cfg *Config, files []string) ([]*Course, error) {
	courses := make([]*Course, len(files))
	errs := make([]error, len(files))
	par.Do(len(files), func(i int) {
		src, err := sf.readText(files[i])
		if err != nil {
			errs[i] = err
			return
		}
		courses[i], errs[i] = decodeUTF8Course(files[i], src, cfg)
	})
	var list ErrorList
	var out []*Course
	for i, c := range courses {
		if errs[i] != nil {
			list = append(list, Errors(errs[i])...)
			continue
		}
		out = append(out, c)
	}
	return out, list.Err()
}

// checkCourses reports a slug used twice in one language at every course
// but the first in walk order (see walkLess), and returns the others
// sorted by language, then slug. courses may come in any order.
func checkCourses(cfg *Config, courses []*Course) ([]*Course, error) {
	first := make(map[string]*Course, len(courses))
	for _, c := range courses {
		key := c.Language + "/" + c.Slug
		if f, ok := first[key]; !ok || walkLess(c.File, f.File) {
			first[key] = c
		}
	}
	var errs ErrorList
	out := make([]*Course, 0, len(first))
	for _, c := range courses {
		f := first[c.Language+"/"+c.Slug]
		if f != c {
			errs = append(errs, Errorf(c.KeyPos("slug"), "course slug %q is already used by %s; give one of them another file name or slug", c.Slug, f.File))
			continue
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return courseLess(cfg, out[i], out[j]) })
	return out, errs.Err()
}

// courseLess orders courses by language, then slug.
func courseLess(cfg *Config, a, b *Course) bool {
	if a.Language != b.Language {
		return langIndex(cfg, a.Language) < langIndex(cfg, b.Language)
	}
	return a.Slug < b.Slug
}

// walkLess orders site-relative paths as fs.WalkDir visits them: folder by
// folder, each folder's entries by name.
func walkLess(a, b string) bool {
	x, y := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return len(x) < len(y)
}

// Reload is Load for a site loaded before as prev of which only the
// course files named in changed (site-relative, with slashes) may have
// changed, been added or been removed: it reads just those and takes
// everything else from prev, which it does not modify. ok is false, and
// nothing is read, when changed names any other file; the caller then
// loads the whole site. prev must be a site that loaded without errors.
func Reload(prev *Site, changed []string) (s *Site, ok bool, err error) {
	for _, p := range changed {
		if !IsCourseFile(p) {
			return nil, false, nil
		}
	}
	sf, err := openSiteFiles(prev.Dir)
	if err != nil {
		return nil, true, &Error{File: prev.Dir, Err: err}
	}
	defer sf.close()
	redo := map[string]bool{}
	var files []string
	for _, p := range changed {
		if redo[p] {
			continue
		}
		redo[p] = true
		if _, err := sf.root.Lstat(p); err == nil {
			files = append(files, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, true, &Error{File: p, Err: err}
		}
	}
	fresh, readErr := readCourses(sf, prev.Config, files)
	// prev's courses are sorted already: only the few fresh ones move.
	all := make([]*Course, 0, len(prev.Courses)+len(fresh))
	for _, c := range prev.Courses {
		if !redo[c.File] {
			all = append(all, c)
		}
	}
	all = append(all, fresh...)
	courses, err := checkCourses(prev.Config, all)
	var errs ErrorList
	if readErr != nil {
		errs = append(errs, Errors(readErr)...)
	}
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	if err := errs.Err(); err != nil {
		return nil, true, err
	}
	next := *prev
	next.Courses = courses
	return &next, true, nil
}

func langIndex(cfg *Config, lang string) int {
	for i, l := range cfg.Languages {
		if l == lang {
			return i
		}
	}
	return len(cfg.Languages)
}

// Library is the clause library of a site: the built-in clauses with the
// site's own layered over them, by language.
type Library struct {
	Langs map[string]*LangLibrary
}

// LangLibrary is the clauses and sections of one language.
type LangLibrary struct {
	Lang     string
	Sections []Section
	Clauses  []*Clause // sorted by id; a site clause replaces a built-in one
	byID     map[string]*Clause
	// Duplicates are clauses whose id another clause of the same layer
	// already has (lint reports them as clause/duplicate).
	Duplicates []Duplicate
	// Phrases are the texts of phrases.toml (see PhraseKeys).
	Phrases *Phrases
}

// Duplicate is a clause that repeats the id of an earlier one.
type Duplicate struct {
	Clause *Clause
	First  *Clause
}

// Clause returns the clause with the given id.
func (l *LangLibrary) Clause(id string) (*Clause, bool) {
	c, ok := l.byID[id]
	return c, ok
}

// Lang returns the library of one language, which may be empty.
func (l *Library) Lang(lang string) *LangLibrary {
	if ll, ok := l.Langs[lang]; ok {
		return ll
	}
	return &LangLibrary{Lang: lang, byID: map[string]*Clause{}}
}

func loadLibrary(sf *siteFiles, builtin fs.FS, langs []string) (*Library, error) {
	lib := &Library{Langs: map[string]*LangLibrary{}}
	var errs ErrorList
	for _, lang := range langs {
		ll := &LangLibrary{Lang: lang, byID: map[string]*Clause{}}
		lib.Langs[lang] = ll
		layers := []struct {
			fsys    fs.FS
			prefix  string
			builtin bool
		}{{builtin, "builtin:", true}, {sf.root.FS(), "", false}}
		for _, layer := range layers {
			if layer.fsys == nil {
				continue
			}
			root := lang
			if !layer.builtin {
				root = "clauses/" + lang
			}
			own := map[string]*Clause{}
			err := fs.WalkDir(layer.fsys, root, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					if errors.Is(err, fs.ErrNotExist) && p == root {
						return fs.SkipDir
					}
					if !layer.builtin {
						return sf.explain(p, err)
					}
					return err
				}
				if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
					return nil
				}
				name := p
				if layer.builtin {
					name = "clauses/" + p
				}
				file := layer.prefix + name
				var src string
				if layer.builtin {
					data, err := fs.ReadFile(layer.fsys, p)
					if err != nil {
						return err
					}
					src = string(data)
				} else if p == root+"/sections.toml" || path.Ext(p) == ".md" {
					if src, err = sf.readText(p); err != nil {
						errs = append(errs, Errors(err)...)
						return nil
					}
				}
				switch {
				case p == root+"/sections.toml":
					secs, err := decodeSections(file, src)
					if err != nil {
						errs = append(errs, Errors(err)...)
						return nil
					}
					ll.Sections = secs // the site's list replaces the built-in one
				case path.Ext(p) == ".md":
					c, err := decodeClause(file, lang, src)
					if err != nil {
						errs = append(errs, Errors(err)...)
						return nil
					}
					c.Builtin = layer.builtin
					if first, dup := own[c.ID]; dup {
						ll.Duplicates = append(ll.Duplicates, Duplicate{Clause: c, First: first})
						return nil
					}
					own[c.ID] = c
					ll.byID[c.ID] = c // replaces a built-in clause with the same id
				}
				return nil
			})
			var e *Error
			if errors.As(err, &e) {
				errs = append(errs, e)
			} else if err != nil {
				errs = append(errs, &Error{File: layer.prefix + "clauses/" + lang, Err: err})
			}
		}
		ids := make([]string, 0, len(ll.byID))
		for id := range ll.byID {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			c := ll.byID[id]
			ll.Clauses = append(ll.Clauses, c)
			if c.Section != "" && !hasSection(ll.Sections, c.Section) {
				var names []string
				for _, s := range ll.Sections {
					names = append(names, s.ID)
				}
				msg := fmt.Sprintf("section %q is not listed in clauses/%s/sections.toml", c.Section, lang)
				if sug := Suggest(c.Section, names); sug != "" {
					msg += fmt.Sprintf("; did you mean %q?", sug)
				}
				errs = append(errs, Errorf(c.KeyPos("section"), "%s", msg))
			}
		}
		if len(ll.Clauses) > 0 && len(ll.Sections) == 0 {
			errs = append(errs, &Error{File: "clauses/" + lang + "/sections.toml", Err: fmt.Errorf("missing: the clauses of %q need a sections.toml that lists their sections", lang)})
		}
	}
	return lib, errs.Err()
}

// builtinLanguages lists the languages of the built-in library.
func builtinLanguages(clauses fs.FS) string {
	if clauses == nil {
		return "none"
	}
	entries, _ := fs.ReadDir(clauses, ".")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, strconv.Quote(e.Name()))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, " and ")
}

func hasSection(secs []Section, id string) bool {
	for _, s := range secs {
		if s.ID == id {
			return true
		}
	}
	return false
}

// Abs returns the absolute form of a site-relative path, for messages.
func (s *Site) Abs(rel string) string { return filepath.Join(s.Dir, filepath.FromSlash(rel)) }
