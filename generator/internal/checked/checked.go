// Package checked is int64 arithmetic that reports overflow. Results stay
// within ±math.MaxInt64: math.MinInt64 is never produced, so negating a
// result and taking its magnitude are always exact. The exact formula
// evaluator and money rounding use it for their machine-word fast paths
// and fall back to math/big when ok is false.
package checked

import (
	"math"
	"math/bits"
)

// Add returns a+b; ok is false unless |a+b| ≤ math.MaxInt64.
func Add(a, b int64) (sum int64, ok bool) {
	s := a + b
	// Two's complement addition overflowed iff the sum moved the wrong
	// way from a.
	if b > 0 && s < a || b < 0 && s > a || s == math.MinInt64 {
		return 0, false
	}
	return s, true
}

// Mul returns a·b; ok is false unless |a·b| ≤ math.MaxInt64.
func Mul(a, b int64) (product int64, ok bool) {
	// The full 128-bit product of the magnitudes shows any overflow.
	hi, lo := bits.Mul64(Abs(a), Abs(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if a < 0 != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// Abs returns |a|; exact for every int64, math.MinInt64 included.
func Abs(a int64) uint64 {
	if a < 0 {
		return -uint64(a)
	}
	return uint64(a)
}
