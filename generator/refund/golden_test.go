package refund

import (
	"flag"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/oferta-dev/oferta/generator/expr"
)

var update = flag.Bool("update", false, "rewrite testdata/refund.golden")

// TestGolden pins what Analyze and Compute give, digit for digit and error
// for error, for the calc.js cases and for random terms, against
// testdata/refund.golden. That file was written before formulas were
// evaluated and amounts rounded in machine words, by the big.Rat code
// alone: the faster code must not change a byte of it. A difference is a
// changed refund; rewrite the file (-update) only for a change of the
// cases or of what is printed, never to make a failure go away.
func TestGolden(t *testing.T) {
	var b strings.Builder
	cases := jsCases()
	for i, terms := range randomTerms(80) {
		cases = append(cases, jsCase{name: fmt.Sprintf("random %d", i), terms: terms})
	}
	for _, tc := range cases {
		writeGolden(&b, tc.name, tc.terms)
	}
	path := filepath.Join("testdata", "refund.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			g := "(end of output)"
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("%s:%d differs:\ngot  %s\nwant %s", path, i+1, g, line)
		}
	}
	if len(got) != len(strings.Split(string(want), "\n")) {
		t.Fatalf("output has %d lines, %s has fewer", len(got), path)
	}
}

// writeGolden writes the analysis of terms and the refunds at a few
// requests, one line each.
func writeGolden(b *strings.Builder, name string, t *Terms) {
	fmt.Fprintf(b, "# %s: %s\n", name, t.Policy.Source())
	a, err := Analyze(t)
	if err != nil {
		fmt.Fprintf(b, "analyze: %v\n", err)
	} else {
		curves := []*Curve{&a.Outside}
		if a.Inside != nil {
			curves = append(curves, a.Inside)
		}
		for _, c := range curves {
			amounts := make([]string, len(c.Amounts))
			for i, x := range c.Amounts {
				amounts[i] = x.String()
			}
			fmt.Fprintf(b, "curve guarantee=%v min=%s max=%s below=%d@%s:%s above=%d@%s:%s notmonotonic=%d amounts=%s\n",
				c.Guarantee, c.Min, c.Max, c.BelowZero, c.BelowZeroPaid, c.BelowZeroAmount,
				c.AbovePaid, c.AbovePaidPaid, c.AbovePaidAmount, c.NotMonotonic, strings.Join(amounts, " "))
		}
	}
	half := roundDown(new(big.Rat).Quo(t.Price, big.NewRat(2, 1)), t.Currency.Digits)
	reqs := []Request{{Used: 0}, {Used: t.Total}}
	for _, paid := range []*big.Rat{nil, half} {
		reqs = append(reqs, Request{Used: t.Total / 3, Paid: paid}, Request{Used: t.Total / 3, Paid: paid, HasDay: true})
	}
	for _, r := range reqs {
		res, err := Compute(t, r)
		if err != nil {
			fmt.Fprintf(b, "compute %s: %v\n", r.describe(), err)
			continue
		}
		fmt.Fprintf(b, "compute %s: %s of %s guarantee=%v steps=%s\n",
			r.describe(), res.Amount, res.Paid, res.Guarantee, stepsText(res.Steps))
	}
}

func (r Request) describe() string {
	paid := "price"
	if r.Paid != nil {
		paid = r.Paid.RatString()
	}
	if r.HasDay {
		return fmt.Sprintf("used=%d paid=%s day=%d", r.Used, paid, r.Day)
	}
	return fmt.Sprintf("used=%d paid=%s", r.Used, paid)
}

// roundDown truncates x to digits decimals, a payment the currency allows.
func roundDown(x *big.Rat, digits int) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	n := new(big.Int).Mul(x.Num(), scale)
	n.Quo(n, x.Denom())
	return new(big.Rat).SetFrac(n, scale)
}

