package expr

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"testing"
	"unicode/utf8"
)

// FuzzParseEval checks, for any input, that Parse and Eval never panic,
// that errors are *Error inside the source, that String round-trips to an
// equivalent expression, and that Eval, fast path first, gives exactly
// what the big.Rat evaluator gives.
func FuzzParseEval(f *testing.F) {
	for _, s := range []string{
		prorata,
		"max(0, paid - paid * (bank_fee + retention) - deductions)",
		"0",
		`course.format != "recorded" and refund.guarantee_days > 0`,
		"if(guarantee, paid, min(paid, params.hours * 1500))",
		"not (a or b) == c",
		"-(-1.5) / (3 - 3)",
		`"a\"b\\" == s`,
		"1 < 2 < 3",
		"((((((1))))))",
		"used / total * 100 >= 50",
		"9223372036854775807 * 2 - max",
		"1/3 + 1/6 == 0.5",
		"min(max + 1, huge) / (max - 9223372036854775807)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			checkError(t, src, err)
			return
		}
		for _, v := range e.Vars() {
			if line, col := position(src, v.Offset); line != v.Line || col != v.Col || src[v.Offset:v.Offset+len(v.Name)] != v.Name {
				t.Fatalf("VarRef %+v wrong in %q (offset is at %d:%d)", v, src, line, col)
			}
		}
		s := e.String()
		e2, err := Parse(s)
		if err != nil {
			t.Fatalf("String() = %q of %q does not parse: %v", s, src, err)
		}
		if e2.String() != s {
			t.Fatalf("String not a fixed point: %q → %q", s, e2.String())
		}
		j1, err := e.MarshalJSON()
		if err != nil || !json.Valid(j1) {
			t.Fatalf("MarshalJSON(%q) = %s, %v", src, j1, err)
		}
		if j2, _ := e2.MarshalJSON(); string(j1) != string(j2) {
			t.Fatalf("round trip changed the tree of %q:\n%s\n%s", src, j1, j2)
		}
		if d := sameResult(e, fuzzEnv); d != "" {
			t.Fatalf("%q: %s", src, d)
		}
		v1, err1 := e.Eval(fuzzEnv)
		if err1 != nil {
			checkError(t, src, err1)
		}
		v2, err2 := e2.Eval(fuzzEnv)
		if (err1 == nil) != (err2 == nil) || err1 == nil && v1.String() != v2.String() {
			t.Fatalf("%q and its String %q evaluate differently: %v %v / %v %v", src, s, v1, err1, v2, err2)
		}
	})
}

var fuzzEnv = MapEnv{
	"a": Num(big.NewRat(3, 100)), "b": Num(big.NewRat(0, 1)), "c": Bool(true),
	"s": Str("recorded"), "paid": Num(big.NewRat(80000, 1)), "used": Num(big.NewRat(3, 1)),
	"total": Num(big.NewRat(8, 1)), "guarantee": Bool(false),
	"max": Num(big.NewRat(math.MaxInt64, 1)), "third": Num(big.NewRat(1, 3)),
	"huge": Num(new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 70), big.NewInt(7))),
}

func checkError(t *testing.T, src string, err error) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) for %q is not *Error", err, err, src)
	}
	if pe.Offset < 0 || pe.Offset > len(src) || pe.Line < 1 || pe.Col < 1 || pe.Msg == "" {
		t.Fatalf("error %+v out of bounds for %q", pe, src)
	}
	if utf8.ValidString(src) {
		if line, col := position(src, pe.Offset); line != pe.Line || col != pe.Col {
			t.Fatalf("error %+v: offset is at %d:%d", pe, line, col)
		}
	}
	if len(pe.Msg) > 200 {
		t.Fatalf("error message too long (%d bytes) for %q", len(pe.Msg), src)
	}
}
