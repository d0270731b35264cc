package expr

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/internal/checked"
)

// sameResult reports how Eval (fast path first) and the big.Rat evaluator
// differ on e over env, or "" if they agree: the same kind and exact value,
// or the same error text.
func sameResult(e *Expr, env Env) string {
	got, gotErr := e.Eval(env)
	want, wantErr := e.evalRat(env)
	switch {
	case gotErr != nil || wantErr != nil:
		if gotErr == nil || wantErr == nil || gotErr.Error() != wantErr.Error() {
			return fmt.Sprintf("Eval = %v, %v; big.Rat evaluator = %v, %v", got, gotErr, want, wantErr)
		}
		return ""
	case got.kind != want.kind:
		return fmt.Sprintf("Eval kind %s, big.Rat evaluator kind %s", got.kind, want.kind)
	case got.kind == Number:
		g, _ := got.Num()
		w, _ := want.Num()
		if g.Cmp(w) != 0 || got.String() != want.String() {
			return fmt.Sprintf("Eval = %s, big.Rat evaluator = %s", got, want)
		}
		// Frac64 must say the same as Num wherever the value fits.
		n, d, ok := got.Frac64()
		if wf := fracOf(w); ok != wf.valid() || ok && (n != wf.n || d != wf.d) {
			return fmt.Sprintf("Frac64 = %d/%d %v for %s", n, d, ok, w.RatString())
		}
	case got.b != want.b || got.str != want.str:
		return fmt.Sprintf("Eval = %s, big.Rat evaluator = %s", got, want)
	}
	return ""
}

// TestFastOverflow pins formulas at the edge of machine words: each must
// give exactly the big.Rat value, and the fast evaluator must take or
// leave it as the fast column says, which proves the overflow checks fire
// (and do not fire without cause).
func TestFastOverflow(t *testing.T) {
	const max = "9223372036854775807" // math.MaxInt64
	en := MapEnv{
		"max": Num(r(max)), "min": Num(r("-" + max)), "huge": Num(r("1" + max)),
		"third": Num(r("1/3")), "tiny": Num(r("1/" + max)),
	}
	tests := []struct {
		src  string
		want string
		fast bool
	}{
		{max, max, true},
		{"-" + max, "-" + max, true},
		{max + " * 2", "18446744073709551614", false},
		{max + " + 1", "9223372036854775808", false},
		{"-" + max + " - 1", "-9223372036854775808", false}, // math.MinInt64 itself is left to big.Rat
		{"-" + max + " - 0", "-" + max, true},
		{max + " - 1 + 1", max, true},
		{"max + max - max", max, false}, // the intermediate overflows
		{"max - max + max", max, true},
		{"min * -1", max, true},
		{"max * max / max", max, false},
		{"max / max * max", max, true},
		{"3037000499 * 3037000499", "9223372030926249001", true}, // ⌊√MaxInt64⌋²
		{"3037000500 * 3037000500", "9223372037000250000", false},
		{"1/3 + 1/6", "0.5", true},
		{"1/3 - 1/3", "0", true},
		{"1/6 + 1/10 + 1/15", "1/3", true},
		{"third * 3", "1", true},
		{"tiny * " + max, "1", true},
		{"tiny + tiny", "2/" + max, true},
		{"tiny + 1", "9223372036854775808/" + max, false},
		{"1 / 4294967296 / 4294967296", "0.0000000000000000000542101086242752217003726400434970855712890625", false}, // 2^-64
		{"1 / 4294967296 / 2147483648", "0.000000000000000000108420217248550443400745280086994171142578125", false},  // 2^-63
		{"1 / 4294967296 / 2147483647", "1/9223372032559808512", true},
		{"1 / 3037000500 + 1 / 3037000501", "6074001001/9223372040037250500", false},
		{"huge", "1" + max, false},
		{"huge - huge", "0", false},
		{"if(false, huge, 1)", "1", true}, // the branch not taken is never looked at
		{"min(max, huge)", max, false},
		{"max < huge", "true", false},
		{"max * 2 > max", "true", false},
		{"max > max - 1", "true", true},
		{"tiny < 1 / 9223372036854775806", "true", true},
		{"1/3 < 1/3 + tiny", "true", false}, // cross-multiplying overflows
		{"0.000000000000000001 * 1000000000000000000", "1", true},
		{"0.0000000000000000001 * 10", "0.000000000000000001", false}, // 10^19 does not fit
		{"12345678901234567890123", "12345678901234567890123", false},
		{"-(-" + max + ")", max, true},
	}
	for _, tt := range tests {
		e := MustParse(tt.src)
		if d := sameResult(e, en); d != "" {
			t.Errorf("%s: %s", tt.src, d)
			continue
		}
		v, err := e.Eval(en)
		if err != nil || v.String() != tt.want {
			t.Errorf("Eval(%s) = %v, %v; want %s", tt.src, v, err, tt.want)
		}
		if _, ok := e.evalFast(en); ok != tt.fast {
			t.Errorf("%s: fast evaluator took it: %v, want %v", tt.src, ok, tt.fast)
		}
	}
}

