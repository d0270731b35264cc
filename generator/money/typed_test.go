package money

import (
	"math/big"
	"testing"
)

// TestParseTyped reads amounts as the FAQ calculator in the browser
// reads them (parseAmount in faq.js), so that `oferta calc --paid` takes
// what a client typed there.
func TestParseTyped(t *testing.T) {
	rub, _ := Lookup("RUB")
	for in, want := range map[string]string{
		"20 000":        "20000",
		"40 000,50":     "80001/2",
		"40\u00a0000,5": "80001/2",
		"40000.50":      "80001/2",
		"40,000.50":     "80001/2",
		"40.000,50":     "80001/2",
		"40,000":        "40000",
		"9 900 ₽":       "9900",
		"RUB 80,000.00": "80000",
		"0,01":          "1/100",
		"0":             "0",
		"-5":            "-5",
	} {
		got, err := ParseTyped(in, rub)
		if err != nil {
			t.Errorf("ParseTyped(%q): %v", in, err)
			continue
		}
		if got.RatString() != want {
			t.Errorf("ParseTyped(%q) = %s, want %s", in, got.RatString(), want)
		}
	}
	for _, in := range []string{"", "--5", "1,0055", "abc", "1e3", "12..5", "1 2,3,4"} {
		if got, err := ParseTyped(in, rub); err == nil {
			t.Errorf("ParseTyped(%q) = %s, want an error", in, got.RatString())
		}
	}
}

// TestTypedRoundTrip: what Typed writes for a page, ParseTyped (and so
// the browser calculator) reads back as the same amount.
func TestTypedRoundTrip(t *testing.T) {
	rub, _ := Lookup("RUB")
	a := Round(big.NewRat(8000050, 100), rub)
	for lang, want := range map[string]string{"ru": "80000,50", "de": "80000,50", "ro": "80000,50", "en": "80000.50"} {
		got := Typed(a, lang)
		if got != want {
			t.Errorf("Typed(%s) = %q, want %q", lang, got, want)
		}
		back, err := ParseTyped(got, rub)
		if err != nil || back.Cmp(a.Rat()) != 0 {
			t.Errorf("ParseTyped(%q) = %v, %v", got, back, err)
		}
	}
}

func TestFormatShort(t *testing.T) {
	rub, _ := Lookup("RUB")
	for in, want := range map[string]string{"80000": "80\u00a0000\u00a0₽", "12000.5": "12\u00a0000,50\u00a0₽"} {
		x, _ := new(big.Rat).SetString(in)
		if got := FormatShort(Round(x, rub), "ru"); got != want {
			t.Errorf("FormatShort(%s) = %q, want %q", in, got, want)
		}
	}
}
