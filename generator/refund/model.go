package refund

import (
	"encoding/json"
	"fmt"

	"github.com/oferta-dev/oferta/generator/expr"
)

// model is the JSON the browser calculator reads. Numbers are exact strings
// (expr.RatString: "0.03" or "1/3"); formulas are expr syntax trees. The
// field order is fixed and encoding/json sorts map keys, so the bytes are
// deterministic.
type model struct {
	Currency      string            `json:"currency"`
	Digits        int               `json:"digits"`
	Price         string            `json:"price"`
	Total         int               `json:"total"`
	GuaranteeDays int               `json:"guarantee_days"`
	PolicyID      string            `json:"policy_id"`
	Policy        *expr.Expr        `json:"policy"`
	Flat          *expr.Expr        `json:"flat"`
	Vars          map[string]string `json:"vars"`
	// Items are the deductions one by one, in the contract's order: the
	// breakdown shows each on its own line, as Compute's steps do.
	Items []modelItem `json:"deduction_items"`
}

// modelItem is one deduction of the model: its name and exact amount.
type modelItem struct {
	Name   string `json:"name"`
	Amount string `json:"amount"`
}

// Model returns the JSON model of the terms for calc.js:
//
//	{"currency":"RUB","digits":2,"price":"80000","total":8,
//	 "guarantee_days":14,"policy_id":"refund.policy.prorata",
//	 "policy":{…},"flat":{…},
//	 "vars":{"bank_fee":"0.03","deductions":"5000","params.x":"1","retention":"0"},
//	 "deduction_items":[{"name":"Тестирование","amount":"5000"}]}
//
// vars holds the variables that do not depend on the request; calc.js adds
// price, paid, used, total and guarantee. flat is null without a guarantee
// period. The JSON escapes <, > and &, so it can sit inside a <script>.
func (t *Terms) Model() ([]byte, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	m := model{
		Currency:      t.Currency.Code,
		Digits:        t.Currency.Digits,
		Price:         expr.RatString(t.Price),
		Total:         t.Total,
		GuaranteeDays: t.GuaranteeDays,
		PolicyID:      t.PolicyID,
		Policy:        t.Policy,
		Vars: map[string]string{
			"bank_fee":   expr.RatString(orZero(t.BankFee)),
			"retention":  expr.RatString(orZero(t.Retention)),
			"deductions": expr.RatString(t.deductionSum()),
		},
	}
	if t.GuaranteeDays > 0 {
		m.Flat = t.Flat
	}
	m.Items = []modelItem{}
	for _, d := range t.Deductions {
		m.Items = append(m.Items, modelItem{Name: d.Name, Amount: expr.RatString(d.Amount)})
	}
	for name, x := range t.Params {
		m.Vars["params."+name] = expr.RatString(x)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("refund model: %w", err)
	}
	return b, nil
}