// TestFastErrors checks that every error comes out as the big.Rat
// evaluator writes it, at the same place.
func TestFastErrors(t *testing.T) {
	en := env()
	en["nothing"] = Value{kind: Number} // a number without a rational
	for _, src := range []string{
		"1 / 0", "paid / (used - 3)", "1 / (1/3 - 1/3)", "price + true", `"a" * 2`,
		"if(price, 1, 2)", "not price", "price and true", "false or price",
		"-guarantee", "max(guarantee, 1)", `course.format < "z"`, "guarantee > false",
		`course.format == 1`, "prise * 2", "nothing + 1", "if(used > 2, 1 / 0, 1)",
		"min(1, 2) + 9223372036854775807 * 2 + 1 / 0", "9223372036854775807 * 2 > true",
	} {
		e := MustParse(src)
		if _, ok := e.evalFast(en); ok {
			t.Errorf("%s: the fast evaluator should give up", src)
		}
		if _, err := e.Eval(en); err == nil {
			t.Errorf("%s: no error", src)
		}
		if d := sameResult(e, en); d != "" {
			t.Errorf("%s: %s", src, d)
		}
	}
}

// TestFastRandom evaluates random formulas over random variables with both
// evaluators: numbers near the int64 limits and beyond, decimals, fractions
// with large denominators, negative numbers, division by zero, and now and
// then an operand of the wrong type.
func TestFastRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var fast, failed int
	for i := 0; i < n; i++ {
		g := exprGen{rng: rng, wide: rng.IntN(2) == 0}
		src := g.num(4)
		if rng.IntN(3) == 0 {
			src = g.cond(3)
		}
		e, err := Parse(src)
		if err != nil {
			if strings.Contains(err.Error(), "more than") { // a very long literal
				continue
			}
			t.Fatalf("generated %q does not parse: %v", src, err)
		}
		en := g.env()
		if d := sameResult(e, en); d != "" {
			t.Fatalf("%s\nover %v:\n%s", src, en, d)
		}
		if _, ok := e.evalFast(en); ok {
			fast++
		} else if _, err := e.evalRat(en); err != nil {
			failed++
		}
	}
	// The comparison proves little if one evaluator did all the work.
	t.Logf("%d formulas: %d in machine words, %d errors", n, fast, failed)
	if fast < n/3 || n-fast-failed < n/20 || failed < n/50 {
		t.Errorf("poor coverage: of %d formulas, %d fast, %d errors", n, fast, failed)
	}
}

// exprGen writes random formulas. A wide one and its variables have
// numbers of any size, so that most overflow or do not fit at all; the
// others have numbers like a course's, which machine words hold.
type exprGen struct {
	rng  *rand.Rand
	wide bool
}

// interesting are integers where machine arithmetic goes wrong.
var interesting = []int64{
	0, 1, 2, 3, 7, 10, 100, 3037000499, 3037000500, 4294967296,
	math.MaxInt32, math.MaxInt64, math.MaxInt64 - 1, math.MaxInt64 / 2, math.MaxInt64 / 3,
	1 << 62, 999999999999999999,
}

