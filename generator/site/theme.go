package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/oferta-dev/oferta/generator/pos"
)

// Theme is a site's theme as loaded: every layout, the UI strings of each
// language of the site and every asset, each with the path that messages
// name and its bytes. Package render compiles it (render.Compile) and
// never reads a file itself.
//
// A site's theme is its folder themes/<name>/ layered over the built-in
// theme file by file: a file the site's folder has replaces the built-in
// one of the same path. Files taken from the built-in theme are named
// "builtin:themes/default/…" in messages, as built-in clauses are.
type Theme struct {
	// Dir is where the theme's own files are: "themes/<name>" in the
	// site, or "builtin:themes/default" when the site has no theme folder.
	Dir string
	// Layouts are the templates layouts/<name>.html, by name: "base",
	// "faq".
	Layouts map[string]ThemeFile
	// Strings are the UI strings of each language of the site, decoded
	// from i18n/<lang>.toml, by language.
	Strings map[string]ThemeStrings
	// Assets are the files under assets/, which a build copies to its
	// output at the same path, sorted by path.
	Assets []ThemeFile
}

// ThemeFile is one file of a theme.
type ThemeFile struct {
	// Path is the file's path inside the theme, with slashes:
	// "layouts/faq.html", "assets/style.css" (an asset's output path).
	Path string
	// File is the file as messages name it: "themes/custom/layouts/faq.html"
	// for a file of the site, "builtin:themes/default/layouts/faq.html"
	// for one of the built-in theme.
	File string
	Data []byte
}

// ThemeStrings are the UI strings of one language.
type ThemeStrings struct {
	File    string // "themes/default/i18n/ru.toml"
	Strings map[string]string
}

// StringsFolder is the folder of a theme that holds the UI strings of
// each language, <lang>.toml.
const StringsFolder = "i18n"

// Asset returns the asset at path p ("assets/style.css").
func (t *Theme) Asset(p string) (ThemeFile, bool) {
	i := sort.Search(len(t.Assets), func(i int) bool { return t.Assets[i].Path >= p })
	if i < len(t.Assets) && t.Assets[i].Path == p {
		return t.Assets[i], true
	}
	return ThemeFile{}, false
}

// Equal reports whether t and u hold the same files with the same bytes
// and the same strings: a theme compiled from one serves the other.
func (t *Theme) Equal(u *Theme) bool {
	if t == u {
		return true
	}
	if t == nil || u == nil || t.Dir != u.Dir || len(t.Layouts) != len(u.Layouts) ||
		len(t.Strings) != len(u.Strings) || len(t.Assets) != len(u.Assets) {
		return false
	}
	for name, f := range t.Layouts {
		if g, ok := u.Layouts[name]; !ok || !f.equal(g) {
			return false
		}
	}
	for l, s := range t.Strings {
		v, ok := u.Strings[l]
		if !ok || s.File != v.File || !maps.Equal(s.Strings, v.Strings) {
			return false
		}
	}
	for i, f := range t.Assets {
		if !f.equal(u.Assets[i]) {
			return false
		}
	}
	return true
}

func (f ThemeFile) equal(g ThemeFile) bool {
	return f.Path == g.Path && f.File == g.File && bytes.Equal(f.Data, g.Data)
}

// ReadTheme reads a theme from fsys alone, naming its files prefix + their
// path in messages ("themes/default/"), with the UI strings of langs: for
// a theme that is not a site's, such as the built-in one in tests.
func ReadTheme(fsys fs.FS, prefix string, langs []string) (*Theme, error) {
	files := map[string]ThemeFile{}
	var errs ErrorList
	readThemeLayer(fsys, prefix, files, &errs)
	t, err := newTheme(strings.TrimSuffix(prefix, "/"), files, langs, nil)
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	return t, errs.Err()
}

