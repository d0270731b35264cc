package money

import (
	"fmt"
	"math/big"
	"strings"
)

// MaxDigits is the most digits ParseDecimal accepts. No price needs more,
// and the bound keeps hostile input from making big arithmetic slow.
const MaxDigits = 30

// ParseDecimal parses a plain decimal number such as "80000", "80000.50",
// "-3" or "0.1" into an exact rational. It accepts an optional sign, digits
// and an optional dot followed by digits — nothing else, so that an amount
// in a TOML file means exactly what it says: exponents ("1e5"), NaN and
// infinities, grouping ("80 000", "80_000"), a decimal comma ("0,5") and
// more than MaxDigits digits are errors.
func ParseDecimal(s string) (*big.Rat, error) {
	if why := checkDecimal(s); why != "" {
		return nil, fmt.Errorf("%q is not a decimal number: %s", s, why)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok { // unreachable after checkDecimal; kept so a gap cannot panic
		return nil, fmt.Errorf("%q is not a decimal number", s)
	}
	return r, nil
}

// checkDecimal returns why s is not a plain decimal, or "" if it is.
func checkDecimal(s string) string {
	if s == "" {
		return "empty"
	}
	if strings.TrimSpace(s) != s {
		return "leading or trailing space"
	}
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "inf", "infinity":
		return "not a finite number"
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i++
	}
	intDigits, fracDigits := 0, 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		intDigits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && isDigit(s[i]); i++ {
			fracDigits++
		}
		if fracDigits == 0 {
			return "no digits after the decimal point"
		}
	}
	if intDigits == 0 {
		if fracDigits > 0 {
			return "no digits before the decimal point (write 0.5, not .5)"
		}
		return "no digits"
	}
	if i < len(s) {
		switch c := s[i]; {
		case c == 'e' || c == 'E':
			return "exponents are not allowed; write all digits"
		case c == ',':
			return "use a dot as the decimal separator and no grouping"
		case c == ' ' || c == '_' || c == '\'':
			return "digit grouping is not allowed; write 80000, not 80 000"
		case c == '.':
			return "more than one decimal point"
		default:
			return fmt.Sprintf("unexpected character %q", rune(s[i]))
		}
	}
	if intDigits+fracDigits > MaxDigits {
		return fmt.Sprintf("more than %d digits", MaxDigits)
	}
	return ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
