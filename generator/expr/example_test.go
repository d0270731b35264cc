package expr_test

import (
	"fmt"
	"math/big"

	"github.com/oferta-dev/oferta/generator/expr"
)

func ExampleExpr_Eval() {
	e, err := expr.Parse("max(0, paid * (total - used) / total - paid * bank_fee)")
	if err != nil {
		panic(err)
	}
	v, err := e.Eval(expr.MapEnv{
		"paid":     expr.Num(big.NewRat(80000, 1)),
		"total":    expr.Num(big.NewRat(8, 1)),
		"used":     expr.Num(big.NewRat(3, 1)),
		"bank_fee": expr.Num(big.NewRat(3, 100)),
	})
	fmt.Println(v, err)
	// Output: 47600 <nil>
}

func ExampleExpr_Check() {
	e, _ := expr.Parse("paid * (total - usd) / total")
	fmt.Println(e.Check([]string{"price", "paid", "used", "total"}))
	// Output: 1:17: unknown variable "usd"; did you mean "used"?
}

func ExampleParse_error() {
	_, err := expr.Parse("max(0, paid))")
	fmt.Println(err)
	// Output: 1:13: unexpected ')'
}
