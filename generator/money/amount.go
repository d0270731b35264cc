package money

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/oferta-dev/oferta/generator/internal/checked"
)

// Amount is money rounded to a currency's minor unit: an integer number of
// minor units (kopecks, cents) and the currency. The zero Amount is zero in
// the zero Currency. Amounts are values: methods never modify the receiver.
type Amount struct {
	// The minor units are small, in a machine word, when they lie within
	// ±math.MaxInt64, as every real amount does; otherwise they are large
	// and small is 0. Each value has one form (see fromInt). Rounding to,
	// comparing and adding amounts that fit allocates nothing.
	small int64
	large *big.Int // nil unless the amount does not fit in small
	cur   Currency
}

// fromInt returns the amount of minor units x, taking x over.
func fromInt(x *big.Int, c Currency) Amount {
	// math.MinInt64 stays large so that negating a small amount is exact.
	if x.IsInt64() && x.Int64() != math.MinInt64 {
		return Amount{small: x.Int64(), cur: c}
	}
	return Amount{large: x, cur: c}
}

// FromMinor returns the amount of minor units in currency c. It copies
// minor.
func FromMinor(minor *big.Int, c Currency) Amount {
	return fromInt(new(big.Int).Set(minor), c)
}

// Zero returns zero in currency c.
func Zero(c Currency) Amount { return Amount{cur: c} }

// powers caches 10**n for the minor-unit digits in use; they are read-only.
var powers = func() (p [5]*big.Int) {
	for i := range p {
		p[i] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(i)), nil)
	}
	return p
}()

// IsWhole reports whether x is a whole number of c's minor units, that is
// whether it can be paid exactly: 10.50 RUB can, 10.505 RUB and 1/3 cannot.
func IsWhole(x *big.Rat, c Currency) bool {
	// x = n/d in lowest terms is k/10^digits for an integer k iff d
	// divides 10^digits.
	return new(big.Int).Rem(pow10(c.Digits), x.Denom()).Sign() == 0
}

// pow10 returns 10**n. The result must not be modified.
func pow10(n int) *big.Int {
	if n >= 0 && n < len(powers) {
		return powers[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// int returns the minor units as a big.Int, which callers must not modify:
// the amount's own, or a new one for a small amount.
func (a Amount) int() *big.Int {
	if a.large != nil {
		return a.large
	}
	return big.NewInt(a.small)
}

// Currency returns the amount's currency.
func (a Amount) Currency() Currency { return a.cur }

// Minor returns a copy of the amount in minor units.
func (a Amount) Minor() *big.Int {
	if a.large != nil {
		return new(big.Int).Set(a.large)
	}
	return big.NewInt(a.small)
}

// Rat returns the amount as an exact rational in major units.
func (a Amount) Rat() *big.Rat {
	return new(big.Rat).SetFrac(a.int(), pow10(a.cur.Digits)) // SetFrac copies both
}

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int {
	if a.large != nil {
		return a.large.Sign()
	}
	return cmp.Compare(a.small, 0)
}

// Neg returns −a.
func (a Amount) Neg() Amount {
	if a.large != nil {
		return fromInt(new(big.Int).Neg(a.large), a.cur)
	}
	return Amount{small: -a.small, cur: a.cur} // small is never math.MinInt64
}

// Add returns a+b. Both must be in the same currency; the result takes a's.
func (a Amount) Add(b Amount) Amount {
	if a.large == nil && b.large == nil {
		if s, ok := checked.Add(a.small, b.small); ok {
			return Amount{small: s, cur: a.cur}
		}
	}
	return fromInt(new(big.Int).Add(a.int(), b.int()), a.cur)
}

// Sub returns a−b. Both must be in the same currency; the result takes a's.
func (a Amount) Sub(b Amount) Amount { return a.Add(b.Neg()) }

// Cmp compares the minor units of a and b: -1, 0 or +1.
func (a Amount) Cmp(b Amount) int {
	if a.large == nil && b.large == nil {
		return cmp.Compare(a.small, b.small)
	}
	return a.int().Cmp(b.int())
}

// String returns the plain decimal with exactly the currency's minor
// digits: "47600.00", "-1.50", "1500" (JPY), "0.125" (KWD). This is the
// form of amounts in JSON and in the browser model.
func (a Amount) String() string {
	neg, intPart, frac := a.parts()
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(intPart)
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// MarshalText makes an Amount a JSON string in its plain form.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// parts splits the amount into its sign, integer digits and exactly
// Digits fraction digits.
func (a Amount) parts() (neg bool, intPart, frac string) {
	var digits string
	if a.large != nil {
		neg = a.large.Sign() < 0
		digits = new(big.Int).Abs(a.large).String()
	} else {
		neg = a.small < 0
		digits = strconv.FormatUint(checked.Abs(a.small), 10)
	}
	d := a.cur.Digits
	if len(digits) <= d {
		digits = strings.Repeat("0", d-len(digits)+1) + digits
	}
	return neg, digits[:len(digits)-d], digits[len(digits)-d:]
}
