package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
)

// The tables of each language are data: data/<lang>.toml.
//
//go:embed data/*.toml
var data embed.FS

// Supported lists the languages with tables, sorted: those of data/.
var Supported []string

// tables are how one language writes numbers, dates, percentages and
// course units.
type tables struct {
	order      []plural.Form
	date       string
	dateParts  []string // date split before and after each {name}
	months     []string
	percent    string
	decimal    string
	daysAfter  bool
	locale     string
	units      map[string][]string
	unitsAfter map[string][]string // nil: as units
}

var byLang = map[string]*tables{}

// fallback is the language whose tables a language without any uses.
const fallback = "en"

func tablesOf(lang string) *tables {
	if t, ok := byLang[lang]; ok {
		return t
	}
	return byLang[fallback]
}

var formByName = map[string]plural.Form{"zero": plural.Zero, "one": plural.One, "two": plural.Two, "few": plural.Few, "many": plural.Many, "other": plural.Other}

// unitNames are the course units every language's tables name, and "day".
var unitNames = []string{"day", "week", "lesson", "month"}

func init() {
	files, err := fs.Glob(data, "data/*.toml")
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		src, err := fs.ReadFile(data, f)
		if err != nil {
			panic(err)
		}
		t, err := parseTables(f, src)
		if err != nil {
			panic(err)
		}
		l := strings.TrimSuffix(path.Base(f), ".toml")
		byLang[l] = t
		Supported = append(Supported, l)
	}
	slices.Sort(Supported)
	if byLang[fallback] == nil {
		panic("lang: no tables for " + fallback)
	}
}

// parseTables reads and checks one language's tables.
func parseTables(file string, src []byte) (*tables, error) {
	var raw struct {
		Plural     []string            `toml:"plural"`
		Date       string              `toml:"date"`
		Months     []string            `toml:"months"`
		Percent    string              `toml:"percent"`
		Decimal    string              `toml:"decimal"`
		DaysAfter  bool                `toml:"days_after"`
		Locale     string              `toml:"locale"`
		Units      map[string][]string `toml:"units"`
		UnitsAfter map[string][]string `toml:"units_after"`
	}
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", file, un[0])
	}
	t := &tables{date: raw.Date, months: raw.Months, percent: raw.Percent, decimal: raw.Decimal, daysAfter: raw.DaysAfter, locale: raw.Locale, units: raw.Units, unitsAfter: raw.UnitsAfter}
	for _, name := range raw.Plural {
		f, ok := formByName[name]
		if !ok {
			return nil, fmt.Errorf("%s: plural: %q is not a CLDR plural category (zero, one, two, few, many, other)", file, name)
		}
		t.order = append(t.order, f)
	}
	switch {
	case len(t.order) == 0:
		return nil, fmt.Errorf("%s: plural: list the language's CLDR plural categories, e.g. [\"one\", \"other\"]", file)
	case len(t.months) != 12:
		return nil, fmt.Errorf("%s: months: want 12 names, got %d", file, len(t.months))
	case !strings.Contains(t.date, "{day}") || !strings.Contains(t.date, "{month}") || !strings.Contains(t.date, "{year}"):
		return nil, fmt.Errorf("%s: date: %q must use {day}, {month} and {year}", file, t.date)
	case !strings.Contains(t.percent, "{n}"):
		return nil, fmt.Errorf("%s: percent: %q must use {n}", file, t.percent)
	case t.locale == "":
		return nil, fmt.Errorf("%s: locale: the language tag is missing, e.g. \"en-GB\"", file)
	case t.decimal == "":
		return nil, fmt.Errorf("%s: decimal: the decimal mark is missing", file)
	case t.daysAfter && t.unitsAfter == nil:
		return nil, fmt.Errorf("%s: days_after needs units_after", file)
	}
	for _, table := range []struct {
		name  string
		forms map[string][]string
	}{{"units", t.units}, {"units_after", t.unitsAfter}} {
		if table.name == "units_after" && table.forms == nil {
			continue
		}
		for _, u := range unitNames {
			forms, ok := table.forms[u]
			if !ok {
				return nil, fmt.Errorf("%s: %s: %s is missing", file, table.name, u)
			}
			if len(forms) != len(t.order) {
				return nil, fmt.Errorf("%s: %s.%s: want %d forms (%s), got %d", file, table.name, u, len(t.order), strings.Join(raw.Plural, ", "), len(forms))
			}
		}
		if len(table.forms) != len(unitNames) {
			return nil, fmt.Errorf("%s: %s: only %s", file, table.name, strings.Join(unitNames, ", "))
		}
	}
	for rest := t.date; rest != ""; {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			t.dateParts = append(t.dateParts, rest)
			break
		}
		if i > 0 {
			t.dateParts = append(t.dateParts, rest[:i])
		}
		t.dateParts = append(t.dateParts, rest[i:j+1])
		rest = rest[j+1:]
	}
	return t, nil
}
