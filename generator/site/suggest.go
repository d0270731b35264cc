package site

import "github.com/oferta-dev/oferta/generator/expr"

// Suggest returns the candidate closest to name when it is close enough to
// be a likely typo ("prise" → "price"), or "" when none is. Formulas and
// files share one notion of "close".
func Suggest(name string, candidates []string) string { return expr.Suggest(name, candidates) }
