package checked

import (
	"math"
	"math/big"
	"testing"
)

func TestAgainstBig(t *testing.T) {
	values := []int64{0, 1, -1, 2, -2, 3, 1 << 31, -(1 << 31), 1<<32 + 7, math.MaxInt64, -math.MaxInt64, math.MaxInt64 / 2, math.MinInt64 / 2, 3037000499, 3037000500, -3037000500}
	fits := func(x *big.Int) bool { return x.IsInt64() && x.Int64() != math.MinInt64 }
	for _, a := range values {
		for _, b := range values {
			sum := new(big.Int).Add(big.NewInt(a), big.NewInt(b))
			if got, ok := Add(a, b); ok != fits(sum) || ok && got != sum.Int64() {
				t.Errorf("Add(%d, %d) = %d, %v; want %s, %v", a, b, got, ok, sum, fits(sum))
			}
			prod := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
			if got, ok := Mul(a, b); ok != fits(prod) || ok && got != prod.Int64() {
				t.Errorf("Mul(%d, %d) = %d, %v; want %s, %v", a, b, got, ok, prod, fits(prod))
			}
		}
	}
	if Abs(math.MinInt64) != 1<<63 || Abs(-5) != 5 || Abs(5) != 5 {
		t.Error("Abs is not exact")
	}
}