// loadTheme loads the site's theme: its themes/<name>/ layered over the
// built-in theme, file by file. A theme other than "default" must exist in
// the site. Every file of the site's theme is read here, so that a build
// fails before it starts rather than on its way: layouts and UI strings
// must be UTF-8 and the strings of every language of the site must
// decode; every file must be a regular file inside the site, within the
// size limit.
func loadTheme(sf *siteFiles, builtin fs.FS, cfg *Config) (*Theme, error) {
	name := cfg.Theme
	dir := "themes/" + name
	files := map[string]ThemeFile{}
	var errs ErrorList
	own := true
	if _, err := sf.root.Lstat(dir); err != nil {
		if name != "default" {
			return nil, &Error{File: "oferta.toml", Err: fmt.Errorf("theme %q: no folder %s in the site", name, dir)}
		}
		own = false
	} else if _, fi, err := sf.stat(dir); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, &Error{File: dir, Err: fmt.Errorf("a theme must be a folder")}
	}
	themeDir := "builtin:themes/default"
	if own {
		themeDir = dir
		readThemeLayer(sf.FS(dir), dir+"/", files, &errs)
	}
	if builtin != nil {
		readThemeLayer(builtin, "builtin:themes/default/", files, &errs)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	missing := func(l string) {
		// Every language needs UI strings to render: say so at the
		// language's entry in oferta.toml, before any build.
		for i, ll := range cfg.Languages {
			if ll == l {
				errs = append(errs, Errorf(cfg.KeyPos(fmt.Sprintf("languages[%d]", i)), "the theme %q has no UI strings for language %q: add %s/%s/%s.toml", name, l, dir, StringsFolder, l))
			}
		}
	}
	t, err := newTheme(themeDir, files, cfg.Languages, missing)
	if err != nil {
		errs = append(errs, Errors(err)...)
	}
	return t, errs.Err()
}

// newTheme sorts the files of a theme into layouts, strings and assets,
// and decodes the strings of langs. missing, when not nil, is called for
// a language without strings; otherwise that is an error.
func newTheme(dir string, files map[string]ThemeFile, langs []string, missing func(l string)) (*Theme, error) {
	t := &Theme{Dir: dir, Layouts: map[string]ThemeFile{}, Strings: map[string]ThemeStrings{}}
	for p, f := range files {
		switch {
		case strings.HasPrefix(p, "layouts/") && path.Ext(p) == ".html" && path.Dir(p) == "layouts":
			t.Layouts[strings.TrimSuffix(path.Base(p), ".html")] = f
		case strings.HasPrefix(p, "assets/"):
			t.Assets = append(t.Assets, f)
		}
	}
	sort.Slice(t.Assets, func(i, j int) bool { return t.Assets[i].Path < t.Assets[j].Path })
	var errs ErrorList
	for _, l := range langs {
		f, ok := files[StringsFolder+"/"+l+".toml"]
		if !ok {
			if missing != nil {
				missing(l)
			} else {
				errs = append(errs, &Error{File: dir + "/" + StringsFolder + "/" + l + ".toml", Err: fmt.Errorf("the theme has no UI strings for language %q", l)})
			}
			continue
		}
		strs, err := decodeStrings(f.File, string(f.Data))
		if err != nil {
			errs = append(errs, Errors(err)...)
			continue
		}
		t.Strings[l] = ThemeStrings{File: f.File, Strings: strs}
	}
	return t, errs.Err()
}

// decodeStrings decodes a file of UI strings: keys and string values.
func decodeStrings(file, src string) (map[string]string, error) {
	if err := checkLimits(file, src, 0); err != nil {
		return nil, err
	}
	m := map[string]string{}
	if _, err := toml.Decode(src, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The TOML library counts columns in bytes; positions
			// count runes.
			line, col := pos.At(src, pe.Position.Start)
			if line != pe.Position.Line {
				line, col = pe.Position.Line, 0
			}
			return nil, &Error{File: file, Line: line, Col: col, Err: errors.New(pe.Message)}
		}
		return nil, &Error{File: file, Err: err}
	}
	return m, nil
}

// readThemeLayer reads the files of one layer of a theme into files, by
// their path inside the theme, but for those an upper layer, read before,
// gave already; prefix + path is the file's name in messages. Layouts and
// strings are text and must be UTF-8. Hidden files and folders are left
// out.
func readThemeLayer(fsys fs.FS, prefix string, files map[string]ThemeFile, errs *ErrorList) {
	named := func(p string, err error) {
		var e *Error
		if errors.As(err, &e) {
			*errs = append(*errs, Errors(err)...)
			return
		}
		*errs = append(*errs, &Error{File: prefix + p, Err: err})
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			named(p, err)
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := files[p]; ok {
			return nil
		}
		file := prefix + p
		switch {
		case strings.HasPrefix(p, "layouts/") || strings.HasPrefix(p, StringsFolder+"/") || strings.HasPrefix(p, "assets/"):
			data, err := fs.ReadFile(fsys, p)
			if err == nil && !strings.HasPrefix(p, "assets/") {
				err = checkUTF8(file, string(data), 0)
			}
			if err != nil {
				named(p, err)
				return nil
			}
			files[p] = ThemeFile{Path: p, File: file, Data: data}
		default:
			// Not used, but it must be a file oferta may read.
			f, err := fsys.Open(p)
			if err != nil {
				named(p, err)
				return nil
			}
			f.Close()
		}
		return nil
	})
	if err != nil {
		named(".", err)
	}
}
