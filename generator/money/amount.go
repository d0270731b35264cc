package money

import (
	"math/big"
	"strings"
)

// Amount is money rounded to a currency's minor unit: an integer number of
// minor units (kopecks, cents) and the currency. The zero Amount is zero in
// the zero Currency. Amounts are values: methods never modify the receiver.
type Amount struct {
	minor *big.Int // nil means zero
	cur   Currency
}

// FromMinor returns the amount of minor units in currency c. It copies
// minor.
func FromMinor(minor *big.Int, c Currency) Amount {
	return Amount{minor: new(big.Int).Set(minor), cur: c}
}

// Zero returns zero in currency c.
func Zero(c Currency) Amount { return Amount{cur: c} }

// Round rounds x to the minor unit of c, half away from zero (2.345 →
// 2.35, −2.345 → −2.35). Callers round once, at the end of a computation:
// rounding intermediate values is how a kopeck goes missing.
func Round(x *big.Rat, c Currency) Amount {
	n := new(big.Int).Mul(x.Num(), pow10(c.Digits))
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
	return Amount{minor: q, cur: c}
}

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

// zero is the read-only value of an Amount whose minor is nil.
var zero, one = new(big.Int), big.NewInt(1)

// int returns the minor units without copying; callers must not modify it.
func (a Amount) int() *big.Int {
	if a.minor == nil {
		return zero
	}
	return a.minor
}

// Currency returns the amount's currency.
func (a Amount) Currency() Currency { return a.cur }

// Minor returns a copy of the amount in minor units.
func (a Amount) Minor() *big.Int {
	if a.minor == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(a.minor)
}

// Rat returns the amount as an exact rational in major units.
func (a Amount) Rat() *big.Rat {
	return new(big.Rat).SetFrac(a.int(), pow10(a.cur.Digits)) // SetFrac copies both
}

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int {
	if a.minor == nil {
		return 0
	}
	return a.minor.Sign()
}

// Neg returns −a.
func (a Amount) Neg() Amount {
	return Amount{minor: new(big.Int).Neg(a.int()), cur: a.cur}
}

// Add returns a+b. Both must be in the same currency; the result takes a's.
func (a Amount) Add(b Amount) Amount {
	return Amount{minor: new(big.Int).Add(a.int(), b.int()), cur: a.cur}
}

// Sub returns a−b. Both must be in the same currency; the result takes a's.
func (a Amount) Sub(b Amount) Amount {
	return Amount{minor: new(big.Int).Sub(a.int(), b.int()), cur: a.cur}
}

// Cmp compares the minor units of a and b: -1, 0 or +1.
func (a Amount) Cmp(b Amount) int { return a.int().Cmp(b.int()) }

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
	m := a.Minor()
	neg = m.Sign() < 0
	digits := m.Abs(m).String()
	d := a.cur.Digits
	if len(digits) <= d {
		digits = strings.Repeat("0", d-len(digits)+1) + digits
	}
	return neg, digits[:len(digits)-d], digits[len(digits)-d:]
}
