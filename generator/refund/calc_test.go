package refund

import (
	"encoding/json"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/oferta-dev/oferta/generator/expr"
	"github.com/oferta-dev/oferta/generator/money"
)

// jsCase is one course's terms with the requests to try: every used in
// 0..Total with each paid ("" = the price) and each day (-1 = no day).
type jsCase struct {
	name  string
	terms *Terms
	paid  []string
	days  []int
}

func jsCases() []jsCase {
	t := func(code, price string, total int, fee, ret string, gd int, id, policy string) *Terms {
		terms := &Terms{
			Currency: cur(code), Price: rat(price), Total: total,
			BankFee: rat(fee), Retention: rat(ret), GuaranteeDays: gd,
			PolicyID: id, Policy: expr.MustParse(policy), Flat: expr.MustParse(flatSrc),
		}
		return terms
	}
	withDed := func(terms *Terms, d ...Deduction) *Terms { terms.Deductions = d; return terms }
	withParams := func(terms *Terms, kv ...string) *Terms {
		terms.Params = map[string]*big.Rat{}
		for i := 0; i < len(kv); i += 2 {
			terms.Params[kv[i]] = rat(kv[i+1])
		}
		return terms
	}
	allDays := []int{-1, 0, 7, 14, 15}
	return []jsCase{
		{"SPEC mentorship", t("RUB", "80000", 8, "0.03", "", 0, PolicyProrata, prorataSrc), []string{"", "40000", "0.01", "79999.99"}, []int{-1, 0}},
		{"prorata, guarantee, deductions", withDed(t("RUB", "1003.00", 8, "0.03", "0.1", 14, PolicyProrata, prorataSrc),
			Deduction{"Diagnostics", rat("100")}, Deduction{"Book", rat("0.15")}), []string{"", "1001", "333.33", "500.5"}, allDays},
		{"prorata, float64-unfriendly prices", t("RUB", "1001.00", 8, "0.03", "", 0, PolicyProrata, prorataSrc), []string{"", "1000.75", "1002.50", "0.05"}, []int{-1}},
		{"prorata, 7 units", t("EUR", "999.99", 7, "0.029", "", 14, PolicyProrata, prorataSrc), []string{"", "123.45", "1"}, allDays},
		{"flat EUR", withDed(t("EUR", "499.99", 10, "0.029", "0.05", 14, PolicyFlat, flatSrc), Deduction{"Kit", rat("20")}), []string{"", "19.99"}, allDays},
		{"none with guarantee", t("USD", "100", 4, "0.03", "", 7, PolicyNone, noneSrc), []string{"", "50"}, allDays},
		{"none, no guarantee", t("GBP", "100", 3, "", "", 0, PolicyNone, noneSrc), []string{""}, []int{-1, 0}},
		{"custom params min max if, JPY", withParams(t("JPY", "150001", 12, "0.035", "", 3,
			"refund.policy.lessons", "if(used <= params.free, paid, max(0, min(paid - params.per_lesson * (used - params.free), paid * 0.9)))"),
			"free", "2", "per_lesson", "12500.5"), []string{"", "99999", "1"}, []int{-1, 2, 3, 4}},
		{"custom thirds, KWD", withDed(t("KWD", "100.005", 9, "0.0125", "", 0,
			"refund.policy.thirds", "paid * (total - used) / total * (1 - bank_fee) - deductions / 3"), Deduction{"x", rat("0.001")}), []string{"", "0.007", "33.333"}, []int{-1}},
		{"custom negative halves, CLP", t("CLP", "7", 6, "", "", 0,
			"refund.policy.neg", "paid * (total - 2 * used) / 4 - 0.5"), []string{"", "1", "3"}, []int{-1}},
		{"custom negative halves, RUB", t("RUB", "0.07", 6, "", "", 0,
			"refund.policy.neg", "-paid * used / 4 / 7 * 5"), []string{"", "0.01", "0.03"}, []int{-1}},
		{"custom bools and strings", withParams(t("PLN", "1200", 5, "0.015", "0.02", 10,
			"refund.policy.mixed", `if(not guarantee and used > 0 or params.vip == 1, paid * (1 - retention), if("a" != "b", paid / 3, 0))`),
			"vip", "0"), []string{"", "600"}, allDays},
		{"custom guarantee-aware flat", func() *Terms {
			terms := t("CZK", "2500", 4, "0.01", "", 5, PolicyProrata, prorataSrc)
			terms.Flat = expr.MustParse("if(guarantee, paid, 0) - used * 0.005")
			return terms
		}(), []string{"", "0.02"}, []int{-1, 5, 6}},
		{"errors: division by zero at used 2, bool result at used 4", t("RUB", "100", 5, "", "", 0,
			"refund.policy.broken", "if(used == 4, used > 1, paid / (used - 2))"), []string{"", "0", "-1", "100.01", "1.001", "1e2", "abc"}, []int{-1}},
		{"errors: unknown variable", t("SEK", "100", 2, "", "", 0, "refund.policy.typo", "prise"), []string{""}, []int{-1}},
	}
}

// jsRequest and jsResult travel to and from the node harness.
type jsRequest struct {
	Model json.RawMessage `json:"model"`
	Used  int             `json:"used"`
	Paid  string          `json:"paid"`
	Day   *int            `json:"day"`
}

type jsFormat struct {
	Plain string `json:"plain"`
	Lang  string `json:"lang"`
	Code  string `json:"code"`
}

