package site

import (
	"fmt"
	"strings"
)

// ReloadFiles is Reload for a change that may also touch the clause
// library: when changed names only course files and files under
// clauses/, it reads the changed course files and, when a clause file is
// among them, the site's clause library again; the settings, the theme
// and the editions are taken from prev, which it does not modify. ok is
// false, and nothing is read, when changed names any other file; the
// caller then loads the whole site. prev must be a site that loaded
// without errors. What it reads of the library it reads as Load does
// (loadLibrary, loadPhrases, the check that every language has clauses):
// keep the two alike.
func ReloadFiles(prev *Site, builtin Builtin, changed []string) (s *Site, ok bool, err error) {
	var courses []string
	clauses := false
	for _, p := range changed {
		switch {
		case IsCourseFile(p):
			courses = append(courses, p)
		case p == "clauses" || strings.HasPrefix(p, "clauses/"):
			clauses = true
		default:
			return nil, false, nil
		}
	}
	var errs ErrorList
	s = prev
	if len(courses) > 0 {
		next, ok, err := Reload(prev, courses)
		if !ok {
			return nil, false, nil
		}
		if err != nil {
			errs = append(errs, Errors(err)...)
		} else {
			s = next
		}
	}
	if !clauses {
		return s, true, errs.Err()
	}
	sf, err := openSiteFiles(prev.Dir)
	if err != nil {
		return nil, true, &Error{File: prev.Dir, Err: err}
	}
	defer sf.close()
	lib, err := loadLibrary(sf, builtin.Clauses, prev.Config.Languages)
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	// As Load does: the phrases (phrases.toml) are part of the library.
	if err := loadPhrases(sf, builtin.Clauses, lib, prev.Config.Jurisdiction); err != nil {
		errs = append(errs, Errors(err)...)
	}
	for i, l := range prev.Config.Languages {
		if lib != nil && len(lib.Lang(l).Clauses) == 0 {
			at := prev.Config.KeyPos(fmt.Sprintf("languages[%d]", i))
			errs = append(errs, Errorf(at, "there is no clause library for language %q: the built-in one has %s; write the clauses of %q under clauses/%s/", l, builtinLanguages(builtin.Clauses), l, l))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, true, err
	}
	next := *s
	next.Library = lib
	return &next, true, nil
}
