// Package refund computes the refund of one course: the policy formula
// evaluated over the course's terms and one client's request, the
// guarantee period, a step-by-step breakdown a client can follow, an
// analysis of the formula over every possible `used`, and the JSON model
// from which the browser calculator (calc.js, embedded as CalcJS) computes
// exactly the same amounts.
//
// Everything is exact (math/big, or int64 numerators and denominators
// where the values fit, which gives the same digits faster) until the very
// end, where the refund is rounded once, half away from zero, to the
// currency's minor unit (money.Round). The formula variables are those the
// SPEC defines; see Variables.
package refund