// randomTerms returns n terms drawn from a fixed seed: prices of every
// size (some beyond int64 in minor units), fees and retentions that are
// not decimals, deductions, guarantee periods, and formulas that are
// built in, custom, above the payment, out of machine words, or broken.
func randomTerms(n int) []*Terms {
	rng := rand.New(rand.NewPCG(11, 12))
	pick := func(list ...string) string { return list[rng.IntN(len(list))] }
	policies := []string{
		prorataSrc, prorataSrc, prorataSrc, flatSrc, noneSrc,
		"if(used <= params.free, paid, max(0, min(paid - params.per_lesson * (used - params.free), paid * 0.9)))",
		"paid * (total - used) / total * (1 - bank_fee) - deductions / 3",
		"paid * (total - 2 * used) / 4 - 0.5",
		"price * (total - used) / total",
		"paid * 99999999999999999999 / 99999999999999999999 * (total - used) / total",
		"max(0, paid * (total - used) / total - paid * bank_fee * 1000000000000 / 1000000000000)",
		"paid / (used - 3)",
		"if(used > 2, used > 3, paid)",
		"paid * used / 7 - deductions",
		"min(paid, paid * 9223372036854775807 / (used + 1) / 9223372036854775807)",
	}
	var out []*Terms
	for len(out) < n {
		c := cur(pick("RUB", "RUB", "EUR", "JPY", "KWD"))
		scale := big.NewInt(1)
		for i := 0; i < c.Digits; i++ {
			scale.Mul(scale, big.NewInt(10))
		}
		minor := big.NewInt(1 + rng.Int64N(10_000_000))
		switch rng.IntN(8) {
		case 0:
			minor.SetInt64(1 + rng.Int64N(100))
		case 1:
			minor.Exp(big.NewInt(10), big.NewInt(int64(15+rng.IntN(10))), nil) // beyond int64 at times
			minor.Add(minor, big.NewInt(rng.Int64N(1000)))
		}
		t := &Terms{
			Currency:  c,
			Price:     new(big.Rat).SetFrac(minor, scale),
			Total:     1 + rng.IntN(16),
			BankFee:   rat(pick("", "0", "0.03", "0.029", "1/3", "1")),
			Retention: rat(pick("", "", "0", "0.1", "1/7")),
			PolicyID:  pick(PolicyProrata, PolicyFlat, PolicyNone, "refund.policy.custom"),
			Policy:    expr.MustParse(policies[rng.IntN(len(policies))]),
			Flat:      expr.MustParse(flatSrc),
			Params:    map[string]*big.Rat{"free": big.NewRat(2, 1), "per_lesson": big.NewRat(rng.Int64N(100000), 100)},
		}
		if rng.IntN(3) == 0 {
			t.GuaranteeDays = []int{7, 14, 30}[rng.IntN(3)]
		}
		for range rng.IntN(3) {
			amount := new(big.Rat).SetFrac(big.NewInt(rng.Int64N(500000)), scale)
			t.Deductions = append(t.Deductions, Deduction{Name: fmt.Sprintf("d%d", len(t.Deductions)), Amount: amount})
		}
		out = append(out, t)
	}
	return out
}

// TestConcurrentUse runs Analyze and Compute on the same Terms from several
// goroutines, as render and lint do; under -race it proves that neither
// writes to the Terms, and every goroutine must get the sequential answer.
func TestConcurrentUse(t *testing.T) {
	terms := randomTerms(8)
	terms = append(terms, with(func(t *Terms) {
		t.GuaranteeDays = 14
		t.Deductions = []Deduction{{"Diagnostics", rat("5000")}}
	}))
	want := make([]string, len(terms))
	for i, tt := range terms {
		var b strings.Builder
		writeGolden(&b, "", tt)
		want[i] = b.String()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, tt := range terms {
				var b strings.Builder
				writeGolden(&b, "", tt)
				if b.String() != want[i] {
					t.Errorf("terms %d: concurrent result differs:\n%s\nwant\n%s", i, b.String(), want[i])
				}
			}
		})
	}
	wg.Wait()
}
