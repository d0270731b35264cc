package money

import "slices"

// Currency is an ISO 4217 currency as oferta uses it.
type Currency struct {
	Code   string // ISO 4217 alphabetic code, e.g. "RUB"
	Digits int    // minor-unit digits: 2 for RUB, 0 for JPY, 3 for KWD
	// Symbol is the sign written after the amount in ru and de ("₽", "€",
	// "$"). It is set only where those languages customarily use a sign;
	// every other currency is written with its code, which nobody misreads.
	Symbol string
}

// currencies is the table of ISO 4217 codes oferta accepts. The minor-unit
// digits come from the ISO 4217 list; they decide where amounts are rounded,
// so a wrong entry here is a wrong refund.
var currencies = map[string]Currency{
	// Two minor digits.
	"RUB": {Code: "RUB", Digits: 2, Symbol: "₽"},
	"EUR": {Code: "EUR", Digits: 2, Symbol: "€"},
	"USD": {Code: "USD", Digits: 2, Symbol: "$"},
	"GBP": {Code: "GBP", Digits: 2},
	"CHF": {Code: "CHF", Digits: 2},
	"PLN": {Code: "PLN", Digits: 2},
	"RON": {Code: "RON", Digits: 2},
	"KZT": {Code: "KZT", Digits: 2},
	"UAH": {Code: "UAH", Digits: 2},
	"BYN": {Code: "BYN", Digits: 2},
	"CZK": {Code: "CZK", Digits: 2},
	"SEK": {Code: "SEK", Digits: 2},
	"NOK": {Code: "NOK", Digits: 2},
	"DKK": {Code: "DKK", Digits: 2},
	"HUF": {Code: "HUF", Digits: 2},
	"BGN": {Code: "BGN", Digits: 2},
	"TRY": {Code: "TRY", Digits: 2},
	"GEL": {Code: "GEL", Digits: 2},
	"AMD": {Code: "AMD", Digits: 2},
	"AZN": {Code: "AZN", Digits: 2},
	"UZS": {Code: "UZS", Digits: 2},
	"KGS": {Code: "KGS", Digits: 2},
	"MDL": {Code: "MDL", Digits: 2},
	"RSD": {Code: "RSD", Digits: 2},
	"ILS": {Code: "ILS", Digits: 2},
	"AED": {Code: "AED", Digits: 2},
	"CNY": {Code: "CNY", Digits: 2},
	"INR": {Code: "INR", Digits: 2},
	"CAD": {Code: "CAD", Digits: 2},
	"AUD": {Code: "AUD", Digits: 2},
	// No minor unit.
	"JPY": {Code: "JPY", Digits: 0},
	"KRW": {Code: "KRW", Digits: 0},
	"ISK": {Code: "ISK", Digits: 0},
	"CLP": {Code: "CLP", Digits: 0},
	"VND": {Code: "VND", Digits: 0},
	// Three minor digits.
	"KWD": {Code: "KWD", Digits: 3},
	"BHD": {Code: "BHD", Digits: 3},
	"JOD": {Code: "JOD", Digits: 3},
	"OMR": {Code: "OMR", Digits: 3},
	"TND": {Code: "TND", Digits: 3},
	"IQD": {Code: "IQD", Digits: 3},
	"LYD": {Code: "LYD", Digits: 3},
}

// Lookup returns the currency with the ISO 4217 code, which must be written
// in capitals as the standard does; ok is false for an unknown code.
func Lookup(code string) (c Currency, ok bool) {
	c, ok = currencies[code]
	return c, ok
}

// Codes returns every known currency code, sorted, for messages such as
// "unknown currency; did you mean …" and for tests.
func Codes() []string {
	codes := make([]string, 0, len(currencies))
	for code := range currencies {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}
