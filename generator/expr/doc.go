// Package expr is the small expression language of refund formulas and of
// clause `when` conditions:
//
//	max(0, (paid - deductions) * (total - used) / total - paid * (bank_fee + retention))
//	course.format != "recorded" and refund.guarantee_days > 0
//
// Numbers are exact rationals (math/big), never float64, so a formula gives
// the same kopeck in `oferta calc`, in the FAQ table and in the browser.
// Eval computes in int64 numerators and denominators while every value
// fits, which is several times faster, and with math/big otherwise; the
// result, or the error, is the same either way.
// Values are numbers, booleans and strings; a type mismatch or a division by
// zero is an evaluation error carrying the operator's position.
//
// Precedence, loosest first: or, and, not, comparisons (== != < <= > >=,
// not chainable), + and -, * and /, unary minus. Functions: min(a, b),
// max(a, b), if(cond, a, b); `and`, `or` and `if` evaluate only what they
// need, so `if(total == 0, 0, paid / total)` is safe.
//
// Formulas come from content files written by people, so parsing is bounded
// (source length, nesting depth, literal length) and never panics; errors
// carry a byte offset and a line and column for the caller to translate into
// a file position. Expressions are data, never code: the browser gets a JSON
// syntax tree (MarshalJSON) that generator/refund's calc.js interprets.
package expr
