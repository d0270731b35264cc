package lang

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// NBSP is the no-break space that keeps a number with its unit.
const NBSP = "\u00a0"

// Plural returns the form of a word for n. forms are given in the
// language's order (plural in data/<lang>.toml): Russian one, few, many
// ("день", "дня", "дней"); English and German one, other; Romanian one,
// few, other.
func Plural(lang string, n int, forms ...string) (string, error) {
	order := tablesOf(lang).order
	if len(forms) != len(order) {
		return "", fmt.Errorf("plural for %q takes %d forms (%s), got %d", lang, len(order), strings.Join(formNames(order), ", "), len(forms))
	}
	f := category(lang, n)
	for i, o := range order {
		if o == f {
			return forms[i], nil
		}
	}
	// Categories a language has but the list leaves out fall to the last
	// form ("other" or "many").
	return forms[len(forms)-1], nil
}

func formNames(fs []plural.Form) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		for name, g := range formByName {
			if g == f {
				out[i] = name
			}
		}
	}
	return out
}

func category(lang string, n int) plural.Form {
	if n < 0 {
		n = -n
	}
	return plural.Cardinal.MatchPlural(tagOf(lang), n, 0, 0, 0, 0)
}

// tags are the language tags parsed so far: parsing one costs far more
// than the plural rule it picks, and a contract words many numbers.
var tags sync.Map // string → language.Tag

func tagOf(lang string) language.Tag {
	if t, ok := tags.Load(lang); ok {
		return t.(language.Tag)
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	tags.Store(lang, tag)
	return tag
}

// UnitWord returns the word for n units without the number: "недели".
func UnitWord(lang string, n int, unit string) (string, error) {
	forms, ok := tablesOf(lang).units[unit]
	if !ok {
		return "", unknownUnit(unit)
	}
	return Plural(lang, n, forms...)
}

func unknownUnit(unit string) error {
	return fmt.Errorf("unknown unit %q; use day, week, lesson or month", unit)
}

// Units returns n with its unit word: "8 недель", "1 week".
func Units(lang string, n int, unit string) (string, error) {
	w, err := UnitWord(lang, n, unit)
	if err != nil {
		return "", err
	}
	return strconv.Itoa(n) + NBSP + w, nil
}

// Days returns a deadline in days: "10 дней", "1 day". A language whose
// deadlines always follow a preposition (days_after) takes the forms of
// units_after: German "innerhalb von 14 Tagen".
func Days(lang string, n int) string {
	if tablesOf(lang).daysAfter {
		s, _ := UnitsGenitive(lang, n, "day")
		return s
	}
	s, _ := Units(lang, n, "day")
	return s
}

// Percent formats an exact percentage: ru "3 %", "2,5 %"; en "3%", "2.5%".
// It shows up to four decimals, trimming trailing zeros.
func Percent(lang string, p *big.Rat) string {
	t := tablesOf(lang)
	s := p.FloatString(4)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	s = strings.Replace(s, ".", t.decimal, 1)
	return strings.Replace(t.percent, "{n}", s, 1)
}

// Date formats a date: "1 декабря 2026 г.", "1 December 2026", "1. Dezember 2026".
func Date(lang string, d time.Time) string {
	t := tablesOf(lang)
	var b strings.Builder
	b.Grow(len(t.date) + 16)
	for _, part := range t.dateParts {
		switch part {
		case "{day}":
			b.WriteString(strconv.Itoa(d.Day()))
		case "{month}":
			b.WriteString(t.months[d.Month()-1])
		case "{year}":
			b.WriteString(strconv.Itoa(d.Year()))
		default:
			b.WriteString(part)
		}
	}
	return b.String()
}

// UnitsGenitive returns n with its unit word in the form that follows
// "after" and "of" (units_after): ru "после 1 недели", "из 8 недель"; de
// the dative "nach 3 Tagen"; languages without such forms as Units.
func UnitsGenitive(l string, n int, unit string) (string, error) {
	t := tablesOf(l)
	if t.unitsAfter == nil {
		return Units(l, n, unit)
	}
	forms, ok := t.unitsAfter[unit]
	if !ok {
		return "", unknownUnit(unit)
	}
	w, err := Plural(l, n, forms...)
	return strconv.Itoa(n) + NBSP + w, err
}

// Locale is the language tag documents declare: "ru-RU", "en-GB".
func Locale(lang string) string { return tablesOf(lang).locale }
