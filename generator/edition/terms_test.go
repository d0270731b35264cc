package edition

import (
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

func TestTermsRoundTrip(t *testing.T) {
	rec := &Terms{Course: "smm", Language: "ru", Edition: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		Policy: refund.PolicyProrata, Formula: "max(0, paid * (total - used) / total - paid * (bank_fee + retention) - deductions)",
		FlatFormula: "max(0, paid - paid * (bank_fee + retention) - deductions)", Currency: "RUB", Price: "80000.5",
		DurationUnit: "week", DurationCount: 8, BankFee: "2.5", Retention: "0", GuaranteeDays: 14, ReviewDays: 10, PayoutDays: 7,
		Params: map[string]string{"k": "0.5"}, Deductions: []TermsDeduction{{Name: "Диагностика «старт»", Amount: "5000"}}}
	data := rec.Marshal()
	got, err := ParseTerms("editions/2026-11-01/ru/smm.toml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	got.File = ""
	if !SameTerms(got, rec) || !got.Edition.Equal(rec.Edition) {
		t.Errorf("round trip changed the terms:\n%s\n%+v", data, got)
	}
	rt, err := got.Refund()
	if err != nil {
		t.Fatal(err)
	}
	if rt.Price.FloatString(1) != "80000.5" || rt.BankFee.RatString() != "1/40" || rt.Total != 8 || len(rt.Deductions) != 1 {
		t.Errorf("refund terms: %+v", rt)
	}
	res, err := refund.Compute(rt, refund.Request{Used: 0, Day: 3, HasDay: true})
	if err != nil || !res.Guarantee {
		t.Errorf("the recorded guarantee is not applied: %+v %v", res, err)
	}
}

func TestParseTermsRejects(t *testing.T) {
	good := string((&Terms{Course: "smm", Language: "ru", Edition: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Policy: refund.PolicyFlat,
		Formula: "paid", Currency: "RUB", Price: "100", DurationUnit: "week", DurationCount: 1, BankFee: "0", Retention: "0"}).Marshal())
	for _, c := range []struct{ name, text, want string }{
		{"unknown key", good + "colour = 1\n", `unknown key "colour"`},
		{"bad price", strings.Replace(good, `price = "100"`, `price = "1e5"`, 1), "price"},
		{"bad formula", strings.Replace(good, `formula = "paid"`, `formula = "paid +"`, 1), "formula"},
		{"unknown variable", strings.Replace(good, `formula = "paid"`, `formula = "payd"`, 1), "formula"},
		{"not TOML", "price = ", "smm.toml:1"},
	} {
		_, err := ParseTerms("editions/2026-11-01/ru/smm.toml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.want)
		}
	}
}

func TestParseTermsMustMatchText(t *testing.T) {
	d := doc(sec("1", "definitions", cl("1.1", "definitions.terms", "Термины.")))
	rec := &Terms{Course: "other", Language: "ru", Edition: d.Date, Policy: refund.PolicyFlat, Formula: "paid", Currency: "RUB",
		Price: "100", DurationUnit: "week", DurationCount: 1, BankFee: "0", Retention: "0"}
	_, err := Parse(site.EditionFile{File: "editions/2026-11-01/ru/smm.md", Date: d.Date, Lang: "ru", Slug: "smm", Text: d.Marshal(),
		TermsFile: "editions/2026-11-01/ru/smm.toml", Terms: rec.Marshal()})
	if err == nil || !strings.Contains(err.Error(), `course "other"`) {
		t.Errorf("terms of another course accepted: %v", err)
	}
}

func TestFreezeCommand(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	latest := &Doc{Date: day("2026-11-01")}
	for _, c := range []struct {
		st             Status
		edition, today string
		want           string
	}{
		{Status{}, "2026-11-01", "2026-11-10", "oferta freeze"},
		{Status{Latest: latest}, "2026-12-01", "2026-11-10", "oferta freeze"},
		{Status{Latest: latest}, "2026-11-01", "2026-11-10", "oferta freeze --date 2026-11-10"},
		{Status{Latest: latest}, "2026-11-01", "2026-11-01", "oferta freeze --date 2026-11-02"},
	} {
		if got := FreezeCommand(c.st, day(c.edition), day(c.today)); got != c.want {
			t.Errorf("edition %s, today %s: %q, want %q", c.edition, c.today, got, c.want)
		}
	}
}
