package expr

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
)

const prorata = "max(0, paid * (total - used) / total - paid * (bank_fee + retention) - deductions)"

func r(s string) *big.Rat {
	x, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rat " + s)
	}
	return x
}

func TestParseCanonical(t *testing.T) {
	tests := []struct{ src, want string }{
		{prorata, prorata},
		{"1+2*3", "1 + 2 * 3"},
		{"(1+2)*3", "(1 + 2) * 3"},
		{"a-(b-c)", "a - (b - c)"},
		{"(a-b)-c", "a - b - c"},
		{"a/(b*c)", "a / (b * c)"},
		{"a+(b+c)", "a + (b + c)"},
		{"-a*b", "-a * b"},
		{"-(a*b)", "-(a * b)"},
		{"- -a", "--a"},
		{"a - -b", "a - -b"},
		{"0.030", "0.03"},
		{"007.50", "7.5"},
		{"1.0", "1"},
		{"not a and b", "not a and b"},
		{"not (a and b)", "not (a and b)"},
		{"not a == b", "not a == b"},
		{"(not a) == b", "(not a) == b"},
		{"(a < b) == (c < d)", "(a < b) == (c < d)"},
		{"a or b and c", "a or b and c"},
		{"(a or b) and c", "(a or b) and c"},
		{`course.format != "recorded"`, `course.format != "recorded"`},
		{`x == "say \"hi\" \\ bye"`, `x == "say \"hi\" \\ bye"`},
		{"if(guarantee,paid,0)", "if(guarantee, paid, 0)"},
		{"min( a ,\n b )", "min(a, b)"},
		{"true or false", "true or false"},
		{"params.hours * 2", "params.hours * 2"},
		{"(((1)))", "1"},
		{"course.duration.count >= 8", "course.duration.count >= 8"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		if got := e.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.src, got, tt.want)
		}
		assertRoundTrip(t, e)
	}
}

// assertRoundTrip checks that String parses back to the same tree.
func assertRoundTrip(t *testing.T, e *Expr) {
	t.Helper()
	s := e.String()
	e2, err := Parse(s)
	if err != nil {
		t.Fatalf("String() of %q = %q does not parse: %v", e.Source(), s, err)
	}
	j1, _ := e.MarshalJSON()
	j2, _ := e2.MarshalJSON()
	if string(j1) != string(j2) {
		t.Fatalf("round trip of %q changed the tree:\n%s\n%s", e.Source(), j1, j2)
	}
	if e2.String() != s {
		t.Fatalf("String not a fixed point: %q → %q", s, e2.String())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"", 1, 1, "empty formula"},
		{"  \n ", 2, 2, "empty formula"},
		{"max(0, paid))", 1, 13, "unexpected ')'"},
		{"max(0, paid", 1, 12, "expected ',' or ')'"},
		{"(1 + 2", 1, 7, "expected ')' to close '(' at column 1"},
		{"1 +", 1, 4, "unexpected end of formula"},
		{"1 + * 2", 1, 5, "unexpected '*'"},
		{"paid\n  * bank_fee %", 2, 14, "percentage as a fraction"},
		{"a = b", 1, 3, "write '=='"},
		{"a && b", 1, 3, "write 'and'"},
		{"a || b", 1, 3, "write 'or'"},
		{"!a", 1, 1, "write 'not'"},
		{"1e5", 1, 2, "exponents are not allowed"},
		{"1.", 1, 3, "expected a digit after '.'"},
		{".5", 1, 1, "leading digit"},
		{"1.2.3", 1, 4, "unexpected '.' after a number"},
		{"3x", 1, 2, "unexpected 'x' after a number"},
		{"params.", 1, 8, "expected a name after '.'"},
		{"params.1x", 1, 8, "expected a name after '.'"},
		{`"abc`, 1, 1, "unterminated string"},
		{"\"ab\ncd\"", 1, 1, "unterminated string"},
		{`"a\nb"`, 1, 3, "unknown escape"},
		{"'abc'", 1, 1, "double quotes"},
		{"foo(1)", 1, 1, `unknown function "foo"`},
		{"max(1)", 1, 1, "max takes 2 arguments, got 1"},
		{"if(a, b)", 1, 1, "if takes 3 arguments, got 2"},
		{"min()", 1, 1, "min takes 2 arguments, got 0"},
		{"min(1,)", 1, 7, "unexpected ')'"},
		{"1 < 2 < 3", 1, 7, "cannot be chained"},
		{"a == b != c", 1, 8, "cannot be chained"},
		{"1 + not a", 1, 5, "unexpected 'not'"},
		{"+1", 1, 1, "unexpected '+'"},
		{"цена * 2", 1, 1, "unexpected character 'ц'"},
		{"price * цена", 1, 9, "unexpected character 'ц'"},
		{"1 +\n\tцена", 2, 2, "unexpected character 'ц'"},
		{"a\xffb", 1, 2, "invalid UTF-8"},
		{"1 2", 1, 3, "unexpected number 2"},
		{"a b", 1, 3, `unexpected name "b"`},
		{"1 /", 1, 4, "unexpected end of formula"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.src)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) = %v, want *Error", tt.src, err)
			continue
		}
		if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(pe.Msg, tt.msg) {
			t.Errorf("Parse(%q) = %d:%d: %s, want %d:%d: …%s…", tt.src, pe.Line, pe.Col, pe.Msg, tt.line, tt.col, tt.msg)
		}
		if !strings.HasPrefix(pe.Error(), strings.TrimSpace(
			strings.Join([]string{itoa(pe.Line), ":", itoa(pe.Col), ": "}, ""))) {
			t.Errorf("Error() = %q lacks line:col prefix", pe.Error())
		}
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

