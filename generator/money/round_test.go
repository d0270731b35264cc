package money

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/oferta-dev/oferta/generator/internal/checked"
)

// TestRoundMachineWords compares the int64 rounding with the big.Int one on
// a table of ties, negatives and values at the limits, for 0, 2 and 3
// minor digits, and checks which of them machine words take.
func TestRoundMachineWords(t *testing.T) {
	const max = math.MaxInt64
	tests := []struct {
		n, d   int64
		digits int
		want   string // minor units
		fast   bool
	}{
		{5, 1000, 2, "1", true},   // 0.005 → 0.01
		{-5, 1000, 2, "-1", true}, // −0.005 → −0.01
		{4, 1000, 2, "0", true},
		{-4, 1000, 2, "0", true},
		{1, 2, 0, "1", true},
		{-1, 2, 0, "-1", true},
		{3, 2, 0, "2", true},
		{-3, 2, 0, "-2", true},
		{5, 2, 0, "3", true},
		{2345, 1000, 2, "235", true},
		{-2345, 1000, 2, "-235", true},
		{12345, 10000, 3, "1235", true},
		{-12345, 10000, 3, "-1235", true},
		{1, 3, 3, "333", true},
		{2, 3, 3, "667", true},
		{-2, 3, 3, "-667", true},
		{100, 3, 2, "3333", true},
		{max, 1, 0, "9223372036854775807", true},
		{-max, 1, 0, "-9223372036854775807", true},
		{max, 2, 0, "4611686018427387904", true}, // …903.5 → …904
		{-max, 2, 0, "-4611686018427387904", true},
		{max, max, 2, "100", false}, // round64 does not reduce: max·100 overflows
		{max / 100, 1, 2, "9223372036854775800", true},
		{max/100 + 1, 1, 2, "9223372036854775900", false}, // ·100 overflows
		{max, 1, 2, "922337203685477580700", false},
		{-max, 3, 3, "-3074457345618258602333", false},
		{math.MinInt64, 1, 0, "-9223372036854775808", false},
		{1, max, 2, "0", true},
		{max / 2, max, 0, "0", true}, // just under one half
		{max/2 + 1, max, 0, "1", true},
		{-(max/2 + 1), max, 0, "-1", true},
	}
	for _, tt := range tests {
		x := new(big.Rat).SetFrac64(tt.n, tt.d)
		want := roundBig(x, tt.digits)
		if want.String() != tt.want {
			t.Errorf("roundBig(%d/%d, %d) = %s, want %s", tt.n, tt.d, tt.digits, want, tt.want)
		}
		q, ok := round64(tt.n, tt.d, tt.digits)
		if ok != tt.fast || ok && want.Cmp(big.NewInt(q)) != 0 {
			t.Errorf("round64(%d/%d, %d) = %d, %v; want %s, %v", tt.n, tt.d, tt.digits, q, ok, tt.want, tt.fast)
		}
		c := Currency{Code: "XTS", Digits: tt.digits}
		for _, a := range []Amount{Round(x, c), RoundFrac64(tt.n, tt.d, c)} {
			if got := a.Minor().String(); got != tt.want {
				t.Errorf("Round(%d/%d, %d) = %s minor units, want %s", tt.n, tt.d, tt.digits, got, tt.want)
			}
		}
	}
}

