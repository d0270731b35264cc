package edition

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
	if !SameTerms(got, rec) || got.Edition != rec.Edition {
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
		{"unknown key", good + "colour = 1\n", fmt.Sprintf(`smm.toml:%d:1: unknown key "colour": a terms file holds what oferta freeze wrote`, strings.Count(good, "\n")+1)},
		{"wrong type", strings.Replace(good, "guarantee_days = 0", "guarantee_days = \"14\"", 1), "smm.toml:15:18: a whole number is expected here, not a string"},
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

// TestCommittedEditionsRewriteSame: every edition the example school has
// frozen reads back and writes out as the same bytes, text and terms, so
// that freezing again never changes a file clients may have accepted
// (the terms writer is oferta's own; no TOML encoder decides the layout).
func TestCommittedEditionsRewriteSame(t *testing.T) {
	files, err := filepath.Glob("../../editions/*/*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no frozen editions found: %v", err)
	}
	terms := 0
	for _, f := range files {
		rel, _ := filepath.Rel("../..", f)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		date, err := time.Parse("2006-01-02", parts[1])
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ef := site.EditionFile{File: rel, Date: date, Lang: parts[2], Slug: strings.TrimSuffix(parts[3], ".md"), Text: text}
		if data, err := os.ReadFile(strings.TrimSuffix(f, ".md") + ".toml"); err == nil {
			ef.TermsFile, ef.Terms = strings.TrimSuffix(rel, ".md")+".toml", data
		}
		d, err := Parse(ef)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Marshal(); !bytes.Equal(got, text) {
			t.Errorf("%s is written differently:\n%s", rel, got)
		}
		if d.Terms != nil {
			terms++
			if got := d.Terms.Marshal(); !bytes.Equal(got, ef.Terms) {
				t.Errorf("%s is written differently:\n%s", ef.TermsFile, got)
			}
		}
	}
	if terms == 0 {
		t.Error("no frozen terms found")
	}
}
