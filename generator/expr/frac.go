package expr

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"

	"github.com/oferta-dev/oferta/generator/internal/checked"
)

// frac is a rational n/d held in machine words, the fast evaluator's
// number. A valid frac is in lowest terms with d > 0, as a big.Rat is, so
// two fracs are equal exactly when their rationals are. Its integers stay
// within ±math.MaxInt64: math.MinInt64 is never produced, which makes
// negation and absolute values exact.
//
// The zero frac (d == 0) is not a number: it marks a value too large for
// machine words, which only the big.Rat evaluator handles.
type frac struct{ n, d int64 }

// valid reports whether f holds a number.
func (f frac) valid() bool { return f.d != 0 }

// fracOf returns x as a frac, or the zero frac when x is nil or its
// numerator or denominator does not fit. big.Rat keeps itself in lowest
// terms with a positive denominator, so no reduction is needed.
func fracOf(x *big.Rat) frac {
	if x == nil {
		return frac{}
	}
	num := x.Num()
	if !num.IsInt64() || num.Int64() == math.MinInt64 {
		return frac{}
	}
	if x.IsInt() {
		// Checked first: Denom of a zero-value Rat allocates.
		return frac{num.Int64(), 1}
	}
	den := x.Denom()
	if !den.IsInt64() {
		return frac{}
	}
	return frac{num.Int64(), den.Int64()}
}

// rat returns f as a new big.Rat.
func (f frac) rat() *big.Rat {
	if f.d == 1 {
		return new(big.Rat).SetInt64(f.n) // SetFrac64 would look for a GCD
	}
	return new(big.Rat).SetFrac64(f.n, f.d)
}

func (f frac) neg() frac { return frac{-f.n, f.d} }

// add returns f+g by Knuth's algorithm (TAOCP vol. 2, 4.5.1), which
// reduces as it goes: its products stay small and the result needs at most
// one GCD on small numbers to be in lowest terms.
func (f frac) add(g frac) (frac, bool) {
	if f.d == 1 && g.d == 1 {
		n, ok := checked.Add(f.n, g.n)
		return frac{n, 1}, ok
	}
	// a/b + c/d with k = gcd(b, d) is (a·(d/k) + c·(b/k)) / (b·d/k). A prime
	// dividing b/k or d/k but not k cannot divide the numerator t, because
	// gcd(a, b) = gcd(c, d) = 1; so gcd(t, b·d/k) = gcd(t, k).
	k := int64(gcd(uint64(f.d), uint64(g.d)))
	x, ok1 := checked.Mul(f.n, g.d/k)
	y, ok2 := checked.Mul(g.n, f.d/k)
	t, ok3 := checked.Add(x, y)
	if !ok1 || !ok2 || !ok3 {
		return frac{}, false
	}
	if k == 1 { // the usual case, one operand an integer among them
		d, ok := checked.Mul(f.d, g.d)
		return frac{t, d}, ok
	}
	// t = 0 only when f = -g, so b = d = k; then k2 = k and the result is 0/1.
	k2 := int64(gcd(checked.Abs(t), uint64(k)))
	d, ok := checked.Mul(f.d/k, g.d/k2)
	return frac{t / k2, d}, ok
}

func (f frac) sub(g frac) (frac, bool) { return f.add(g.neg()) }

func (f frac) mul(g frac) (frac, bool) {
	if f.d == 1 && g.d == 1 {
		n, ok := checked.Mul(f.n, g.n)
		return frac{n, 1}, ok
	}
	// Cancel across first: with a/b and c/d in lowest terms, dividing a and
	// d by gcd(a, d), and c and b by gcd(c, b), leaves no prime common to
	// the new numerator a'c' and denominator b'd', so the product is in
	// lowest terms without another GCD, and its factors are as small as
	// they can be before the overflow checks.
	g1 := int64(gcd(checked.Abs(f.n), uint64(g.d)))
	g2 := int64(gcd(checked.Abs(g.n), uint64(f.d)))
	n, ok1 := checked.Mul(f.n/g1, g.n/g2)
	d, ok2 := checked.Mul(f.d/g2, g.d/g1)
	if !ok1 || !ok2 {
		return frac{}, false
	}
	return frac{n, d}, true
}

// quo returns f/g; ok is false when g is zero, which the big.Rat evaluator
// reports as an error.
func (f frac) quo(g frac) (frac, bool) {
	if g.n == 0 {
		return frac{}, false
	}
	// 1/g in lowest terms with a positive denominator; g.n is not
	// math.MinInt64, so -g.n cannot overflow.
	inv := frac{g.d, g.n}
	if g.n < 0 {
		inv = frac{-g.d, -g.n}
	}
	return f.mul(inv)
}

// cmp compares f and g: -1, 0 or +1.
func (f frac) cmp(g frac) (int, bool) {
	if f.d == g.d {
		return cmp.Compare(f.n, g.n), true
	}
	// Denominators are positive, so cross-multiplying keeps the order.
	a, ok1 := checked.Mul(f.n, g.d)
	b, ok2 := checked.Mul(g.n, f.d)
	return cmp.Compare(a, b), ok1 && ok2
}

// reduce returns n/d in lowest terms; d must be positive. 0 becomes 0/1.
func reduce(n, d int64) frac {
	if d == 1 {
		return frac{n, 1}
	}
	g := int64(gcd(checked.Abs(n), uint64(d)))
	return frac{n / g, d / g}
}

// gcd returns the greatest common divisor of a and b, with gcd(0, b) = b,
// by Stein's binary algorithm: shifts and subtractions, no division.
func gcd(a, b uint64) uint64 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	case a == 1 || b == 1:
		return 1 // an integer operand: the common case, and a slow one below
	}
	shift := bits.TrailingZeros64(a | b) // the power of 2 common to both
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		// a is odd here; removing b's factors of 2 keeps the gcd.
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a // gcd(a, b) = gcd(a, b-a); b-a is even
	}
	return a << shift
}
