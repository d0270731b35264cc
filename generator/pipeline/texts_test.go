package pipeline_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// The texts tests read every clause and FAQ answer of a contract the way a
// consumer-protection lawyer reads it: an ambiguous term is read for the
// consumer (Civil Code art. 431), so a contract that promises the whole
// payment and then deducts a fee refunds the whole payment in court.

// fullRefund are phrases that promise the whole amount paid back.
var fullRefund = map[string][]string{
	"ru": {"вся оплата", "всю оплату", "всей оплаты", "вся уплаченная сумма", "всю уплаченную сумму", "всей уплаченной суммы",
		"всю сумму", "вся сумма", "всё, что заплатил", "все деньги", "полный возврат", "полностью возвра", "возвращается полностью", "100 %"},
	"en": {"whole payment", "whole amount", "full refund", "everything you paid", "everything the client paid", "all the money",
		"all your money", "refunded in full", "refund in full", "back in full", "100%"},
	"de": {"gesamten gezahlten Betrag", "gesamte gezahlte Betrag", "gesamten Betrag", "gesamte Betrag", "gesamte Zahlung",
		"gesamten Zahlung", "alle Zahlungen", "alles zurück", "vollständig erstattet", "vollständig zurück",
		"volle Erstattung", "in voller Höhe", "ohne jeden Abzug", "ohne Abzug", "100 %"},
	"ro": {"întreaga sumă", "întregii sume", "întreaga plată", "întregii plăți", "toate plățile", "tot ce ați plătit",
		"tot ce a plătit", "toți banii", "restituire integrală", "restituie integral", "integral suma", "fără nicio reținere",
		"fără reținere", "100 %"},
}

// groundContext marks a sentence about the grounds on which the law itself
// gives the whole amount back (a defect, a missed deadline): there a
// full refund is what the law says, whatever the formula.
var groundContext = map[string][]string{
	"ru": {"недостат", "нарушени", "срок"},
	"en": {"defect", "late", "deadline"},
	// The statutory withdrawal (within 14 days, with no early start asked
	// for) gives every payment back: Widerrufsbelehrung, OUG 34/2014.
	// Force majeure ends the obligation for the part not provided, which
	// is paid back without deductions (§ 275, § 326(4) BGB; art. 1634 Cod
	// civil): a ground of its own, like a defect.
	"de": {"mangel", "verspät", "widerruf", "früheren beginn", "rechtzeitig", "neue frist", "höherer gewalt"},
	"ro": {"neconform", "întârzi", "retrage", "remedi", "anunțat", "începerea", "forță majoră"},
}

// usedAsOpened are wordings that count a lesson as used once opened, or a
// week once it passed, against the definition of used units.
var usedAsOpened = map[string][]string{
	"ru": {"открытые Клиентом", "уроки открыты", "какие уроки открыты", "прошедшие недели", "когда она прошла"},
	"en": {"lessons the client has opened", "lessons have been opened", "weeks or months of teaching that have passed", "once it has passed"},
}

// secondPerson finds "you"/"we" in contract text, which must speak of the
// Client and the Seller in the third person (FAQ answers may say "you").
var secondPerson = map[string]*regexp.Regexp{
	"ru": regexp.MustCompile(`(?i)(^|[^\p{L}])(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашему|вашим|ваших|вашу|мы|нас|нам|нами|наш|наша|наше|наши|нашего|нашей|нашему|нашим|наших|нашу)([^\p{L}]|$)`),
	"en": regexp.MustCompile(`(?i)\b(you|your|we|us|our)\b`),
	// The German and Romanian contracts speak to the client as "Sie" /
	// "dumneavoastră" throughout, as the statutory model texts do
	// ("Anbieter, wir, uns" in the definitions): no third-person check.
}

var sentenceEnd = regexp.MustCompile(`[.!?…](\s+|$)|\n`)

