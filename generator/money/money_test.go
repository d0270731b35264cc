package money

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

func mustCur(t *testing.T, code string) Currency {
	t.Helper()
	c, ok := Lookup(code)
	if !ok {
		t.Fatalf("Lookup(%q) failed", code)
	}
	return c
}

func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("bad rat %q", s)
	}
	return r
}

func TestLookup(t *testing.T) {
	want := map[int][]string{
		2: {"RUB", "EUR", "USD", "GBP", "CHF", "PLN", "RON", "KZT", "UAH", "BYN", "CZK", "SEK", "NOK", "DKK"},
		0: {"JPY", "KRW", "ISK", "CLP"},
		3: {"KWD", "BHD", "JOD", "OMR", "TND"},
	}
	for digits, codes := range want {
		for _, code := range codes {
			c := mustCur(t, code)
			if c.Code != code || c.Digits != digits {
				t.Errorf("Lookup(%q) = %+v, want %d digits", code, c, digits)
			}
		}
	}
	for _, bad := range []string{"", "rub", "XXX", "RUBL"} {
		if _, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) succeeded", bad)
		}
	}
	for code, c := range currencies {
		if c.Code != code {
			t.Errorf("table entry %q has code %q", code, c.Code)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	ok := map[string]string{
		"80000":                          "80000",
		"80000.50":                       "160001/2",
		"-3":                             "-3",
		"+3":                             "3",
		"0.1":                            "1/10",
		"0.000":                          "0",
		"007":                            "7",
		"123456789012345678901234567890": "123456789012345678901234567890",
	}
	for in, want := range ok {
		got, err := ParseDecimal(in)
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", in, err)
			continue
		}
		if got.RatString() != want {
			t.Errorf("ParseDecimal(%q) = %s, want %s", in, got.RatString(), want)
		}
	}
	bad := map[string]string{
		"":                                  "empty",
		" 1":                                "space",
		"1e5":                               "exponent",
		"1E5":                               "exponent",
		"NaN":                               "finite",
		"-Inf":                              "finite",
		"0x10":                              "unexpected character",
		".5":                                "before the decimal point",
		"5.":                                "after the decimal point",
		"1.2.3":                             "more than one decimal point",
		"80 000":                            "grouping",
		"80_000":                            "grouping",
		"0,5":                               "decimal separator",
		"-":                                 "no digits",
		"1/3":                               "unexpected character",
		"--1":                               "no digits",
		"1234567890123456789012345678901":   "more than 30 digits",
		"0.1234567890123456789012345678901": "more than 30 digits",
	}
	for in, want := range bad {
		_, err := ParseDecimal(in)
		if err == nil {
			t.Errorf("ParseDecimal(%q) succeeded", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDecimal(%q) error %q, want it to mention %q", in, err, want)
		}
	}
}

func TestRound(t *testing.T) {
	rub, jpy, kwd := mustCur(t, "RUB"), mustCur(t, "JPY"), mustCur(t, "KWD")
	tests := []struct {
		x    string
		c    Currency
		want string
	}{
		{"47600", rub, "47600.00"},
		{"2.345", rub, "2.35"},
		{"-2.345", rub, "-2.35"},
		{"2.344999", rub, "2.34"},
		{"-2.344999", rub, "-2.34"},
		{"0.005", rub, "0.01"},
		{"-0.005", rub, "-0.01"},
		{"-0.004", rub, "0.00"},
		{"100/3", rub, "33.33"},
		{"200/3", rub, "66.67"},
		{"-200/3", rub, "-66.67"},
		{"1/2", jpy, "1"},
		{"-1/2", jpy, "-1"},
		{"1499.4", jpy, "1499"},
		{"1500", jpy, "1500"},
		{"0.0005", kwd, "0.001"},
		{"-1.2345", kwd, "-1.235"},
		{"1/3", kwd, "0.333"},
		{"0", kwd, "0.000"},
	}
	for _, tt := range tests {
		got := Round(rat(t, tt.x), tt.c)
		if got.String() != tt.want {
			t.Errorf("Round(%s, %s) = %s, want %s", tt.x, tt.c.Code, got, tt.want)
		}
		if got.Currency() != tt.c {
			t.Errorf("Round kept currency %+v", got.Currency())
		}
	}
}

// TestRoundWhereFloatFails pins cases where float64 arithmetic would pay
// a different kopeck. Each case also checks that float64 really is off, so
// the case keeps proving something.
func TestRoundWhereFloatFails(t *testing.T) {
	rub := mustCur(t, "RUB")
	prorata := func(price string, used, total int64, fee string) *big.Rat {
		p := rat(t, price)
		x := new(big.Rat).Mul(p, big.NewRat(total-used, total))
		return x.Sub(x, new(big.Rat).Mul(p, rat(t, fee)))
	}
	tests := []struct {
		name  string
		exact *big.Rat
		float float64
		want  string
	}{
		{"2.675 is 2.67499… in binary", rat(t, "2.675"), 2.675, "2.68"},
		{"1.005 is 1.00499… in binary", rat(t, "1.005"), 1.005, "1.01"},
		{"-2.675 rounds away from zero", rat(t, "-2.675"), -2.675, "-2.68"},
		{"1001.00, 7 of 8 used, 3 % fee", prorata("1001.00", 7, 8, "0.03"), 1001.0*1/8 - 1001.0*0.03, "95.10"},
		{"1003.00, 3 of 8 used, 3 % fee", prorata("1003.00", 3, 8, "0.03"), 1003.0*5/8 - 1003.0*0.03, "596.79"},
	}
	for _, tt := range tests {
		if got := Round(tt.exact, rub).String(); got != tt.want {
			t.Errorf("%s: Round = %s, want %s", tt.name, got, tt.want)
		}
		if fs := fmt.Sprintf("%.2f", tt.float); fs == tt.want {
			t.Errorf("%s: float64 unexpectedly agrees (%s)", tt.name, fs)
		}
	}
	// 0.1+0.2 is 0.30000000000000004 in float64; exactly 0.3 here.
	sum := new(big.Rat).Add(rat(t, "0.1"), rat(t, "0.2"))
	if sum.Cmp(rat(t, "3/10")) != 0 || Round(sum, rub).String() != "0.30" {
		t.Errorf("0.1+0.2 = %s", sum)
	}
	// 80000*5/8 − 3 % of 80000 = 47600 (the SPEC's mentorship example).
	if got := Round(prorata("80000", 3, 8, "0.03"), rub).String(); got != "47600.00" {
		t.Errorf("mentorship example = %s", got)
	}
}

func TestAmountMethods(t *testing.T) {
	rub := mustCur(t, "RUB")
	a := Round(rat(t, "1.5"), rub)
	if a.Neg().String() != "-1.50" || a.Sign() != 1 || a.Neg().Sign() != -1 {
		t.Errorf("Neg/Sign wrong: %s %d", a.Neg(), a.Sign())
	}
	if a.String() != "1.50" {
		t.Errorf("String = %s", a)
	}
	if a.Rat().Cmp(rat(t, "3/2")) != 0 {
		t.Errorf("Rat = %s", a.Rat())
	}
	var zero Amount
	if zero.Sign() != 0 || zero.String() != "0" || zero.Neg().Sign() != 0 {
		t.Errorf("zero Amount misbehaves: %q", zero)
	}
	if Zero(rub).String() != "0.00" {
		t.Errorf("Zero(RUB) = %s", Zero(rub))
	}
	b := Round(rat(t, "0.25"), rub)
	if a.Add(b).String() != "1.75" || a.Sub(b).String() != "1.25" || a.Cmp(b) != 1 {
		t.Errorf("Add/Sub/Cmp wrong")
	}
	// Minor returns a copy: changing it must not change the amount.
	a.Minor().SetInt64(7)
	if a.String() != "1.50" {
		t.Errorf("Minor leaked its storage")
	}
	if got, _ := a.MarshalText(); string(got) != "1.50" {
		t.Errorf("MarshalText = %s", got)
	}
	if FromMinor(big.NewInt(-5), rub).String() != "-0.05" {
		t.Errorf("FromMinor wrong")
	}
}

func TestFormat(t *testing.T) {
	n := "\u00a0"
	tests := []struct {
		x, code, lang, want string
	}{
		{"47600", "RUB", "ru", "47" + n + "600,00" + n + "₽"},
		{"47600", "RUB", "en", "RUB" + n + "47,600.00"},
		{"47600", "EUR", "de", "47.600,00" + n + "€"},
		{"47600", "RON", "ro", "47.600,00" + n + "lei"},
		{"47600", "EUR", "ro", "47.600,00" + n + "EUR"},
		{"1000", "KZT", "ru", "1" + n + "000,00" + n + "KZT"},
		{"1000", "EUR", "ru", "1" + n + "000,00" + n + "€"},
		{"1000", "USD", "ru", "1" + n + "000,00" + n + "$"},
		{"1000", "USD", "en", "USD" + n + "1,000.00"},
		{"999.999", "RUB", "ru", "1" + n + "000,00" + n + "₽"},
		{"0", "RUB", "ru", "0,00" + n + "₽"},
		{"-1.5", "RUB", "ru", "-1,50" + n + "₽"},
		{"-1.5", "RUB", "en", "-RUB" + n + "1.50"},
		{"1500", "JPY", "ru", "1" + n + "500" + n + "JPY"},
		{"1500", "JPY", "en", "JPY" + n + "1,500"},
		{"1234567.8915", "KWD", "en", "KWD" + n + "1,234,567.892"},
		{"123", "RUB", "xx", "RUB" + n + "123.00"},
		{"123456", "RUB", "ru-RU", "123" + n + "456,00" + n + "₽"},
		{"80000", "GBP", "de", "80.000,00" + n + "GBP"},
	}
	for _, tt := range tests {
		got := FormatRat(rat(t, tt.x), mustCur(t, tt.code), tt.lang)
		if got != tt.want {
			t.Errorf("FormatRat(%s, %s, %s) = %q, want %q", tt.x, tt.code, tt.lang, got, tt.want)
		}
	}
}

func TestIsWhole(t *testing.T) {
	rub, jpy, kwd := mustCur(t, "RUB"), mustCur(t, "JPY"), mustCur(t, "KWD")
	tests := []struct {
		x    string
		c    Currency
		want bool
	}{
		{"10.50", rub, true}, {"10.505", rub, false}, {"1/3", rub, false}, {"1/4", rub, true},
		{"1/8", rub, false}, {"1/8", kwd, true}, {"-0.01", rub, true}, {"0", jpy, true},
		{"1.5", jpy, false}, {"100.005", kwd, true}, {"100.0005", kwd, false},
	}
	for _, tt := range tests {
		if got := IsWhole(rat(t, tt.x), tt.c); got != tt.want {
			t.Errorf("IsWhole(%s, %s) = %v", tt.x, tt.c.Code, got)
		}
	}
}
