package expr

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// Kind is the type of a Value.
type Kind uint8

// The kinds of values. The zero Value is Invalid.
const (
	Invalid Kind = iota
	Number
	Boolean
	String
)

func (k Kind) String() string {
	switch k {
	case Number:
		return "number"
	case Boolean:
		return "bool"
	case String:
		return "string"
	}
	return "invalid"
}

// Value is a number (exact rational), a bool or a string.
type Value struct {
	kind Kind
	b    bool
	// A number is num, and also frac when it fits in machine words (see
	// frac). A number the fast evaluator computed has frac alone: the
	// big.Rat is made only if the caller asks for it (Num, String).
	num  *big.Rat
	frac frac
	str  string
}

// Num returns a number value. The value shares x: the caller must not
// modify x afterwards (evaluation never does). Num also records x in
// machine words when its numerator and denominator fit in an int64, so
// that evaluation reads an environment's numbers without converting them
// each time; an environment should make its Values once and reuse them.
func Num(x *big.Rat) Value { return Value{kind: Number, num: x, frac: fracOf(x)} }

// Int returns the number n. Unlike Num(new(big.Rat).SetInt64(n)) it
// allocates nothing: the big.Rat is made only if one is asked for, by Num
// or by an evaluation that cannot be done in machine words.
func Int(n int64) Value {
	if n == math.MinInt64 { // the one int64 a frac cannot hold
		return Num(new(big.Rat).SetInt64(n))
	}
	return Value{kind: Number, frac: frac{n, 1}}
}

// Bool returns a boolean value.
func Bool(b bool) Value { return Value{kind: Boolean, b: b} }

// Str returns a string value.
func Str(s string) Value { return Value{kind: String, str: s} }

// Kind returns the value's type.
func (v Value) Kind() Kind { return v.kind }

// Num returns the number and whether v is one. The result must not be
// modified, except for a number from Eval or Int, which is the caller's:
// such a number is held in machine words when it fits, and each call of
// Num then makes a new big.Rat.
func (v Value) Num() (*big.Rat, bool) { return v.rat(), v.kind == Number }

// Frac64 returns the number as num/den in lowest terms with den > 0, if v
// is a number whose numerator and denominator lie within ±math.MaxInt64.
// Unlike Num it never allocates, so it suits code that evaluates a formula
// many times and needs only the figure, such as rounding it.
func (v Value) Frac64() (num, den int64, ok bool) {
	if v.kind != Number || !v.frac.valid() {
		return 0, 0, false
	}
	return v.frac.n, v.frac.d, true
}

// rat returns the number as a big.Rat, making it from frac if need be;
// nil if v is not a number.
func (v Value) rat() *big.Rat {
	if v.num == nil && v.kind == Number && v.frac.valid() {
		return v.frac.rat()
	}
	return v.num
}

// missing reports whether v has no value: the zero Value, or a number
// with no rational.
func (v Value) missing() bool {
	return v.kind == Invalid || v.kind == Number && v.num == nil && !v.frac.valid()
}

// Bool returns the boolean and whether v is one.
func (v Value) Bool() (b, ok bool) { return v.b, v.kind == Boolean }

// Str returns the string and whether v is one.
func (v Value) Str() (string, bool) { return v.str, v.kind == String }

// String writes the value as a literal would: 0.03, 1/3, true, "text".
func (v Value) String() string {
	switch v.kind {
	case Number:
		return RatString(v.rat())
	case Boolean:
		return strconv.FormatBool(v.b)
	case String:
		return quote(v.str)
	}
	return "<invalid>"
}

// RatString writes x exactly: as a decimal when it has a finite decimal
// expansion ("0.03", "-47600", "1.5"), as a fraction otherwise ("1/3").
// calc.js reads both forms.
func RatString(x *big.Rat) string {
	if x.IsInt() {
		return x.Num().String()
	}
	// A reduced fraction is a finite decimal iff its denominator is 2^a·5^b;
	// then max(a, b) fraction digits are exact.
	d := new(big.Int).Set(x.Denom())
	twos := d.TrailingZeroBits()
	d.Rsh(d, twos)
	fives := uint(0)
	five, rem := big.NewInt(5), new(big.Int)
	for d.Cmp(big.NewInt(1)) != 0 {
		q, r := new(big.Int).QuoRem(d, five, rem)
		if r.Sign() != 0 {
			return x.RatString()
		}
		d = q
		fives++
	}
	return x.FloatString(int(max(twos, fives)))
}

// quote writes s as a string literal of the language: only '"' and '\'
// are escaped, the two escapes the lexer knows.
func quote(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return string(append(b, '"'))
}

// quoteShort quotes s for an error message, cut to a readable length: an
// error must stay one line however long the offending name is.
func quoteShort(s string) string {
	const maxRunes = 40
	if utf8.RuneCountInString(s) <= maxRunes {
		return quote(s)
	}
	return quote(string([]rune(s)[:maxRunes])) + "…"
}
