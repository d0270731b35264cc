package contract

import (
	"math/big"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/site"
)

// whenEnv is the environment of `when` conditions: the values of
// whenVar, made when a condition reads them (a contract reads a few of
// them some fifty times; a map of them all cost more).
func whenEnv(s *site.Site, c *site.Course) expr.Env { return courseEnv{s, c} }

type courseEnv struct {
	s *site.Site
	c *site.Course
}

// Lookup implements expr.Env.
func (e courseEnv) Lookup(name string) (expr.Value, bool) {
	v, ok := whenVar(e.s, e.c, name)
	if !ok {
		return expr.Value{}, false
	}
	switch x := v.(type) {
	case string:
		return expr.Str(x), true
	case bool:
		return expr.Bool(x), true
	case *big.Rat:
		if x == nil {
			x = new(big.Rat)
		}
		return expr.Num(x), true
	}
	return expr.Value{}, false
}
