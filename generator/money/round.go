package money

import (
	"math/big"

	"github.com/oferta-dev/oferta/generator/internal/checked"
)

// Round rounds x to the minor unit of c, half away from zero (2.345 →
// 2.35, −2.345 → −2.35). Callers round once, at the end of a computation:
// rounding intermediate values is how a kopeck goes missing.
func Round(x *big.Rat, c Currency) Amount {
	if n, d, ok := frac64(x); ok {
		if q, ok := round64(n, d, c.Digits); ok {
			return Amount{small: q, cur: c}
		}
	}
	return fromInt(roundBig(x, c.Digits), c)
}

// frac64 returns x as n/d in machine words, if both fit.
func frac64(x *big.Rat) (n, d int64, ok bool) {
	num := x.Num()
	if !num.IsInt64() {
		return 0, 0, false
	}
	if x.IsInt() { // checked first: Denom of a zero-value Rat allocates
		return num.Int64(), 1, true
	}
	den := x.Denom()
	return num.Int64(), den.Int64(), den.IsInt64()
}

// RoundFrac64 is Round for the rational num/den, for callers that hold
// their value in machine words (see expr.Value.Frac64). den must not be 0.
func RoundFrac64(num, den int64, c Currency) Amount {
	if q, ok := round64(num, den, c.Digits); ok {
		return Amount{small: q, cur: c}
	}
	return fromInt(roundBig(new(big.Rat).SetFrac64(num, den), c.Digits), c)
}

var one = big.NewInt(1)

// roundBig is Round for any rational, in minor units.
func roundBig(x *big.Rat, digits int) *big.Int {
	n := new(big.Int).Mul(x.Num(), pow10(digits))
	d := x.Denom()
	q, r := new(big.Int).QuoRem(n, d, new(big.Int)) // truncates toward zero
	// |r|/d ≥ 1/2 ⇔ 2|r| ≥ d; then move q one unit away from zero.
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(d) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, one)
		} else {
			q.Add(q, one)
		}
	}
	return q
}

// round64 is roundBig for n/d in machine words, which covers every amount
// a course can have. ok is false, and the caller uses roundBig, when d is
// not positive or n·10^digits does not lie within ±math.MaxInt64. n/d need
// not be in lowest terms: scaling n and d scales the remainder r with them
// and changes neither the quotient nor whether 2|r| ≥ d.
func round64(n, d int64, digits int) (q int64, ok bool) {
	if d <= 0 || digits < 0 || digits >= len(powers64) {
		return 0, false
	}
	n, ok = checked.Mul(n, powers64[digits])
	if !ok {
		return 0, false
	}
	// Go's / and % truncate toward zero, as QuoRem does. |r| < d ≤
	// math.MaxInt64, so 2|r| fits in a uint64.
	q, r := n/d, n%d
	if 2*checked.Abs(r) >= uint64(d) {
		// Then r ≠ 0, so d ≥ 2 and |q| ≤ math.MaxInt64/2: q±1 cannot
		// overflow, nor reach math.MinInt64.
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q, true
}

// powers64 are 10**n for every n whose power fits in an int64.
var powers64 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()
