package money

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
)

var (
	typedSpaces   = strings.NewReplacer(" ", "", "\t", "", "\u00a0", "", "\u202f", "", "\u2009", "")
	typedCurrency = regexp.MustCompile(`^[A-Za-z]{3}|[A-Za-z]{3}$|[₽€$£]`)
	typedComma    = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
	typedDot      = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	typedPlain    = regexp.MustCompile(`^(\d+)(?:\.(\d*))?$`)
)

// ParseTyped reads an amount as a person types it, exactly as the FAQ
// calculator in the browser does (parseAmount in faq.js): spaces group
// thousands ("20 000"), a comma or a dot is the decimal mark ("40 000,50",
// "40000.50"), with both the last one is ("40,000.50", "40.000,50"), a
// lone separator followed by groups of three digits groups thousands
// ("40,000"), and a currency sign or code around it is ignored. It
// returns the amount, with at most c.Digits decimals; the caller checks
// its sign.
func ParseTyped(s string, c Currency) (*big.Rat, error) {
	t := typedCurrency.ReplaceAllString(typedSpaces.Replace(strings.TrimSpace(s)), "")
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	if t == "" {
		return nil, fmt.Errorf("%q is not an amount", s)
	}
	lastDot, lastComma := strings.LastIndex(t, "."), strings.LastIndex(t, ",")
	switch {
	case lastDot >= 0 && lastComma >= 0:
		decimal, group := ".", ","
		if lastComma > lastDot {
			decimal, group = ",", "."
		}
		t = strings.Replace(strings.ReplaceAll(t, group, ""), decimal, ".", 1)
	case lastComma >= 0 && c.Digits < 3 && typedComma.MatchString(t):
		t = strings.ReplaceAll(t, ",", "")
	case lastDot >= 0 && c.Digits < 3 && typedDot.MatchString(t):
		t = strings.ReplaceAll(t, ".", "")
	case lastComma >= 0:
		t = strings.Replace(t, ",", ".", 1)
	}
	m := typedPlain.FindStringSubmatch(t)
	if m == nil {
		return nil, fmt.Errorf("%q is not an amount", s)
	}
	if frac := strings.TrimRight(m[2], "0"); len(frac) > c.Digits {
		return nil, fmt.Errorf("%q has more decimals than %s allows (%d)", s, c.Code, c.Digits)
	}
	r, ok := new(big.Rat).SetString(strings.TrimSuffix(m[1]+"."+m[2], "."))
	if !ok {
		return nil, fmt.Errorf("%q is not an amount", s)
	}
	if neg {
		r.Neg(r)
	}
	return r, nil
}
