package money

import "testing"

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
