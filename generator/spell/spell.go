package spell

import (
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/oferta-dev/oferta/generator/money"
)

// Max is the largest whole part Amount writes: one billion.
const Max = 1_000_000_000

// ErrTooLarge is returned for an amount whose whole part is over Max.
var ErrTooLarge = errors.New("amounts in words are written up to 1 000 000 000")

// Languages returns the languages with tables, sorted.
func Languages() []string { return slices.Sorted(maps.Keys(langs)) }

// lookup returns the tables of lang's primary subtag ("ru-RU" is ru).
func lookup(lang string) (*Lang, error) {
	primary := strings.ToLower(lang)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	l, ok := langs[primary]
	if !ok {
		return nil, fmt.Errorf("amounts in words are not available in %q (available: %s)", lang, strings.Join(Languages(), ", "))
	}
	return l, nil
}

// Amount writes a in words in lang: «сорок семь тысяч шестьсот рублей 00
// копеек», "forty-seven thousand six hundred roubles and 00 kopecks".
func Amount(a money.Amount, lang string) (string, error) {
	l, err := lookup(lang)
	if err != nil {
		return "", err
	}
	if a.Sign() < 0 {
		return "", fmt.Errorf("amounts in words are written for 0 or more, not %s", a)
	}
	cur := a.Currency()
	base := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(cur.Digits)), nil)
	whole, minor := new(big.Int).QuoRem(a.Minor(), base, new(big.Int))
	if whole.Cmp(big.NewInt(Max)) > 0 || whole.Cmp(big.NewInt(Max)) == 0 && minor.Sign() > 0 {
		return "", fmt.Errorf("%s: %w", a, ErrTooLarge)
	}
	n := whole.Int64()
	m := minor.Int64()
	c, named := l.Currencies[cur.Code]
	gender := Masculine
	if named {
		gender = c.Major.Gender
	}
	minorDigits := fmt.Sprintf("%0*d", cur.Digits, m)
	repl := []string{"{major}", l.number(n, gender), "{code}", cur.Code, "{minor}", minorDigits, "{base}", base.String()}
	pattern := l.PatternCode
	if cur.Digits == 0 {
		pattern = l.PatternCodeWhole
	}
	if named {
		pattern = l.Pattern
		if cur.Digits == 0 {
			pattern = l.PatternWhole
		}
		repl = append(repl, "{major_unit}", l.form(c.Major, n), "{minor_unit}", l.form(c.Minor, m))
	}
	return strings.NewReplacer(repl...).Replace(pattern), nil
}

// Number writes 0 ≤ n ≤ Max in words, in the form for a word of the given
// gender («одна» тысяча, «один» рубль).
func Number(n int64, lang, gender string) (string, error) {
	l, err := lookup(lang)
	if err != nil {
		return "", err
	}
	if n < 0 || n > Max {
		return "", fmt.Errorf("%d: %w", n, ErrTooLarge)
	}
	return l.number(n, gender), nil
}

func (l *Lang) number(n int64, gender string) string {
	if n == 0 {
		return l.Zero
	}
	if w, ok := l.One[gender]; ok && n == 1 {
		return w
	}
	var b strings.Builder
	sep := ""
	// Triads from the largest scale down: billions, millions, thousands,
	// units.
	for i := len(l.Scales); i >= 0; i-- {
		div := int64(1)
		for range i {
			div *= 1000
		}
		t := int(n / div % 1000)
		if t == 0 {
			continue
		}
		b.WriteString(sep)
		if i == 0 {
			b.WriteString(l.triad(t, gender))
			continue
		}
		s := l.Scales[i-1]
		w := l.triad(t, s.Gender)
		if one, ok := l.One[s.Gender]; ok && t == 1 {
			w = one
		}
		sep = l.ScaleJoin[i-1]
		b.WriteString(w + sep + l.form(s, int64(t)))
	}
	return b.String()
}

// triad writes 1..999.
func (l *Lang) triad(t int, gender string) string {
	var parts []string
	if h := t / 100; h > 0 {
		parts = append(parts, l.Hundreds[h])
	}
	rest := t % 100
	unit := func(u int) string {
		if w, ok := l.Gendered[gender][strconv.Itoa(u)]; ok {
			return w
		}
		return l.Units[u]
	}
	switch {
	case rest == 0:
	case rest < 20:
		parts = append(parts, unit(rest))
	case rest%10 == 0:
		parts = append(parts, l.Tens[rest/10])
	default:
		u := unit(rest % 10)
		if w, ok := l.TensUnits[strconv.Itoa(rest%10)]; ok {
			u = w
		}
		if l.UnitsFirst {
			parts = append(parts, u+l.TensJoin+l.Tens[rest/10])
		} else {
			parts = append(parts, l.Tens[rest/10]+l.TensJoin+u)
		}
	}
	return strings.Join(parts, l.Join)
}

// form picks the plural form of a noun for n.
func (l *Lang) form(w Noun, n int64) string {
	i := pluralIndex(l.Plural, n)
	if i >= len(w.Forms) {
		i = len(w.Forms) - 1
	}
	return w.Forms[i]
}

// pluralIndex is the index of n's form in a noun's Forms.
func pluralIndex(rule string, n int64) int {
	switch rule {
	case "romanian":
		switch h := n % 100; {
		case n == 1:
			return 0
		case n < 20 || h >= 1 && h <= 19:
			return 1
		}
		return 2
	case "slavic":
		switch d, h := n%10, n%100; {
		case d == 1 && h != 11:
			return 0
		case d >= 2 && d <= 4 && (h < 12 || h > 14):
			return 1
		}
		return 2
	}
	if n == 1 {
		return 0
	}
	return 1
}