func TestErrorFormat(t *testing.T) {
	_, err := Parse("max(0, paid))")
	if got := err.Error(); got != "1:13: unexpected ')'" {
		t.Errorf("Error() = %q", got)
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name, src, msg string
	}{
		{"long source", strings.Repeat("1+", 2048) + "1", "longer than 4096 bytes"},
		{"deep parens", strings.Repeat("(", 65) + "1" + strings.Repeat(")", 65), "nested too deeply"},
		{"deep unary", strings.Repeat("-", 65) + "1", "nested too deeply"},
		{"deep not", strings.Repeat("not ", 65) + "true", "nested too deeply"},
		{"deep calls", strings.Repeat("max(1,", 65) + "1" + strings.Repeat(")", 65), "nested too deeply"},
		{"long number", strings.Repeat("9", 41), "more than 40 digits"},
		{"long decimal", "0." + strings.Repeat("1", 40), "more than 40 digits"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.msg)
		}
	}
	// Right at the limits everything still parses.
	ok := []string{
		strings.Repeat("(", 63) + "1" + strings.Repeat(")", 63),
		strings.Repeat("9", 40),
		strings.Repeat("1+", 2047) + "1",
	}
	for _, src := range ok {
		if _, err := Parse(src); err != nil {
			t.Errorf("Parse(%.20q…): %v", src, err)
		}
	}
}

func env() MapEnv {
	return MapEnv{
		"price":         Num(r("80000")),
		"paid":          Num(r("80000")),
		"used":          Num(r("3")),
		"total":         Num(r("8")),
		"bank_fee":      Num(r("3/100")),
		"retention":     Num(r("0")),
		"deductions":    Num(r("0")),
		"guarantee":     Bool(false),
		"params.hours":  Num(r("12")),
		"course.format": Str("personal"),
	}
}