type jsOut struct {
	Refunds []struct {
		Amount    string   `json:"amount"`
		Guarantee bool     `json:"guarantee"`
		Steps     []jsStep `json:"steps"`
		Error     string   `json:"error"`
	} `json:"refunds"`
	Formats []string `json:"formats"`
}

// jsStep is one line of calc.js's breakdown.
type jsStep struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Amount string `json:"amount"`
}

const harness = `
const fs = require("fs");
const vm = require("vm");
vm.runInThisContext(fs.readFileSync(process.argv[2], "utf8"), { filename: "calc.js" });
const input = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const C = globalThis.OfertaCalc;
const refunds = input.refunds.map((r) => {
  try {
    const res = C.refund(r.model, { used: r.used, paid: r.paid, day: r.day });
    return { amount: res.amount, guarantee: res.guarantee, steps: res.steps, error: "" };
  } catch (e) {
    return { amount: "", guarantee: false, error: String(e.message || e) };
  }
});
const formats = input.formats.map((f) => C.format(f.plain, f.lang, f.code));
process.stdout.write(JSON.stringify({ refunds, formats }));
`

// TestCalcJSMatchesGo runs calc.js under node and checks that it gives the
// same amount and the same breakdown (steps) as Compute, byte for byte,
// for every case, and the same formatting as money.Format.
func TestCalcJSMatchesGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node is required in CI to test calc.js: %v", err)
		}
		t.Skip("!!! node not found: calc.js is NOT being checked against Compute; install node to run this test !!!")
	}

	var reqs []jsRequest
	type goWant struct {
		name      string
		req       Request
		amount    string
		guarantee bool
		steps     []jsStep
		err       error
	}
	var wants []goWant
	for _, tc := range jsCases() {
		model, err := tc.terms.Model()
		if err != nil {
			t.Fatalf("%s: Model: %v", tc.name, err)
		}
		for used := -1; used <= tc.terms.Total+1; used++ {
			for _, paid := range tc.paid {
				for _, day := range tc.days {
					req := Request{Used: used, Day: day, HasDay: day >= 0}
					var perr error
					if paid != "" {
						req.Paid, perr = money.ParseDecimal(paid)
					}
					w := goWant{name: tc.name, req: req, err: perr}
					if perr == nil {
						res, err := Compute(tc.terms, req)
						w.amount, w.guarantee, w.err = res.Amount.String(), res.Guarantee, err
						for _, s := range res.Steps {
							w.steps = append(w.steps, jsStep{Kind: s.Kind, Name: s.Name, Amount: s.Amount.String()})
						}
					}
					wants = append(wants, w)
					jr := jsRequest{Model: model, Used: used, Paid: paid}
					if day >= 0 {
						jr.Day = &day
					}
					reqs = append(reqs, jr)
				}
			}
		}
	}

	var formats []jsFormat
	var formatWants []string
	amounts := []string{"0", "1", "-1.5", "999", "1000", "47600", "-1234567.891", "100000000000.005"}
	for _, code := range money.Codes() {
		c, _ := money.Lookup(code)
		for _, x := range amounts {
			a := money.Round(rat(x), c)
			for _, lang := range []string{"ru", "en", "de", "ro", "fr", "ru-RU", "EN", "de-DE", "ro-RO", "de_AT"} {
				formats = append(formats, jsFormat{Plain: a.String(), Lang: lang, Code: code})
				formatWants = append(formatWants, money.Format(a, lang))
			}
		}
	}

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	input, err := json.Marshal(map[string]any{"refunds": reqs, "formats": formats})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, write("harness.js", []byte(harness)), write("calc.js", CalcJS), write("input.json", input))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var out jsOut
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("harness output: %v\n%s", err, stdout)
	}
	if len(out.Refunds) != len(wants) || len(out.Formats) != len(formatWants) {
		t.Fatalf("harness returned %d refunds, %d formats; want %d, %d",
			len(out.Refunds), len(out.Formats), len(wants), len(formatWants))
	}

	compared, errorsBoth := 0, 0
	for i, w := range wants {
		js := out.Refunds[i]
		switch {
		case w.err != nil && js.Error != "":
			errorsBoth++
		case w.err != nil:
			t.Errorf("%s %+v: Go error %q, calc.js gives %s", w.name, w.req, w.err, js.Amount)
		case js.Error != "":
			t.Errorf("%s %+v: Go gives %s, calc.js error %q", w.name, w.req, w.amount, js.Error)
		case js.Amount != w.amount || js.Guarantee != w.guarantee:
			t.Errorf("%s %+v: Go %s (guarantee %v), calc.js %s (guarantee %v)",
				w.name, w.req, w.amount, w.guarantee, js.Amount, js.Guarantee)
		case !slices.Equal(js.Steps, w.steps):
			t.Errorf("%s %+v: steps differ\nGo      %v\ncalc.js %v", w.name, w.req, w.steps, js.Steps)
		default:
			compared++
		}
	}
	for i, want := range formatWants {
		if out.Formats[i] != want {
			t.Errorf("format(%q, %q, %q) = %q, money.Format gives %q",
				formats[i].Plain, formats[i].Lang, formats[i].Code, out.Formats[i], want)
		}
	}
	// Guard against a harness that silently compares nothing.
	if compared < 500 || errorsBoth < 50 {
		t.Errorf("only %d amounts and %d errors compared", compared, errorsBoth)
	}
	t.Logf("calc.js agrees with Go on %d amounts, %d errors and %d formats", compared, errorsBoth, len(formatWants))
}
