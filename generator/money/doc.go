// Package money holds the exact arithmetic every amount in oferta goes
// through: the ISO 4217 currencies the generator knows, exact parsing of
// decimal strings into rationals, rounding once (half away from zero) to the
// currency's minor unit, and formatting an amount for a page's language.
//
// Amounts are never float64. Computation happens on *big.Rat; an Amount is
// the result of rounding a rational exactly once, held as integer minor
// units (kopecks, cents, fils; in an int64 when they fit), so that what a
// page shows, what `oferta calc` prints and what the browser calculator
// computes are the same digits.
package money
