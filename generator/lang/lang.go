package lang

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// NBSP is the no-break space that keeps a number with its unit.
const NBSP = "\u00a0"

// Supported lists the languages with complete tables.
var Supported = []string{"ru", "en", "de", "ro"}

// Plural returns the form of a word for n. forms are given in the
// language's order: Russian one, few, many ("день", "дня", "дней");
// English, German and Romanian one, other (Romanian: one, few, other).
func Plural(lang string, n int, forms ...string) (string, error) {
	order, ok := pluralOrder[lang]
	if !ok {
		order = pluralOrder["en"]
	}
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

var pluralOrder = map[string][]plural.Form{
	"ru": {plural.One, plural.Few, plural.Many},
	"en": {plural.One, plural.Other},
	"de": {plural.One, plural.Other},
	"ro": {plural.One, plural.Few, plural.Other},
}

func formNames(fs []plural.Form) []string {
	names := map[plural.Form]string{plural.One: "one", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = names[f]
	}
	return out
}

func category(lang string, n int) plural.Form {
	if n < 0 {
		n = -n
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	return plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
}

// unitWords are the forms of each course unit and of "day", in the order
// Plural takes them.
var unitWords = map[string]map[string][]string{
	"ru": {
		"day":    {"день", "дня", "дней"},
		"week":   {"неделя", "недели", "недель"},
		"lesson": {"урок", "урока", "уроков"},
		"month":  {"месяц", "месяца", "месяцев"},
	},
	"en": {
		"day":    {"day", "days"},
		"week":   {"week", "weeks"},
		"lesson": {"lesson", "lessons"},
		"month":  {"month", "months"},
	},
	"de": {
		"day":    {"Tag", "Tage"},
		"week":   {"Woche", "Wochen"},
		"lesson": {"Lektion", "Lektionen"},
		"month":  {"Monat", "Monate"},
	},
	"ro": {
		"day":    {"zi", "zile", "de zile"},
		"week":   {"săptămână", "săptămâni", "de săptămâni"},
		"lesson": {"lecție", "lecții", "de lecții"},
		"month":  {"lună", "luni", "de luni"},
	},
}

func table(lang string) map[string][]string {
	if t, ok := unitWords[lang]; ok {
		return t
	}
	return unitWords["en"]
}

// UnitWord returns the word for n units without the number: "недели".
func UnitWord(lang string, n int, unit string) (string, error) {
	forms, ok := table(lang)[unit]
	if !ok {
		return "", fmt.Errorf("unknown unit %q; use day, week, lesson or month", unit)
	}
	return Plural(lang, n, forms...)
}

// Units returns n with its unit word: "8 недель", "1 week".
func Units(lang string, n int, unit string) (string, error) {
	w, err := UnitWord(lang, n, unit)
	if err != nil {
		return "", err
	}
	return strconv.Itoa(n) + NBSP + w, nil
}

// Days returns a deadline in days: "10 дней", "1 day". German deadlines
// always follow "innerhalb von", "binnen" or "nach", so German gets the
// dative: "1 Tag", "14 Tagen".
func Days(lang string, n int) string {
	if lang == "de" {
		s, _ := UnitsGenitive(lang, n, "day")
		return s
	}
	s, _ := Units(lang, n, "day")
	return s
}

// Percent formats an exact percentage: ru "3 %", "2,5 %"; en "3%", "2.5%".
// It shows up to four decimals, trimming trailing zeros.
func Percent(lang string, p *big.Rat) string {
	s := p.FloatString(4)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	switch lang {
	case "en":
		return s + "%"
	default:
		return strings.Replace(s, ".", ",", 1) + NBSP + "%"
	}
}

var months = map[string][]string{
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"ro": {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},
}

// Date formats a date: "1 декабря 2026 г.", "1 December 2026", "1. Dezember 2026".
func Date(lang string, d time.Time) string {
	m, ok := months[lang]
	if !ok {
		m = months["en"]
		lang = "en"
	}
	name := m[d.Month()-1]
	switch lang {
	case "ru":
		return fmt.Sprintf("%d%s%s %d%sг.", d.Day(), NBSP, name, d.Year(), NBSP)
	case "de":
		return fmt.Sprintf("%d.%s%s %d", d.Day(), NBSP, name, d.Year())
	default:
		return fmt.Sprintf("%d%s%s %d", d.Day(), NBSP, name, d.Year())
	}
}

// genitive holds the Russian genitive forms (singular, plural) used after
// "из" and "после": "после 1 недели", "из 8 недель".
var genitive = map[string][2]string{
	"day":    {"дня", "дней"},
	"week":   {"недели", "недель"},
	"lesson": {"урока", "уроков"},
	"month":  {"месяца", "месяцев"},
}

// dativeDE holds the German dative forms (singular, plural).
var dativeDE = map[string][2]string{
	"day":    {"Tag", "Tagen"},
	"week":   {"Woche", "Wochen"},
	"lesson": {"Lektion", "Lektionen"},
	"month":  {"Monat", "Monaten"},
}

// UnitsGenitive returns n with its unit word in the form that follows
// "after" and "of": ru "после 1 недели", "из 8 недель"; de the dative
// "nach 3 Tagen"; other languages as Units.
func UnitsGenitive(l string, n int, unit string) (string, error) {
	if l == "de" {
		// German takes the dative after "nach" and "von": "nach 3 Tagen".
		forms, ok := dativeDE[unit]
		if !ok {
			return "", fmt.Errorf("unknown unit %q; use day, week, lesson or month", unit)
		}
		w, err := Plural(l, n, forms[:]...)
		return strconv.Itoa(n) + NBSP + w, err
	}
	if l != "ru" {
		return Units(l, n, unit)
	}
	g, ok := genitive[unit]
	if !ok {
		return "", fmt.Errorf("unknown unit %q; use day, week, lesson or month", unit)
	}
	w := g[1]
	if n%10 == 1 && n%100 != 11 {
		w = g[0]
	}
	return strconv.Itoa(n) + NBSP + w, nil
}
