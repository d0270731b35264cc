package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// The calculation document names an ИП's registration number ОГРНИП and
// an organisation's ОГРН, and never the other way round.
func TestCalcHTMLRegistrationNumber(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	code, out, stderr := run(t, "calc", "smm-mentoring", "--used", "3", "--format", "html", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "ОГРНИП&nbsp;319169002845312") || strings.Contains(out, "ОГРН&nbsp;319169002845312") {
		t.Errorf("an ИП's calculation must say «ОГРНИП 319169002845312», not «ОГРН»")
	}

	toml := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	org := strings.NewReplacer(
		`name = "Индивидуальный предприниматель Соколова Марина Андреевна"`, `name = "ООО «Школа Соколовой»"`,
		`kind = "ip"`, `kind = "ooo"`,
		`inn = "165538412749"`, `inn = "7701123451"`,
		`ogrn = "319169002845312"`, `ogrn = "1027700123450"`,
	).Replace(string(data))
	sitetest.WriteFile(t, toml, org)
	code, out, stderr = run(t, "calc", "smm-mentoring", "--used", "3", "--format", "html", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "ОГРН&nbsp;1027700123450") || strings.Contains(out, "ОГРНИП") {
		t.Errorf("an organisation's calculation must say «ОГРН 1027700123450»")
	}
}

// --client, --order and --date name whom the calculation is for in every
// format; the document has the refund in words and, without --date, the
// date of today (OFERTA_TODAY in tests).
//
// The amounts are the example school's (content/*.toml, oferta.toml):
// smm-mentoring, 80 000 paid, 3 of 8 weeks used, no bank fee
// (bank_fee_percent = 0): 80 000 · 5/8 = 50 000; the English speaking
// club, 12 000 paid, 3 of 8 lessons, a placement test of 1 500 deducted
// first: (12 000 − 1 500) · 5/8 = 6 562.50, which also spells kopecks.
func TestCalcClientOrderDate(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	t.Setenv("OFERTA_TODAY", "2026-12-05")
	who := []string{"--client", "Петрова Анна Ивановна", "--order", "A-1042", "--date", "2026-12-03"}

	code, out, stderr := run(t, append([]string{"calc", "smm-mentoring", "--used", "3", "-s", dir}, who...)...)
	if code != 0 {
		t.Fatalf("text: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Клиент: Петрова Анна Ивановна", "Заказ: A-1042", "Дата заявления: 3\u00a0декабря 2026\u00a0г.",
		"Прописью: пятьдесят тысяч рублей 00 копеек"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	// Without the flags, the text names nobody and no date.
	_, out, _ = run(t, "calc", "smm-mentoring", "--used", "3", "-s", dir)
	if strings.Contains(out, "Клиент:") || strings.Contains(out, "Дата заявления") {
		t.Errorf("text without --client/--date names them:\n%s", out)
	}

	code, out, stderr = run(t, append([]string{"calc", "smm-mentoring", "--used", "3", "--format", "json", "-s", dir}, who...)...)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"client": "Петрова Анна Ивановна", "order": "A-1042", "date": "2026-12-03",
		"refund": "50000.00", "refund_words": "пятьдесят тысяч рублей 00 копеек"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("json %s = %v, want %q", k, got[k], v)
		}
	}
	_, out, _ = run(t, "calc", "smm-mentoring", "--used", "3", "--format", "json", "-s", dir)
	if strings.Contains(out, `"client"`) || strings.Contains(out, `"date"`) {
		t.Errorf("json without the flags has client or date: %s", out)
	}

	code, out, stderr = run(t, append([]string{"calc", "smm-mentoring", "--used", "3", "--format", "html", "-s", dir}, who...)...)
	if code != 0 {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Петрова Анна Ивановна", "A-1042", "<time datetime=\"2026-12-03\">3\u00a0декабря 2026\u00a0г.</time>",
		"(пятьдесят тысяч рублей 00 копеек)", "3\u00a0недели из 8"} {
		if !strings.Contains(out, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	// The document without --date is dated today; without --client it
	// leaves a blank for the name.
	code, out, stderr = run(t, "calc", "en/english-speaking-club", "--used", "3", "--format", "html", "-s", dir)
	if code != 0 {
		t.Fatalf("English html: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"<time datetime=\"2026-12-05\">5\u00a0December 2026</time>", `<span class="calc-blank"></span>`,
		"six thousand five hundred sixty-two roubles and 50 kopecks"} {
		if !strings.Contains(out, want) {
			t.Errorf("English html lacks %q", want)
		}
	}

	code, _, stderr = run(t, "calc", "smm-mentoring", "--used", "3", "--date", "03.12.2026", "-s", dir)
	if code != 2 || !strings.Contains(stderr, "write YYYY-MM-DD") {
		t.Errorf("a bad --date: exit %d, stderr %s", code, stderr)
	}
}

// A German or Romanian calculation names the client, the order and the
// day of the request in its own language (calc.client, calc.order and
// calc.date of the library's phrases.toml).
func TestCalcClientOrderDateDeRo(t *testing.T) {
	for _, c := range []struct {
		site, slug string
		want       []string
	}{
		{"de", "deutsch-b1", []string{"Kunde: Anna Weber\n", "Bestellung: B-7\n", "Eingang der Erklärung: 3.\u00a0Dezember 2026\n"}},
		{"ro", "engleza-b1", []string{"Client: Anna Weber\n", "Comanda: B-7\n", "Data primirii cererii: 3\u00a0decembrie 2026\n"}},
	} {
		dir := filepath.Join(repoRoot, "examples", c.site)
		code, out, stderr := run(t, "calc", c.slug, "--used", "1", "--client", "Anna Weber", "--order", "B-7", "--date", "2026-12-03", "-s", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.site, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the calculation lacks %q:\n%s", c.site, w, out)
			}
		}
	}
}
