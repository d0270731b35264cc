package refund_test

import (
	"fmt"
	"math/big"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
)

// The SPEC's example: an 8-week mentorship for 80 000 RUB, 3 weeks used,
// a 3 % payment fee withheld.
func ExampleCompute() {
	rub, _ := money.Lookup("RUB")
	terms := &refund.Terms{
		Currency: rub,
		Price:    big.NewRat(80000, 1),
		Total:    8,
		BankFee:  big.NewRat(3, 100),
		PolicyID: refund.PolicyProrata,
		Policy:   expr.MustParse("max(0, (paid - deductions) * (total - used) / total - paid * (bank_fee + retention))"),
	}
	res, err := refund.Compute(terms, refund.Request{Used: 3})
	if err != nil {
		panic(err)
	}
	for _, s := range res.Steps {
		fmt.Printf("%-9s %9s\n", s.Kind, s.Amount)
	}
	// Output:
	// paid       80000.00
	// delivered -30000.00
	// bank_fee   -2400.00
	// result     47600.00
}
