package lang

import (
	"math/big"
	"strings"
	"testing"
	"time"
)

func TestDaysPlural(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "1 день"}, {"ru", 2, "2 дня"}, {"ru", 3, "3 дня"}, {"ru", 5, "5 дней"},
		{"ru", 10, "10 дней"}, {"ru", 11, "11 дней"}, {"ru", 14, "14 дней"}, {"ru", 21, "21 день"},
		{"ru", 22, "22 дня"}, {"ru", 25, "25 дней"}, {"ru", 101, "101 день"}, {"ru", 111, "111 дней"},
		{"ru", 0, "0 дней"},
		{"en", 1, "1 day"}, {"en", 0, "0 days"}, {"en", 2, "2 days"}, {"en", 21, "21 days"},
	}
	for _, tt := range tests {
		got := strings.ReplaceAll(Days(tt.lang, tt.n), NBSP, " ")
		if got != tt.want {
			t.Errorf("Days(%q, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestUnits(t *testing.T) {
	tests := []struct {
		lang, unit string
		n          int
		want       string
	}{
		{"ru", "week", 8, "8 недель"}, {"ru", "week", 3, "3 недели"}, {"ru", "week", 1, "1 неделя"},
		{"ru", "lesson", 24, "24 урока"}, {"ru", "month", 5, "5 месяцев"},
		{"en", "week", 1, "1 week"}, {"en", "lesson", 8, "8 lessons"},
	}
	for _, tt := range tests {
		got, err := Units(tt.lang, tt.n, tt.unit)
		if err != nil {
			t.Fatal(err)
		}
		if got = strings.ReplaceAll(got, NBSP, " "); got != tt.want {
			t.Errorf("Units(%q, %d, %q) = %q, want %q", tt.lang, tt.n, tt.unit, got, tt.want)
		}
	}
	if _, err := Units("ru", 1, "year"); err == nil {
		t.Error("unknown unit: want an error")
	}
}

func TestPluralFormCount(t *testing.T) {
	if _, err := Plural("ru", 3, "a", "b"); err == nil {
		t.Error("ru with two forms: want an error")
	}
	got, err := Plural("en", 3, "file", "files")
	if err != nil || got != "files" {
		t.Errorf("Plural(en, 3) = %q, %v", got, err)
	}
}

func TestPercentAndDate(t *testing.T) {
	if got := Percent("ru", big.NewRat(5, 2)); got != "2,5"+NBSP+"%" {
		t.Errorf("Percent(ru, 2.5) = %q", got)
	}
	if got := Percent("en", big.NewRat(3, 1)); got != "3%" {
		t.Errorf("Percent(en, 3) = %q", got)
	}
	d := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if got := strings.ReplaceAll(Date("ru", d), NBSP, " "); got != "1 декабря 2026 г." {
		t.Errorf("Date(ru) = %q", got)
	}
	if got := strings.ReplaceAll(Date("en", d), NBSP, " "); got != "1 December 2026" {
		t.Errorf("Date(en) = %q", got)
	}
}