func TestEval(t *testing.T) {
	tests := []struct {
		src  string
		want string // Value.String()
	}{
		{prorata, "47600"},
		{"0.1 + 0.2 == 0.3", "true"},
		{"1 / 3", "1/3"},
		{"1 / 3 * 3 == 1", "true"},
		{"-paid", "-80000"},
		{"--3", "3"},
		{"10 - 2 - 3", "5"},
		{"2 * 3 + 4", "10"},
		{"24 / 4 / 2", "3"},
		{"min(1, 2) + max(1, 2)", "3"},
		{"min(-1, -1)", "-1"},
		{"if(guarantee, paid, 0)", "0"},
		{"if(not guarantee, paid, 0)", "80000"},
		{"if(total == 0, 0, paid / total)", "10000"},
		{`course.format != "recorded"`, "true"},
		{`course.format == "personal" and used < total`, "true"},
		{"true == false", "false"},
		{"false or true", "true"},
		{"used <= 3 and used >= 3 and used > 2 and used < 4", "true"},
		{"params.hours * 2", "24"},
		{`"a" == "a"`, "true"},
		{"paid * 0.03", "2400"},
		{"1 - 0.005", "0.995"},
		// Short-circuits: the right side would be an error.
		{"false and 1 / 0 > 0", "false"},
		{"true or 1 / 0 > 0", "true"},
		{"if(true, 1, 1 / 0)", "1"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		v, err := e.Eval(env())
		if err != nil {
			t.Errorf("Eval(%q): %v", tt.src, err)
			continue
		}
		if v.String() != tt.want {
			t.Errorf("Eval(%q) = %s, want %s", tt.src, v, tt.want)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	tests := []struct {
		src string
		col int
		msg string
	}{
		{`price + true`, 7, "'+' needs numbers, got number and bool"},
		{`"a" * 2`, 5, "'*' needs numbers, got string and number"},
		{`paid / (used - 3)`, 6, "division by zero"},
		{`if(price, 1, 2)`, 1, "if(…) needs a bool"},
		{`not price`, 1, "'not' needs a bool"},
		{`price and true`, 7, "'and' needs a bool"},
		{`true or price`, 1, "true"}, // short-circuit: no error
		{`false or price`, 7, "'or' needs a bool"},
		{`-guarantee`, 1, "'-' needs a number, got bool"},
		{`max(guarantee, 1)`, 1, "max(…) needs a number"},
		{`course.format < "z"`, 15, "compares numbers only"},
		{`guarantee > false`, 11, "compares numbers only"},
		{`course.format == 1`, 15, "cannot compare string with number"},
		{`prise * 2`, 1, `unknown variable "prise"`},
	}
	for _, tt := range tests {
		e := MustParse(tt.src)
		v, err := e.Eval(env())
		if tt.msg == "true" {
			if err != nil || v.String() != "true" {
				t.Errorf("Eval(%q) = %v, %v", tt.src, v, err)
			}
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Eval(%q) = %v, %v; want *Error", tt.src, v, err)
			continue
		}
		if pe.Col != tt.col || !strings.Contains(pe.Msg, tt.msg) {
			t.Errorf("Eval(%q) error %v, want col %d and %q", tt.src, pe, tt.col, tt.msg)
		}
	}
}

// Eval must never write into the environment's or the tree's rationals.
func TestEvalDoesNotMutate(t *testing.T) {
	e := MustParse("-paid + 0.5 * paid - min(paid, 3) + max(used, 0) * 2")
	en := env()
	for i := 0; i < 3; i++ {
		v, err := e.Eval(en)
		if err != nil {
			t.Fatal(err)
		}
		if v.String() != "-39997" {
			t.Fatalf("run %d: got %s", i, v)
		}
		n, _ := v.Num()
		n.SetInt64(99) // the result belongs to the caller
	}
	if p, _ := en["paid"].Num(); p.Cmp(r("80000")) != 0 {
		t.Errorf("paid changed to %s", p)
	}
	lit := MustParse("0.5")
	v, _ := lit.Eval(en)
	n, _ := v.Num()
	n.SetInt64(7)
	if v2, _ := lit.Eval(en); v2.String() != "0.5" {
		t.Errorf("literal changed to %s", v2)
	}
}

func TestVarsAndCheck(t *testing.T) {
	e := MustParse("paid * (total -\n  usd) / prise + params.hours")
	var names []string
	for _, v := range e.Vars() {
		names = append(names, v.Name)
	}
	if got := strings.Join(names, ","); got != "paid,total,usd,prise,params.hours" {
		t.Errorf("Vars = %s", got)
	}
	if v := e.Vars()[2]; v.Line != 2 || v.Col != 3 || v.Offset != 18 {
		t.Errorf("usd at %+v", v)
	}
	if v := MustParse("\"цена\" == b").Vars()[0]; v.Col != 11 || v.Offset != 14 {
		t.Errorf("b after Cyrillic at %+v, want col 11", v)
	}
	known := []string{"price", "paid", "used", "total", "params.hours"}
	err := e.Check(known)
	var pe *Error
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Col != 3 ||
		pe.Msg != `unknown variable "usd"; did you mean "used"?` {
		t.Errorf("Check = %v", err)
	}
	e2 := MustParse("prise")
	if err := e2.Check(known); err == nil || err.Error() != `1:1: unknown variable "prise"; did you mean "price"?` {
		t.Errorf("Check = %v", err)
	}
	e3 := MustParse("params.hourz + bogus")
	if err := e3.Check(known); err == nil || !strings.Contains(err.Error(), `did you mean "params.hours"`) {
		t.Errorf("Check = %v", err)
	}
	e4 := MustParse("completely_else")
	if err := e4.Check(known); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("Check = %v (no suggestion expected)", err)
	}
	if err := MustParse(prorata).Check([]string{"paid", "total", "used", "bank_fee", "retention", "deductions"}); err != nil {
		t.Errorf("Check(prorata) = %v", err)
	}
}

func TestMarshalJSON(t *testing.T) {
	e := MustParse(`if(a < 0.03, -x, 1 / 3) or s == "<\"/script>"`)
	got, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	direct, _ := e.MarshalJSON()
	if string(direct) != string(got) {
		t.Errorf("MarshalJSON and json.Marshal differ:\n%s\n%s", direct, got)
	}
	want := `{"op":"or","args":[{"op":"if","args":[{"op":"\u003c","args":[{"var":"a"},{"num":"0.03"}]},{"op":"neg","args":[{"var":"x"}]},{"op":"/","args":[{"num":"1"},{"num":"3"}]}]},{"op":"==","args":[{"var":"s"},{"str":"\u003c\"/script\u003e"}]}]}`
	if string(got) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	var any map[string]any
	if err := json.Unmarshal(got, &any); err != nil {
		t.Errorf("not valid JSON: %v", err)
	}
}

func TestRatString(t *testing.T) {
	for in, want := range map[string]string{
		"3/100": "0.03", "1/3": "1/3", "-5/2": "-2.5", "47600": "47600",
		"1/8": "0.125", "-1/6": "-1/6", "1/1024": "0.0009765625", "0": "0",
	} {
		if got := RatString(r(in)); got != want {
			t.Errorf("RatString(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestValue(t *testing.T) {
	if _, ok := Str("x").Num(); ok {
		t.Error("Str is a number")
	}
	if b, ok := Bool(true).Bool(); !ok || !b {
		t.Error("Bool accessor")
	}
	if s, ok := Str("x").Str(); !ok || s != "x" {
		t.Error("Str accessor")
	}
	if (Value{}).Kind() != Invalid || Num(r("1")).Kind().String() != "number" {
		t.Error("kinds")
	}
	if _, err := MustParse("x").Eval(MapEnv{"x": {}}); err == nil {
		t.Error("invalid value accepted")
	}
}

func BenchmarkEvalProrata(b *testing.B) {
	e := MustParse(prorata)
	en := benchEnv{
		paid: r("80000"), total: r("8"), used: r("3"), fee: r("3/100"), ret: r("0"), ded: r("0"),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(&en); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEval is the same formula over a MapEnv, the convenience Env.
func BenchmarkEval(b *testing.B) {
	e := MustParse(prorata)
	en := env()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(en); err != nil {
			b.Fatal(err)
		}
	}
}

// benchEnv is how generator/refund feeds variables: a switch, no map.
type benchEnv struct{ paid, total, used, fee, ret, ded *big.Rat }

func (e *benchEnv) Lookup(name string) (Value, bool) {
	switch name {
	case "paid", "price":
		return Num(e.paid), true
	case "total":
		return Num(e.total), true
	case "used":
		return Num(e.used), true
	case "bank_fee":
		return Num(e.fee), true
	case "retention":
		return Num(e.ret), true
	case "deductions":
		return Num(e.ded), true
	}
	return Value{}, false
}

// BenchmarkHostile measures the slowest inputs the limits admit: 4096
// bytes of 40-digit factors, of fractions with distinct denominators, and
// of nesting at the depth limit. Each must stay well under a millisecond.
func BenchmarkHostile(b *testing.B) {
	big40 := strings.Repeat("9", 40)
	product := big40
	for len(product)+41 <= MaxSource {
		product += "*" + big40
	}
	sum := "1/7"
	for i := 11; len(sum) < MaxSource-12; i += 2 {
		sum += "+1/" + itoa(i)
	}
	nested := strings.Repeat("max(1,", 63) + "1" + strings.Repeat(")", 63)
	for _, src := range []string{product, sum, nested} {
		b.Run(src[:8], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e, err := Parse(src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.Eval(MapEnv{}); err != nil {
					b.Fatal(err)
				}
				_ = e.String()
			}
		})
	}
}
