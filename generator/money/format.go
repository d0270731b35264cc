package money

import (
	"math/big"
	"strings"
)

const nbsp = "\u00a0"

// style is how one language writes an amount.
type style struct {
	group, decimal string
	codeFirst      bool // "RUB 47,600.00" rather than "47 600,00 ₽"
	// sign returns what is written for the currency.
	sign func(c Currency) string
}

func symbolOrCode(c Currency) string {
	if c.Symbol != "" {
		return c.Symbol
	}
	return c.Code
}

func code(c Currency) string { return c.Code }

// styles are keyed by the language's primary subtag. The browser
// calculator (generator/refund/calc.js) copies this table; a test keeps the
// two in step.
var styles = map[string]style{
	"en": {group: ",", decimal: ".", codeFirst: true, sign: code},
	"ru": {group: nbsp, decimal: ",", sign: symbolOrCode},
	"de": {group: ".", decimal: ",", sign: symbolOrCode},
	"ro": {group: ".", decimal: ",", sign: func(c Currency) string {
		if c.Code == "RON" {
			return "lei"
		}
		return c.Code
	}},
}

// Format writes a for readers of lang: "47 600,00 ₽" (ru), "RUB 47,600.00"
// (en), "47.600,00 €" (de), "47.600,00 lei" (ro). Spaces inside the result
// are no-break spaces (U+00A0) so an amount never wraps across lines. A
// region suffix is ignored ("ru-RU" is ru); an unknown language gets en.
// A negative amount starts with "-".
func Format(a Amount, lang string) string {
	st := styleFor(lang)
	neg, intPart, frac := a.parts()
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if st.codeFirst {
		b.WriteString(st.sign(a.cur))
		b.WriteString(nbsp)
	}
	writeGrouped(&b, intPart, st.group)
	if frac != "" {
		b.WriteString(st.decimal)
		b.WriteString(frac)
	}
	if !st.codeFirst {
		b.WriteString(nbsp)
		b.WriteString(st.sign(a.cur))
	}
	return b.String()
}

// FormatRat rounds x to c's minor unit and formats it for lang.
func FormatRat(x *big.Rat, c Currency, lang string) string {
	return Format(Round(x, c), lang)
}

func styleFor(lang string) style {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if st, ok := styles[lang]; ok {
		return st
	}
	return styles["en"]
}

// writeGrouped writes digits in groups of three from the right.
func writeGrouped(b *strings.Builder, digits, sep string) {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
}

// Typed writes a as a person would type it on a page in lang: no
// grouping, the language's decimal mark, no sign: "80000,00" (ru, de,
// ro), "80000.00" (en). The browser calculator and `oferta calc --paid`
// both read it back (ParseTyped).
func Typed(a Amount, lang string) string {
	return strings.Replace(a.String(), ".", styleFor(lang).decimal, 1)
}

// FormatShort is Format without the minor units of a whole amount, for a
// price on a card: "80 000 ₽", "RUB 12,000.50". A fraction stays.
func FormatShort(a Amount, lang string) string {
	if !a.Rat().IsInt() {
		return Format(a, lang)
	}
	whole := a.cur
	whole.Digits = 0
	return Format(Round(a.Rat(), whole), lang)
}
