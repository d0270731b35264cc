package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/oferta-dev/oferta/generator/site"
)

// Theme is a site's theme compiled: the layouts of every kind of page in
// every language, parsed, with their UI strings folded in (see
// foldStrings). Compiling is the slow part of making a renderer, and
// depends only on the theme's files and the site's jurisdiction, so the
// preview server compiles once and keeps the Theme while neither changes
// (see Compiled). A Theme is safe for concurrent use by any number of
// renderers.
type Theme struct {
	from         *site.Theme
	jurisdiction string
	strings      map[string]map[string]string // UI strings by language
	layouts      map[string]*layout           // by language, then kind: "ru/contract"
	indexUses    map[string]indexUses         // by language
	// contractUses says which block templates each language's contract
	// layout defines (blocks.go).
	contractUses map[string]contractUses
	// sources are the layouts by name, which is their templates'
	// ParseName: errors name the file and find the column in its text.
	sources map[string]site.ThemeFile
}

// Compile parses the layouts of theme t for each language t has UI
// strings for, the strings of an EU jurisdiction in place of the plain
// ones (see overlayJurisdiction). It reads no file: t holds them. An
// error in a layout is a *site.Error at its place in the layout's file.
func Compile(t *site.Theme, jurisdiction string) (*Theme, error) {
	c := &Theme{from: t, jurisdiction: jurisdiction, strings: map[string]map[string]string{}, layouts: map[string]*layout{},
		indexUses: map[string]indexUses{}, contractUses: map[string]contractUses{}, sources: t.Layouts}
	langs := make([]string, 0, len(t.Strings))
	for l := range t.Strings {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	probes := newLiteralProbes()
	var missing site.ErrorList
	for _, l := range langs {
		// A copy: the overlay must not change the loaded theme.
		m := make(map[string]string, len(t.Strings[l].Strings))
		for k, v := range t.Strings[l].Strings {
			m[k] = v
		}
		overlayJurisdiction(m, jurisdiction)
		missing = append(missing, checkGoStrings(t.Strings[l].File, l, m)...)
		c.strings[l] = m
		// base.html is parsed and folded once per language; each kind
		// of page gets a copy to define its blocks in. Clone copies the
		// parse trees, so each copy is escaped and inlined on its own.
		funcs := c.funcs(l)
		base := template.New("base").Funcs(funcs)
		miss, err := c.parseLayout(base, l)
		if err != nil {
			return nil, err
		}
		missing = append(missing, miss...)
		for _, kind := range pageKinds {
			set, err := base.Clone()
			if err != nil {
				return nil, err
			}
			miss, err := c.parseLayout(set.New(kind), l)
			if err != nil {
				return nil, err
			}
			missing = append(missing, miss...)
			c.layouts[l+"/"+kind] = newLayout(set, probes, funcs["t"].(func(string) (string, error)))
			switch kind {
			case "index":
				if c.indexUses[l], err = usesOf(set, c.sources["index"].File); err != nil {
					return nil, err
				}
			case "contract":
				c.contractUses[l] = contractUsesOf(set)
			}
		}
	}
	// A key missing from a strings file would fail every page that shows
	// it: say so now, for every such key, at its place in the layouts.
	if err := missing.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Compiled reports whether c was compiled from a theme equal to t for
// jurisdiction: a renderer of a site with that theme may then use c.
func (c *Theme) Compiled(t *site.Theme, jurisdiction string) bool {
	return c != nil && c.jurisdiction == jurisdiction && c.from.Equal(t)
}

// parseLayout parses layouts/<t's name>.html into t and folds its UI
// strings in language l (see foldStrings). It returns the keys the
// language's strings lack.
func (c *Theme) parseLayout(t *template.Template, l string) (site.ErrorList, error) {
	f, ok := c.sources[t.Name()]
	if !ok {
		return nil, &site.Error{File: c.from.Dir + "/layouts/" + t.Name() + ".html", Err: fmt.Errorf("the theme has no layout %q: every theme needs layouts/%s.html", t.Name(), t.Name())}
	}
	src := string(f.Data)
	if _, err := t.Parse(src); err != nil {
		return nil, c.templateError(nil, err, f.File)
	}
	var missing site.ErrorList
	for _, key := range foldStrings(t, t.Name(), c.strings[l]) {
		line, col := lineCol(src, int(key.Pos))
		missing = append(missing, &site.Error{File: f.File, Line: line, Col: col, Err: c.noString(l, key.Text)})
	}
	return missing, nil
}

// staticFuncs are the layouts' functions that depend on no language: the
// same for every page, and for re-parsing a layout to place an error.
var staticFuncs = map[string]any{
	// nb keeps a number with its word in a user's string (noBreak).
	"nb": noBreak,
	// cssString quotes s as a CSS string, for a stylesheet in a layout
	// (a print header's content).
	"cssString": cssString,
	// endsWith reports whether s ends with suffix: a sentence that ends
	// on a date ending in a period ("1 декабря 2026 г.") takes no second
	// one.
	"endsWith": strings.HasSuffix,
}

func (c *Theme) funcs(l string) template.FuncMap {
	return template.FuncMap{
		"nb":        staticFuncs["nb"],
		"cssString": staticFuncs["cssString"],
		"endsWith":  staticFuncs["endsWith"],
		"t": func(key string) (string, error) {
			s, ok := c.strings[l][key]
			if !ok {
				return "", c.noString(l, key)
			}
			return s, nil
		},
	}
}

// noString says that language l's strings lack key.
func (c *Theme) noString(l, key string) error {
	file := site.StringsFolder + "/" + l + ".toml"
	if s, ok := c.from.Strings[l]; ok {
		file = s.File
	}
	return fmt.Errorf("%s has no string %q", file, key)
}

// String returns the theme's UI string key in language l, for documents
// made outside the pages (the Word contract of `oferta export`): their
// labels are the pages' own.
func (c *Theme) String(l, key string) (string, error) {
	s, ok := c.strings[l][key]
	if !ok {
		return "", c.noString(l, key)
	}
	return s, nil
}