// literal returns a number literal: small, interesting, decimal or long.
func (g exprGen) literal() string {
	r := g.rng
	if !g.wide {
		switch r.IntN(3) {
		case 0:
			return fmt.Sprintf("%d.%0*d", r.IntN(100000), 1+r.IntN(4), r.IntN(100))
		case 1:
			return strconv.Itoa(r.IntN(1000000))
		}
		return strconv.Itoa(r.IntN(13))
	}
	switch r.IntN(6) {
	case 0:
		return strconv.FormatInt(interesting[r.IntN(len(interesting))], 10)
	case 1:
		return strconv.FormatInt(r.Int64N(1<<uint(1+r.IntN(62))), 10)
	case 2: // a decimal, up to 19 fraction digits
		frac := strconv.FormatInt(r.Int64N(1_000_000_000_000_000_000), 10)
		return strconv.FormatInt(r.Int64N(100000), 10) + "." + frac[:1+r.IntN(len(frac))]
	case 3:
		return "0.0" + strconv.Itoa(1+r.IntN(99))
	case 4: // beyond int64
		return "1" + strconv.FormatUint(r.Uint64(), 10)
	}
	return strconv.Itoa(r.IntN(13))
}

func (g exprGen) num(depth int) string {
	r := g.rng
	if depth == 0 || r.IntN(5) == 0 {
		switch r.IntN(60) {
		case 0:
			return "flag" // a bool where a number is wanted
		case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24:
			return []string{"a", "b", "c", "d", "big", "zero", "third", "neg"}[r.IntN(8)]
		}
		return g.literal()
	}
	x, y := g.num(depth-1), g.num(depth-1)
	switch r.IntN(9) {
	case 0:
		return "-" + x
	case 1:
		return "min(" + x + ", " + y + ")"
	case 2:
		return "max(" + x + ", " + y + ")"
	case 3:
		return "if(" + g.cond(depth-1) + ", " + x + ", " + y + ")"
	}
	return "(" + x + " " + "+-*/+-*/"[r.IntN(8):][:1] + " " + y + ")"
}

func (g exprGen) cond(depth int) string {
	r := g.rng
	if depth == 0 {
		return []string{"true", "false", "flag", `(name == "x")`, `(name != "y")`}[r.IntN(5)]
	}
	switch r.IntN(10) {
	case 0:
		return "(not " + g.cond(depth-1) + ")"
	case 1:
		return "(" + g.cond(depth-1) + " and " + g.cond(depth-1) + ")"
	case 2:
		return "(" + g.cond(depth-1) + " or " + g.cond(depth-1) + ")"
	case 3:
		return "(" + g.cond(depth-1) + " == " + g.cond(depth-1) + ")"
	case 4:
		if r.IntN(5) == 0 {
			return `(name < "z")` // an error: strings compare only with == and !=
		}
	}
	return "(" + g.num(depth-1) + " " + []string{"==", "!=", "<", "<=", ">", ">="}[r.IntN(6)] + " " + g.num(depth-1) + ")"
}

// env returns random values for the variables the formulas use.
func (g exprGen) env() MapEnv {
	rng := g.rng
	number := func() *big.Rat {
		if !g.wide {
			return big.NewRat(rng.Int64N(10000000)-1000, 1+rng.Int64N(rng.Int64N(1000)+1))
		}
		switch rng.IntN(6) {
		case 0:
			return new(big.Rat).SetInt64(interesting[rng.IntN(len(interesting))])
		case 1:
			return new(big.Rat).SetFrac64(rng.Int64N(1000)-500, 1+rng.Int64N(math.MaxInt64-1))
		case 2:
			return new(big.Rat).SetFrac64(rng.Int64(), 1+rng.Int64N(1000))
		case 3:
			return r(fmt.Sprintf("%d.%02d", rng.IntN(100000), rng.IntN(100)))
		}
		return new(big.Rat).SetInt64(rng.Int64N(1000))
	}
	en := MapEnv{
		"zero": Num(new(big.Rat)), "third": Num(big.NewRat(1, 3)),
		"big":  Num(new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(3))), // never fits
		"neg":  Num(new(big.Rat).Neg(number())),
		"flag": Bool(rng.IntN(2) == 0), "name": Str([]string{"x", "y"}[rng.IntN(2)]),
	}
	for _, name := range []string{"a", "b", "c", "d"} {
		en[name] = Num(number())
	}
	return en
}

