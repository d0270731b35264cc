package contract

import (
	"math/big"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/site"
)

// whenEnv is the environment of `when` conditions.
func whenEnv(s *site.Site, c *site.Course) expr.Env {
	env := expr.MapEnv{}
	for k, v := range whenVars(s, c) {
		switch x := v.(type) {
		case string:
			env[k] = expr.Str(x)
		case bool:
			env[k] = expr.Bool(x)
		case *big.Rat:
			if x == nil {
				x = new(big.Rat)
			}
			env[k] = expr.Num(x)
		}
	}
	return env
}