// plain turns rendered Markdown into the words a reader sees.
func plain(md string) string {
	md = strings.ReplaceAll(md, `\`, "")
	md = strings.ReplaceAll(md, "**", "")
	md = strings.ReplaceAll(md, "\u00a0", " ")
	return md
}

func sentences(text string) []string {
	var out []string
	for _, s := range sentenceEnd.Split(plain(text), -1) {
		if s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "-–—• ")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func containsAny(s string, list []string) string {
	low := strings.ToLower(s)
	for _, p := range list {
		if strings.Contains(low, strings.ToLower(p)) {
			return p
		}
	}
	return ""
}

// deducts reports whether the formula refunds less than the amount paid
// for some number of used units (at paid = price).
func deducts(t *testing.T, terms *refund.Terms) bool {
	t.Helper()
	for used := 0; used <= terms.Total; used++ {
		res, err := refund.Compute(terms, refund.Request{Used: used})
		if err != nil {
			t.Fatalf("%s: %v", terms.PolicyID, err)
		}
		if res.Amount.Cmp(res.Paid) < 0 {
			return true
		}
	}
	return false
}

// text is one piece of a contract a reader sees: a clause body or an FAQ
// answer.
type text struct {
	where    string
	id       string // the clause id, "" for a course's own FAQ
	body     string
	contract bool // part of the contract itself (third person)
}

func texts(k *contract.Contract) []text {
	var out []text
	for _, cl := range k.Clauses {
		out = append(out, text{where: "clause " + cl.Number + " " + cl.Source.ID, id: cl.Source.ID, body: cl.Markdown, contract: true})
	}
	for _, f := range k.FAQ {
		id := ""
		if f.Clause != nil {
			id = f.Clause.Source.ID
		}
		out = append(out, text{where: "FAQ «" + f.Question + "»", id: id, body: f.Answer})
	}
	return out
}

// checkTexts reports every place where a contract's words contradict its
// own formula or its own definitions.
func checkTexts(t *testing.T, k *contract.Contract) {
	t.Helper()
	l := k.Lang
	name := l + "/" + k.Course.Slug
	if k.Terms == nil {
		t.Errorf("%s: no refund terms", name)
		return
	}
	policyDeducts := deducts(t, k.Terms)
	flat := *k.Terms
	flat.Policy, flat.PolicyID = flat.Flat, refund.PolicyFlat
	flatDeducts := deducts(t, &flat)
	for _, x := range texts(k) {
		seen := map[string]bool{}
		for _, s := range sentences(x.body) {
			if p := containsAny(s, fullRefund[l]); p != "" && containsAny(s, groundContext[l]) == "" {
				d := policyDeducts
				if x.id == "refund.process.guarantee" {
					d = flatDeducts // the guarantee period refunds as flat
				}
				if d {
					t.Errorf("%s: %s promises a full refund («%s») while the formula deducts:\n  %s", name, x.where, p, s)
				}
			}
			if p := containsAny(s, usedAsOpened[l]); p != "" {
				t.Errorf("%s: %s counts units as used by «%s», against the definition of used units:\n  %s", name, x.where, p, s)
			}
			if len([]rune(s)) > 30 {
				if seen[s] {
					t.Errorf("%s: %s prints a sentence twice:\n  %s", name, x.where, s)
				}
				seen[s] = true
			}
			if re := secondPerson[l]; re != nil && x.contract && x.id != "" {
				if m := re.FindString(s); m != "" {
					t.Errorf("%s: %s speaks in the second person («%s»); the contract names the Client:\n  %s", name, x.where, strings.TrimSpace(m), s)
				}
			}
			if k.Course.Format == "personal" && containsAny(s, []string{"групп", "group"}) != "" {
				t.Errorf("%s: %s of a personal course mentions a group:\n  %s", name, x.where, s)
			}
			if k.Site.Config.BaseURL == "" && regexp.MustCompile(`(^|[\s(])[\w-]+/(oferta|refund)/`).MatchString(s) {
				t.Errorf("%s: %s cites a relative address:\n  %s", name, x.where, s)
			}
		}
	}
}

// TestExampleSchoolTexts checks the contract and FAQ of every course of the
// example school (the repository root).
func TestExampleSchoolTexts(t *testing.T) {
	checked, err := pipeline.Check(filepath.Join("..", ".."), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	if len(checked.Contracts) < 4 {
		t.Fatalf("only %d contracts", len(checked.Contracts))
	}
	for _, k := range checked.Contracts {
		checkTexts(t, k)
	}
}

// policyVariants are the refund settings every built-in policy is tried
// with: with and without the acquiring fee, deductions and a guarantee.
var policyVariants = []struct{ name, refund string }{
	{"prorata", `policy = "prorata"`},
	{"prorata-fee", "policy = \"prorata\"\nbank_fee_percent = 3"},
	{"prorata-deductions", "policy = \"prorata\"\n[[refund.deductions]]\nname = \"Diagnostics\"\namount = 5000"},
	{"prorata-fee-deductions-guarantee", "policy = \"prorata\"\nbank_fee_percent = 2.5\nguarantee_days = 14\n[[refund.deductions]]\nname = \"Diagnostics\"\namount = 5000"},
	{"prorata-guarantee", "policy = \"prorata\"\nguarantee_days = 7"},
	{"flat", `policy = "flat"`},
	{"flat-fee", "policy = \"flat\"\nbank_fee_percent = 3"},
	{"flat-deductions", "policy = \"flat\"\n[[refund.deductions]]\nname = \"Diagnostics\"\namount = 5000"},
	{"flat-retention", "policy = \"flat\"\nretention_percent = 5"},
}

// TestPolicyTexts assembles, for every built-in policy variant, every
// format and unit, in Russian and in English under Russian law, with and
// without a base_url, the contract and FAQ, and checks their words
// against their formula.
func TestPolicyTexts(t *testing.T) {
	for _, baseURL := range []string{`base_url = "https://school.example/"`, ""} {
		dir := t.TempDir()
		write := func(name, data string) { sitetest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), data) }
		write("oferta.toml", `title = "Школа"
`+baseURL+`
languages = ["ru", "en"]
jurisdiction = "ru"
edition = 2026-12-01

[seller]
name = "Индивидуальный предприниматель Образцова Мария Ивановна"
kind = "ip"
inn = "771234567859"
ogrn = "326774600123455"
address = "г. Москва, ул. Образцовая, д. 1"
email = "hello@school.example"
registration = "запись в ЕГРИП от 01.02.2026"
hours = "пн–пт, 10:00–19:00 (МСК)"

[refund]
review_days = 10
payout_days = 10
channel = "email"
`)
		n := 0
		for _, v := range policyVariants {
			for _, f := range []struct{ format, unit string }{{"personal", "week"}, {"personal", "lesson"}, {"group", "week"}, {"group", "lesson"}, {"recorded", "lesson"}, {"recorded", "month"}} {
				for _, l := range []string{"ru", "en"} {
					slug := fmt.Sprintf("%s-%s-%s", v.name, f.format, f.unit)
					file := "content/" + slug + ".toml"
					if l == "en" {
						file = "content/en/" + slug + ".toml"
					}
					write(file, fmt.Sprintf("title = %q\nlanguage = %q\nformat = %q\nprice = 80000\n[duration]\nunit = %q\ncount = 8\n[refund]\n%s\n", slug, l, f.format, f.unit, v.refund))
					n++
				}
			}
		}
		checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
		if err != nil {
			t.Fatal(err)
		}
		if len(checked.Contracts) != n {
			t.Fatalf("%d contracts, want %d", len(checked.Contracts), n)
		}
		for _, k := range checked.Contracts {
			checkTexts(t, k)
		}
	}
}

// TestSellerDetailsPrinted pins that the [seller] keys of ЗоЗПП art. 9
// (state registration, working hours) and 273-ФЗ (licence or status) are
// printed in the requisites of the example school, and the refund receipt
// clause is in every Russian-law contract.
func TestSellerDetailsPrinted(t *testing.T) {
	checked, err := pipeline.Check(filepath.Join("..", ".."), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	seller := checked.Site.Config.Seller
	for _, k := range checked.Contracts {
		var req, all strings.Builder
		for _, cl := range k.Clauses {
			all.WriteString(plain(cl.Markdown))
			if cl.Source.Kind == "requisites" {
				req.WriteString(plain(cl.Markdown))
			}
		}
		for key, v := range map[string]string{"registration": seller.Registration, "hours": seller.Hours, "license": seller.License, "bank": seller.Bank} {
			if v == "" {
				t.Fatalf("the example school sets no seller.%s", key)
			}
			if !strings.Contains(req.String(), v) {
				t.Errorf("%s/%s: requisites lack seller.%s %q", k.Lang, k.Course.Slug, key, v)
			}
		}
		want := map[string]string{"ru": "«возврат прихода»", "en": "return of income"}[k.Lang]
		if !strings.Contains(all.String(), want) {
			t.Errorf("%s/%s: no refund receipt clause (%s)", k.Lang, k.Course.Slug, want)
		}
	}
}

// TestRequisitesByKind pins the requisites and the refund receipt for each
// kind of Russian seller: an ИП's ОГРНИП, an organisation's ОГРН, and the
// self-employed seller's correction in «Мой налог» instead of a cash
// receipt (54-ФЗ).
func TestRequisitesByKind(t *testing.T) {
	for _, c := range []struct {
		kind, ogrn string
		want       []string
		not        []string
	}{
		{"ip", `ogrn = "326774600123455"`, []string{"ОГРНИП: 326774600123455", "«возврат прихода»", "Часы работы: пн–пт", "Государственная регистрация: запись"}, []string{"Мой налог"}},
		{"ooo", `ogrn = "1027700132195"`, []string{"ОГРН: 1027700132195", "«возврат прихода»", "Образовательная деятельность: статус"}, []string{"ОГРНИП", "Мой налог"}},
		{"self-employed", "", []string{"плательщик налога на профессиональный доход", "«Мой налог»", "Банковские реквизиты: р/с"}, []string{"ОГРН", "возврат прихода"}},
	} {
		dir := t.TempDir()
		files := map[string]string{
			"oferta.toml": `title = "Школа"
base_url = "https://school.example/"
jurisdiction = "ru"
edition = 2026-12-01

[seller]
name = "Образцова Мария Ивановна"
kind = "` + c.kind + `"
inn = "771234567859"
` + c.ogrn + `
address = "г. Москва, ул. Образцовая, д. 1"
email = "hello@school.example"
registration = "запись от 01.02.2026"
hours = "пн–пт, 10:00–19:00 (МСК)"
license = "статус: обучение ведёт лично, без привлечения педагогов"
bank = "р/с 40802810900000012345"
`,
			"content/course.toml": "title = \"Курс\"\nformat = \"recorded\"\nprice = 1000\n[duration]\nunit = \"lesson\"\ncount = 4\n",
		}
		sitetest.Write(t, dir, files)
		checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, cl := range checked.Contracts[0].Clauses {
			all.WriteString(plain(cl.Markdown) + "\n")
		}
		for _, w := range c.want {
			if !strings.Contains(all.String(), w) {
				t.Errorf("%s: the contract lacks %q", c.kind, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(all.String(), w) {
				t.Errorf("%s: the contract says %q", c.kind, w)
			}
		}
	}
}

// deroSites are a German site under German law and a Romanian one under
// Romanian law, for TestPolicyTextsDeRo.
var deroSites = []struct{ lang, config string }{
	{"de", `title = "Schule"
languages = ["de"]
jurisdiction = "de"
currency = "EUR"
edition = 2026-12-01

[seller]
name = "Musterschule GmbH"
kind = "company"
vat_id = "DE999999999"
register = "Amtsgericht Musterstadt, HRB 00000"
address = "Lindenstraße 12, 10115 Berlin"
email = "kontakt@schule.example"
phone = "+49 30 0000000"

[refund]
review_days = 7
payout_days = 14
channel = "email"
`},
	{"ro", `title = "Școala"
languages = ["ro"]
jurisdiction = "ro"
currency = "RON"
edition = 2026-12-01

[seller]
name = "Școala SRL"
kind = "company"
vat_id = "RO00000000"
register = "J40/0000/2020"
address = "Strada Teilor nr. 7, București"
email = "contact@scoala.example"
phone = "+40 21 000 0000"

[refund]
review_days = 7
payout_days = 14
channel = "email"
`},
}

// TestPolicyTextsDeRo is TestPolicyTexts for the German and Romanian
// libraries: every built-in policy variant, every format and unit, with
// and without a base_url; no clause or FAQ answer promises the whole
// amount while the formula deducts, and none names the payment fee
// without saying that nothing is withheld on a withdrawal within the 14
// days (Directive 2011/83/EU art. 13).
func TestPolicyTextsDeRo(t *testing.T) {
	feeOnWithdrawal := map[string][]string{
		"de": {"nicht bei einem Widerruf", "Bei einem Widerruf innerhalb der Widerrufsfrist wird keine Gebühr", "Nicht, wenn Sie innerhalb der 14-tägigen Widerrufsfrist"},
		"ro": {"nu și la retragerea", "La retragerea în perioada de retragere nu se scade niciun comision", "Nu, dacă vă retrageți în termenul de 14 zile"},
	}
	feeWords := map[string]string{"de": "gebühr", "ro": "comision"}
	for _, s := range deroSites {
		for _, baseURL := range []string{`base_url = "https://school.example/"`, ""} {
			dir := t.TempDir()
			write := func(name, data string) { sitetest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), data) }
			write("oferta.toml", baseURL+"\n"+s.config)
			n := 0
			for _, v := range policyVariants {
				for _, f := range []struct{ format, unit string }{{"personal", "week"}, {"personal", "lesson"}, {"group", "week"}, {"group", "lesson"}, {"recorded", "lesson"}, {"recorded", "month"}} {
					slug := fmt.Sprintf("%s-%s-%s", v.name, f.format, f.unit)
					write("content/"+slug+".toml", fmt.Sprintf("title = %q\nformat = %q\nprice = 800\n[duration]\nunit = %q\ncount = 8\n[refund]\n%s\n", slug, f.format, f.unit, strings.ReplaceAll(v.refund, "amount = 5000", "amount = 50")))
					n++
				}
			}
			checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
			if err != nil {
				t.Fatal(err)
			}
			if len(checked.Contracts) != n {
				t.Fatalf("%s: %d contracts, want %d", s.lang, len(checked.Contracts), n)
			}
			for _, k := range checked.Contracts {
				if k.Lang != s.lang {
					t.Fatalf("%s: a contract in %s", s.lang, k.Lang)
				}
				checkTexts(t, k)
				if k.Course.Refund.BankFeePercent.Sign() == 0 {
					continue
				}
				for _, x := range texts(k) {
					for _, sen := range sentences(x.body) {
						if strings.Contains(strings.ToLower(sen), feeWords[s.lang]) && strings.Contains(sen, "%") && containsAny(sen, feeOnWithdrawal[s.lang]) == "" {
							// A sentence that withholds a percentage as a fee
							// must say the withdrawal is exempt, in the same
							// sentence or its clause.
							if containsAny(plain(x.body), feeOnWithdrawal[s.lang]) == "" {
								t.Errorf("%s/%s: %s withholds a payment fee without exempting a withdrawal:\n  %s", s.lang, k.Course.Slug, x.where, sen)
							}
						}
					}
				}
			}
		}
	}
}
