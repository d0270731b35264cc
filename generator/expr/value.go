package expr

import (
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
	num  *big.Rat
	str  string
}

// Num returns a number value. The value shares x: the caller must not
// modify x afterwards (evaluation never does).
func Num(x *big.Rat) Value { return Value{kind: Number, num: x} }

// Bool returns a boolean value.
func Bool(b bool) Value { return Value{kind: Boolean, b: b} }

// Str returns a string value.
func Str(s string) Value { return Value{kind: String, str: s} }

// Kind returns the value's type.
func (v Value) Kind() Kind { return v.kind }

// Num returns the number and whether v is one. The result must not be
// modified.
func (v Value) Num() (*big.Rat, bool) { return v.num, v.kind == Number }

// Bool returns the boolean and whether v is one.
func (v Value) Bool() (b, ok bool) { return v.b, v.kind == Boolean }

// Str returns the string and whether v is one.
func (v Value) Str() (string, bool) { return v.str, v.kind == String }

// String writes the value as a literal would: 0.03, 1/3, true, "text".
func (v Value) String() string {
	switch v.kind {
	case Number:
		return RatString(v.num)
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
