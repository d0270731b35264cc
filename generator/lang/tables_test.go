package lang

import (
	"strings"
	"testing"
)

// TestParseTablesErrors: a language's data file that would write wrong
// dates or plurals is refused with the file and the key.
func TestParseTablesErrors(t *testing.T) {
	good := `plural = ["one", "other"]
date = "{day} {month} {year}"
months = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
percent = "{n}%"
decimal = "."
locale = "xx-XX"
[units]
day = ["day", "days"]
week = ["week", "weeks"]
lesson = ["lesson", "lessons"]
month = ["month", "months"]
`
	if _, err := parseTables("xx.toml", []byte(good)); err != nil {
		t.Fatalf("good tables: %v", err)
	}
	for _, c := range []struct{ from, to, want string }{
		{`"one", "other"]`, `"one", "lots"]`, `xx.toml: plural: "lots" is not a CLDR plural category`},
		{`"11", "12"]`, `"11"]`, `xx.toml: months: want 12 names, got 11`},
		{`{year}"`, `"`, `xx.toml: date: "{day} {month} " must use {day}, {month} and {year}`},
		{`{n}%`, `%`, `xx.toml: percent: "%" must use {n}`},
		{`month = ["month", "months"]`, `month = ["month"]`, `xx.toml: units.month: want 2 forms (one, other), got 1`},
		{`lesson = ["lesson", "lessons"]` + "\n", ``, `xx.toml: units: lesson is missing`},
		{`decimal = "."`, `decimal = "."` + "\ndays_after = true", `xx.toml: days_after needs units_after`},
		{`decimal = "."`, `decimals = "."`, `xx.toml: unknown key decimals`},
	} {
		src := strings.Replace(good, c.from, c.to, 1)
		_, err := parseTables("xx.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s → %s: got %v, want %q", c.from, c.to, err, c.want)
		}
	}
}

// TestUnknownLanguageFallsBack: a language without tables is written with
// the English ones, so a site's own language builds before it has any.
func TestUnknownLanguageFallsBack(t *testing.T) {
	got, err := Units("xx", 8, "week")
	if err != nil || got != "8"+NBSP+"weeks" {
		t.Errorf("Units(xx, 8, week) = %q, %v", got, err)
	}
}
