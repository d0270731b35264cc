package lang

import (
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/money"
)

// German and Romanian tables, as a native reader expects them. Romanian
// puts "de" between the number and the noun when the number's last two
// digits are 00 or 20–99 ("20 de zile", "100 de zile", "101 zile").
func TestPluralsDeRo(t *testing.T) {
	tests := []struct {
		lang, unit string
		n          int
		want       string
	}{
		{"de", "day", 0, "0 Tage"}, {"de", "day", 1, "1 Tag"}, {"de", "day", 2, "2 Tage"}, {"de", "day", 14, "14 Tage"},
		{"de", "week", 1, "1 Woche"}, {"de", "week", 8, "8 Wochen"},
		{"de", "lesson", 1, "1 Lektion"}, {"de", "lesson", 24, "24 Lektionen"},
		{"de", "month", 1, "1 Monat"}, {"de", "month", 6, "6 Monate"},
		{"ro", "day", 0, "0 zile"}, {"ro", "day", 1, "1 zi"}, {"ro", "day", 2, "2 zile"}, {"ro", "day", 14, "14 zile"},
		{"ro", "day", 19, "19 zile"}, {"ro", "day", 20, "20 de zile"}, {"ro", "day", 21, "21 de zile"},
		{"ro", "day", 99, "99 de zile"}, {"ro", "day", 100, "100 de zile"}, {"ro", "day", 101, "101 zile"},
		{"ro", "day", 119, "119 zile"}, {"ro", "day", 120, "120 de zile"}, {"ro", "day", 1000, "1000 de zile"},
		{"ro", "week", 1, "1 săptămână"}, {"ro", "week", 8, "8 săptămâni"}, {"ro", "week", 52, "52 de săptămâni"},
		{"ro", "lesson", 1, "1 lecție"}, {"ro", "lesson", 12, "12 lecții"}, {"ro", "lesson", 24, "24 de lecții"},
		{"ro", "month", 1, "1 lună"}, {"ro", "month", 3, "3 luni"}, {"ro", "month", 36, "36 de luni"},
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
	// After "nach"/"von" German takes the dative; Romanian "după"/"din"
	// the plain form.
	for _, tt := range []struct {
		lang, unit string
		n          int
		want       string
	}{
		{"de", "week", 3, "3 Wochen"}, {"de", "day", 3, "3 Tagen"}, {"de", "day", 1, "1 Tag"},
		{"de", "month", 2, "2 Monaten"}, {"de", "lesson", 1, "1 Lektion"},
		{"ro", "week", 3, "3 săptămâni"}, {"ro", "week", 20, "20 de săptămâni"},
	} {
		got, err := UnitsGenitive(tt.lang, tt.n, tt.unit)
		if err != nil || strings.ReplaceAll(got, NBSP, " ") != tt.want {
			t.Errorf("UnitsGenitive(%s, %d, %s) = %q, %v; want %q", tt.lang, tt.n, tt.unit, got, err, tt.want)
		}
	}
}

func TestDatesDeRo(t *testing.T) {
	tests := []struct {
		lang string
		d    time.Time
		want string
	}{
		{"de", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "1. Dezember 2026"},
		{"de", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), "15. März 2026"},
		{"de", time.Date(2027, 5, 31, 0, 0, 0, 0, time.UTC), "31. Mai 2027"},
		{"ro", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "1 decembrie 2026"},
		{"ro", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), "15 martie 2026"},
		{"ro", time.Date(2027, 6, 19, 0, 0, 0, 0, time.UTC), "19 iunie 2027"},
	}
	for _, tt := range tests {
		if got := strings.ReplaceAll(Date(tt.lang, tt.d), NBSP, " "); got != tt.want {
			t.Errorf("Date(%q, %s) = %q, want %q", tt.lang, tt.d.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestMoneyDeRo(t *testing.T) {
	eur, _ := money.Lookup("EUR")
	ron, _ := money.Lookup("RON")
	usd, _ := money.Lookup("USD")
	tests := []struct {
		lang   string
		cur    money.Currency
		amount string
		want   string
	}{
		{"de", eur, "1234.56", "1.234,56 €"},
		{"de", eur, "0", "0,00 €"},
		{"de", eur, "1490", "1.490,00 €"},
		{"de", eur, "1234567.5", "1.234.567,50 €"},
		{"de", usd, "99.9", "99,90 $"},
		{"de", ron, "10", "10,00 RON"},
		{"ro", ron, "1234.56", "1.234,56 lei"},
		{"ro", ron, "0.5", "0,50 lei"},
		{"ro", ron, "2400", "2.400,00 lei"},
		{"ro", eur, "1234.56", "1.234,56 EUR"},
	}
	for _, tt := range tests {
		x, err := money.ParseDecimal(tt.amount)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(money.FormatRat(x, tt.cur, tt.lang), NBSP, " "); got != tt.want {
			t.Errorf("Format(%s %s, %q) = %q, want %q", tt.amount, tt.cur.Code, tt.lang, got, tt.want)
		}
	}
}

// Deadlines: German takes the dative after "innerhalb von", Romanian the
// plain form after "în".
func TestDaysDeRo(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"de", 1, "1 Tag"}, {"de", 7, "7 Tagen"}, {"de", 14, "14 Tagen"},
		{"ro", 1, "1 zi"}, {"ro", 14, "14 zile"}, {"ro", 30, "30 de zile"},
	} {
		if got := strings.ReplaceAll(Days(tt.lang, tt.n), NBSP, " "); got != tt.want {
			t.Errorf("Days(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// Percent in German and Romanian: decimal comma and a space before the sign.
func TestPercentDeRo(t *testing.T) {
	for _, l := range []string{"de", "ro"} {
		x, _ := money.ParseDecimal("2.5")
		if got := strings.ReplaceAll(Percent(l, x), NBSP, " "); got != "2,5 %" {
			t.Errorf("Percent(%s, 2.5) = %q", l, got)
		}
	}
}