// TestRoundRandom compares Round, RoundFrac64 and the big.Int rounding on
// random fractions of every size, and checks that machine words take every
// value whose n·10^digits fits, which is what keeps Round fast.
func TestRoundRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 200000; i++ {
		var n, d int64
		switch i % 4 {
		case 0: // a tie: an odd number of half minor units
			n, d = 2*rng.Int64N(1<<40)+1, 2
		case 1:
			n, d = rng.Int64N(1<<uint(1+rng.IntN(62))), 1+rng.Int64N(1<<uint(1+rng.IntN(62)))
		case 2:
			n, d = rng.Int64N(10000000), 1+rng.Int64N(1000)
		default:
			n, d = rng.Int64(), 1+rng.Int64N(math.MaxInt64)
		}
		if rng.IntN(2) == 0 {
			n = -n
		}
		digits := []int{0, 2, 3}[rng.IntN(3)]
		if i%4 == 0 { // n/2 minor units: a tie at these digits
			d *= powers64[digits]
		}
		x := new(big.Rat).SetFrac64(n, d)
		want := roundBig(x, digits)
		c := Currency{Code: "XTS", Digits: digits}
		if got := Round(x, c).Minor(); got.Cmp(want) != 0 {
			t.Fatalf("Round(%d/%d, %d) = %s, want %s", n, d, digits, got, want)
		}
		if got := RoundFrac64(n, d, c).Minor(); got.Cmp(want) != 0 {
			t.Fatalf("RoundFrac64(%d/%d, %d) = %s, want %s", n, d, digits, got, want)
		}
		if _, ok := round64(n, d, digits); !ok && checked.Abs(n) <= math.MaxInt64/uint64(powers64[digits]) {
			t.Fatalf("round64(%d/%d, %d) left to big.Int", n, d, digits)
		}
	}
}

// TestAmountWide checks amounts beyond int64: arithmetic across the
// boundary agrees with big.Int, and each amount has its one form, small
// exactly when it lies within ±math.MaxInt64.
func TestAmountWide(t *testing.T) {
	rub := mustCur(t, "RUB")
	maxA := FromMinor(big.NewInt(math.MaxInt64), rub)
	one := FromMinor(big.NewInt(1), rub)
	over := maxA.Add(one)
	if over.String() != "92233720368547758.08" || over.large == nil || over.Cmp(maxA) != 1 || maxA.Cmp(over) != -1 {
		t.Errorf("MaxInt64 + 1 = %s (%+v)", over, over)
	}
	if back := over.Sub(one); back != maxA {
		t.Errorf("(MaxInt64 + 1) − 1 = %+v, want %+v", back, maxA)
	}
	if minA := maxA.Neg().Sub(one); minA.large == nil || minA.String() != "-92233720368547758.08" || minA.Neg().Cmp(over) != 0 {
		t.Errorf("−MaxInt64 − 1 = %s (%+v)", minA, minA)
	}
	if FromMinor(big.NewInt(7), rub) != Round(big.NewRat(7, 100), rub) {
		t.Error("FromMinor and Round make different forms of 0.07")
	}
	rng := rand.New(rand.NewPCG(9, 10))
	// wide returns a number of up to 66 bits, often near a multiple of
	// 2^63, where int64 arithmetic overflows.
	wide := func() *big.Int {
		x := big.NewInt(rng.Int64N(8) - 4)
		x.Lsh(x, 63)
		return x.Add(x, new(big.Int).SetUint64(rng.Uint64()>>rng.IntN(64)))
	}
	fits := func(x *big.Int) bool { return x.IsInt64() && x.Int64() != math.MinInt64 }
	for i := 0; i < 50000; i++ {
		x, y := wide(), wide()
		a, b := FromMinor(x, rub), FromMinor(y, rub)
		for _, c := range []struct {
			op   string
			got  Amount
			want *big.Int
		}{
			{"+", a.Add(b), new(big.Int).Add(x, y)},
			{"-", a.Sub(b), new(big.Int).Sub(x, y)},
			{"neg", a.Neg(), new(big.Int).Neg(x)},
		} {
			if c.got.Minor().Cmp(c.want) != 0 || (c.got.large == nil) != fits(c.want) || c.got.large != nil && c.got.small != 0 {
				t.Fatalf("%s %s %s = %+v, want %s", x, c.op, y, c.got, c.want)
			}
		}
		if a.Cmp(b) != x.Cmp(y) || a.Sign() != x.Sign() {
			t.Fatalf("Cmp/Sign of %s, %s", x, y)
		}
		if want := new(big.Rat).SetFrac(x, big.NewInt(100)); a.Rat().Cmp(want) != 0 {
			t.Fatalf("Rat of %s = %s", x, a.Rat())
		}
		if want := new(big.Rat).SetFrac(x, big.NewInt(100)).FloatString(2); a.String() != want {
			t.Fatalf("String of %s = %s, want %s", x, a, want)
		}
	}
}