// TestFracArithmetic compares each frac operation with big.Rat on pairs
// near the limits, and checks that operands under 2^31, whose products
// cannot overflow, are always computed in machine words.
func TestFracArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pick := func() frac {
		var n, d int64
		switch rng.IntN(4) {
		case 0:
			n, d = interesting[rng.IntN(len(interesting))], interesting[1+rng.IntN(len(interesting)-1)]
		case 1:
			n, d = rng.Int64N(1<<31), 1+rng.Int64N(1<<31-1)
		case 2:
			n, d = rng.Int64N(1000), 1+rng.Int64N(1000)
		default:
			n, d = rng.Int64(), 1+rng.Int64N(math.MaxInt64)
		}
		if rng.IntN(2) == 0 {
			n = -n
		}
		return fracOf(big.NewRat(n, d))
	}
	small := func(f frac) bool { return checked.Abs(f.n) < 1<<31 && f.d < 1<<31 }
	ops := []struct {
		name string
		f    func(x, y frac) (frac, bool)
		big  func(z, x, y *big.Rat) *big.Rat
	}{
		{"+", frac.add, (*big.Rat).Add},
		{"-", frac.sub, (*big.Rat).Sub},
		{"*", frac.mul, (*big.Rat).Mul},
		{"/", frac.quo, (*big.Rat).Quo},
	}
	for i := 0; i < 100000; i++ {
		x, y := pick(), pick()
		bx, by := x.rat(), y.rat()
		for _, op := range ops {
			z, ok := op.f(x, y)
			if op.name == "/" && y.n == 0 {
				if ok {
					t.Fatalf("%v / 0 did not give up", x)
				}
				continue
			}
			want := op.big(new(big.Rat), bx, by)
			if !ok {
				if small(x) && small(y) {
					t.Fatalf("%d/%d %s %d/%d gave up", x.n, x.d, op.name, y.n, y.d)
				}
				continue
			}
			if z.rat().Cmp(want) != 0 || z != fracOf(want) {
				t.Fatalf("%d/%d %s %d/%d = %d/%d, want %s", x.n, x.d, op.name, y.n, y.d, z.n, z.d, want.RatString())
			}
		}
		c, ok := x.cmp(y)
		if !ok && small(x) && small(y) {
			t.Fatalf("cmp(%v, %v) gave up", x, y)
		}
		if ok && c != bx.Cmp(by) {
			t.Fatalf("cmp(%v, %v) = %d", x, y, c)
		}
	}
}

func TestGCD(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 100000; i++ {
		a, b := rng.Uint64()>>rng.IntN(64), rng.Uint64()>>rng.IntN(64)
		if i%3 == 0 { // a common factor
			f := 1 + rng.Uint64N(1<<20)
			a, b = a>>21*f, b>>21*f
		}
		want := new(big.Int).GCD(nil, nil, new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
		if got := gcd(a, b); got != want.Uint64() {
			t.Fatalf("gcd(%d, %d) = %d, want %s", a, b, got, want)
		}
	}
}

// TestValueForms checks the forms of a number Value: Int and Eval's
// results hold no big.Rat until asked for one, and behave as Num's values.
func TestValueForms(t *testing.T) {
	one := Int(1)
	if x, ok := one.Num(); !ok || x.Cmp(big.NewRat(1, 1)) != 0 || one.String() != "1" {
		t.Errorf("Int(1) = %v", one)
	}
	x, _ := one.Num()
	x.SetInt64(5) // Num of an Int makes a new rational each time
	if one.String() != "1" {
		t.Errorf("Int(1) changed to %v", one)
	}
	if v := Int(math.MinInt64); v.String() != "-9223372036854775808" {
		t.Errorf("Int(MinInt64) = %v", v)
	}
	if n, d, ok := Int(math.MinInt64).Frac64(); ok {
		t.Errorf("Frac64 of MinInt64 = %d/%d", n, d)
	}
	if n, d, ok := Num(big.NewRat(-6, 4)).Frac64(); !ok || n != -3 || d != 2 {
		t.Errorf("Frac64(-6/4) = %d/%d %v", n, d, ok)
	}
	if _, _, ok := Bool(true).Frac64(); ok {
		t.Error("Frac64 of a bool")
	}
	// A result of Eval passed back in, to both evaluators.
	v, err := MustParse("1 / 3").Eval(MapEnv{})
	if err != nil {
		t.Fatal(err)
	}
	en := MapEnv{"v": v, "huge": Num(r("99999999999999999999"))}
	for _, src := range []string{"v * 3", "v * 3 + huge - huge"} {
		got, err := MustParse(src).Eval(en)
		if err != nil || got.String() != "1" {
			t.Errorf("%s = %v, %v", src, got, err)
		}
	}
	if n, d, ok := v.Frac64(); !ok || n != 1 || d != 3 {
		t.Errorf("Frac64(1/3) = %d/%d %v", n, d, ok)
	}
}
