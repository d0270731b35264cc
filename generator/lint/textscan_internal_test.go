package lint

import (
	"fmt"
	"github.com/oferta-dev/oferta/generator/site"
	"hash/maphash"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestPhraseExamples checks every phrase of every language against its
// own documented examples: fires must find it, silent must not.
func TestPhraseExamples(t *testing.T) {
	sets, err := phrasesByLang()
	if err != nil {
		t.Fatal(err)
	}
	if sets["ru"] == nil || sets["en"] == nil {
		t.Fatalf("phrase files: have %v, want ru and en", sets)
	}
	for lang, set := range sets {
		for _, p := range set.phrases {
			if p.Fires == "" || p.Silent == "" {
				t.Errorf("%s phrase %s: needs a fires and a silent example", lang, p.Name)
				continue
			}
			if _, ok := Lookup(p.Rule); !ok {
				t.Errorf("%s phrase %s: rule %q does not exist", lang, p.Name, p.Rule)
			}
			if !found(set, p, p.Fires) {
				t.Errorf("%s phrase %s (%s) does not fire on its example %q", lang, p.Name, p.Rule, p.Fires)
			}
			if found(set, p, p.Silent) {
				t.Errorf("%s phrase %s (%s) fires on its silent example %q", lang, p.Name, p.Rule, p.Silent)
			}
		}
	}
}

func found(set *phraseSet, p *phrase, text string) bool {
	for _, m := range scanText(set, text, p.Rule == namesRule) {
		if m.p == p {
			return true
		}
	}
	return false
}

// TestTextPrecision: sentences that grant a right, or that speak of the
// bank or of another ground, stay silent for every rule; what a school
// writes to take the right away is found whatever its case, word form,
// line breaks and Markdown.
func TestTextPrecision(t *testing.T) {
	sets, err := phrasesByLang()
	if err != nil {
		t.Fatal(err)
	}
	silent := map[string][]string{
		"ru": {
			"Деньги возвращаются в любом случае тому, кто оплатил курс.",
			"Деньги в любом случае возвращаются плательщику.",
			"Не возвращается только стоимость проведённой диагностической сессии, указанная в оферте.",
			"Это комиссия, которую платёжный сервис взял при оплате и не возвращает Исполнителю.",
			"Условия договора, которые ограничивали бы это право, не применяются.",
			"Нехватка сведений не лишает Клиента права на возврат.",
			"Если Клиент отказывается от договора из-за недостатков, Исполнитель возвращает всю уплаченную сумму.",
			"При отказе по этому основанию Исполнитель возвращает всю уплаченную сумму без каких-либо удержаний.",
			"Клиент вправе отказаться от договора в любое время — до начала курса или во время обучения.",
			"Исполнитель отправляет деньги не позднее чем через 10 дней со дня получения заявления.",
			"Чтобы деньги поступили на карту, банку обычно нужно ещё 3 рабочих дня.",
			"Услуга оказывается постепенно, по мере прохождения курса.",
			"Доступ к урокам открыт не менее 12 месяцев со дня начала курса.",
			"Клиент вправе потребовать неустойку, предусмотренную п. 5 ст. 28 закона.",
			"Если вы передумаете в первые 14 дней, мы вернём всю оплату за вычетом комиссии.",
			"Отказ объяснить причину не влияет ни на сумму, ни на сроки возврата.",
			"Возврат не зависит от того, выполнены ли домашние задания.",
		},
		"en": {
			"Your money is refunded in any case to the person who paid.",
			"The client is not charged any fee for the refund.",
			"The client may withdraw from the contract at any time, without giving a reason.",
			"The seller sends the money within 10 days of receiving the statement.",
			"If the client withdraws because of a defect, the seller refunds the whole price.",
			"The client may also claim damages and the penalty provided by law.",
			"Granting access does not mean the service has been rendered.",
		},
	}
	for lang, texts := range silent {
		for _, text := range texts {
			for _, m := range scanText(sets[lang], text, false) {
				t.Errorf("%s: %q trips %s (phrase %s, «%s»)", lang, text, m.p.Rule, m.p.Name, m.text)
			}
		}
	}
	fires := map[string]map[string]string{
		"ru": {
			"ПОСЛЕ ПРЕДОСТАВЛЕНИЯ ДОСТУПА ДЕНЕЖНЫЕ СРЕДСТВА НЕ ВОЗВРАЩАЮТСЯ.":                 "text/waiver",
			"Оплаченная сумма\n**не возвращается**.":                                          "text/waiver",
			"Уплаченные средства ни при каких условиях не возвращаются.":                      "text/waiver",
			"Возврат денежных средств не производится.":                                       "text/waiver",
			"Услуга считается оказанной в момент предоставления доступа.":                     "text/access-rendered",
			"Возврат возможен только в течение 3 (трёх) дней.":                                "text/time-limit",
			"Исполнитель удерживает 20 % стоимости курса.":                                    "text/retention",
			"С Клиента взимается организационный сбор.":                                       "text/retention",
			"Мы вернём всю сумму.":                                                            "text/contradiction",
			"Возврат производится только при условии выполнения домашних заданий.":            "refund/conditions",
			"Деньги возвращаются в течение 30 банковских дней.":                               "text/deadline-mismatch",
			"Возврат осуществляется в течение 10 рабочих дней с момента получения заявления.": "text/deadline-mismatch",
		},
		"en": {
			"All payments are NON-REFUNDABLE.":                       "text/waiver",
			"By paying, the client waives the right of withdrawal.":  "text/waiver",
			"The service is deemed rendered once access is granted.": "text/access-rendered",
			"Refunds are given only within 3 days.":                  "text/time-limit",
			"We refund the whole price.":                             "text/contradiction",
			"A cancellation fee of 30 % applies.":                    "text/retention",
			"Refunds are given only if all homework was done.":       "refund/conditions",
		},
	}
	for lang, cases := range fires {
		for text, rule := range cases {
			ok := false
			var got []string
			for _, m := range scanText(sets[lang], text, false) {
				got = append(got, m.p.Rule)
				if m.p.Rule == rule {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: %q does not trip %s (got %s)", lang, text, rule, strings.Join(got, ", "))
			}
		}
	}
}

// TestSentences: line breaks, Markdown and abbreviations.
func TestSentences(t *testing.T) {
	ss := splitSentences("Первая **строка**\nпродолжается (ст. 32 закона).\n\n- пункт списка; с точкой с запятой\n- второй")
	var got []string
	for _, s := range ss {
		got = append(got, s.norm)
	}
	want := []string{" первая строка продолжается ст 32 закона ", " пункт списка с точкой с запятой ", " второй "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	if l := ss[0].lineAt(strings.Index(ss[0].norm, "продолжается")); l != 1 {
		t.Errorf("line of «продолжается» = %d, want 1", l)
	}
	if ss[1].line != 3 {
		t.Errorf("the list item starts on line %d, want 3", ss[1].line)
	}
}

// TestShapeCache: a paragraph known to be clean does not hide another of
// the same shape that holds a phrase.
func TestShapeCache(t *testing.T) {
	sets, err := phrasesByLang()
	if err != nil {
		t.Fatal(err)
	}
	c := newTextCache(nil)
	if ms := c.plainMatches("ru", "Мы вернём 50 % стоимости.", false); len(ms) != 0 {
		t.Fatalf("50 %%: %v", ms)
	}
	if ms := c.plainMatches("ru", "Мы вернём 100 % стоимости.", false); len(ms) == 0 {
		t.Error("a clean «50 %» paragraph hides «100 %»")
	}
	if ms := c.plainMatches("ru", "Курс стоит 1 000 рублей.", false); len(ms) != 0 {
		t.Fatalf("price: %v", ms)
	}
	if shapeHash(c.seed, sets["ru"].seed, "Курс стоит 1 000 рублей.") != shapeHash(c.seed, sets["ru"].seed, "Курс стоит 25 900 рублей.") {
		t.Error("prices change a paragraph's shape")
	}
}

func TestParagraphs(t *testing.T) {
	text := "Первый абзац\nпродолжается.\n\nВторой.\n- пункт\n- ещё пункт\nс продолжением"
	var got []string
	for p := range paragraphs(text) {
		got = append(got, fmt.Sprintf("%d:%q", p.line, p.text))
	}
	// A blank line starts the next paragraph, which counts it.
	want := []string{`0:"Первый абзац\nпродолжается."`, `2:"\nВторой."`, `4:"- пункт"`, `5:"- ещё пункт\nс продолжением"`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paragraphs:\n got %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}
}

// TestCachedScan: reading texts through a textCache (paragraphs, sentences
// and shapes remembered) finds exactly what scanText finds, the first
// time and every time after, also when a cached sentence is followed by
// a different one (unless_next) and when numbers change.
func TestCachedScan(t *testing.T) {
	sets, err := phrasesByLang()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"После предоставления доступа денежные средства не возвращаются.",
		"После предоставления доступа денежные средства не возвращаются. Это не ограничивает право Клиента отказаться от договора.",
		"Исполнитель удерживает 20 % стоимости курса.",
		"Исполнитель удерживает 3 % стоимости курса.",
		"Курс стоит 1 000 рублей. Деньги возвращаются в течение 30 банковских дней.",
		"Курс стоит 2 000 рублей. Деньги возвращаются в течение 10 дней.",
		"Возврат возможен только в течение 3 (трёх) дней.\n\nМы вернём всю сумму.",
	}
	c := newTextCache(nil)
	found := 0
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			ms := scanText(sets["ru"], text, false)
			found += len(ms)
			want := fmt.Sprint(ms)
			if got := fmt.Sprint(c.plainMatches("ru", text, false)); got != want {
				t.Errorf("round %d, %q:\n got %s\nwant %s", round, text, got, want)
			}
		}
	}
	if found == 0 {
		t.Error("no text holds a phrase: the test compares nothing")
	}
}

// TestShapeHashFastSkip checks that shapeHash, which skips words eight
// bytes at a time, hashes every text as the byte-by-byte definition does:
// digits at every offset of a word, runs across the eight-byte steps, a
// per cent sign after them, bytes next to the digits ('/' and ':').
func TestShapeHashFastSkip(t *testing.T) {
	slow := func(seed maphash.Seed, lang byte, text string) uint64 {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteByte(lang)
		start := 0
		for i := 0; i < len(text); i++ {
			if c := text[i]; c < '0' || c > '9' {
				continue
			}
			j := i
			for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == '.' || text[j] == ',') {
				j++
			}
			if beforePercent(text[j:]) {
				i = j - 1
				continue
			}
			h.WriteString(text[start:i])
			h.WriteByte('0')
			start, i = j, j-1
		}
		h.WriteString(text[start:])
		return h.Sum64()
	}
	seed := maphash.MakeSeed()
	pieces := []string{"Курс стоит ", "1", "25 900", "0", "9", "/", ":", " ", "%", " %", "рублей", "abcdefgh", "12345678901234567", "3,5", "07.02.1992", "\u00a0%", "ё"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		if got, want := shapeHash(seed, 7, text), slow(seed, 7, text); got != want {
			t.Fatalf("%q: fast %x, byte by byte %x", text, got, want)
		}
	}
	for b := 0; b < 256; b++ {
		s := strings.Repeat("x", 8)
		for i := 0; i < 8; i++ {
			text := s[:i] + string([]byte{byte(b)}) + s[i+1:]
			if got, want := hasDigit(load64(text, 0)), b >= '0' && b <= '9'; got != want {
				t.Fatalf("hasDigit(%q) = %v", text, got)
			}
		}
	}
}

// TestSmallRunes checks the table splitSentences reads letters, digits
// and lower case from against the unicode package, rune by rune.
func TestSmallRunes(t *testing.T) {
	for r := rune(0); r < 0x1000; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestClauseTextCacheKeys: the cache of clause texts (clauseMatches)
// keeps one entry per string, per clause and per body or answer, and
// never answers for another text: not for a shorter text that starts at
// the same bytes, not for another clause that prints the same string,
// not for the same string read as a FAQ answer, and not for an equal
// text of another course after a clean one.
func TestClauseTextCacheKeys(t *testing.T) {
	waiver := "Денежные средства не возвращаются."
	full := "Курс стоит 1 000 рублей.\n\n" + waiver
	prefix := full[:strings.Index(full, "\n")]
	a := &site.Clause{File: "clauses/ru/a.md", ID: "a", Body: full, BodyLine: 5, FAQ: &site.ClauseFAQ{Answer: full}}
	b := &site.Clause{File: "clauses/ru/b.md", ID: "b", Body: full, BodyLine: 40}
	c := newTextCache(nil)
	c.clauses[a], c.clauses[b] = &clauseTexts{}, &clauseTexts{}
	lines := func(ms []textMatch) string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%d:%s", m.line, m.p.Rule))
		}
		return strings.Join(out, " ")
	}
	if ms := c.clauseMatches("ru", a, false, prefix); len(ms) != 0 {
		t.Fatalf("the price alone: %v", lines(ms))
	}
	body := c.clauseMatches("ru", a, false, full)
	if len(body) == 0 {
		t.Fatal("a text that starts with a clean shorter text took its empty answer")
	}
	if got := lines(body); !strings.HasPrefix(got, "7:text/waiver") {
		t.Errorf("body of a: %s, want the waiver on line 7", got)
	}
	if got := lines(c.clauseMatches("ru", b, false, full)); !strings.HasPrefix(got, "42:text/waiver") {
		t.Errorf("the same string in clause b: %s, want the waiver on b's line 42", got)
	}
	if got, body := lines(c.clauseMatches("ru", a, true, full)), lines(body); got == body {
		t.Errorf("the FAQ answer took the body's lines: %s", got)
	}
	// An equal text in another string (another course) after a clean
	// one of the same length.
	clean := strings.Repeat("а", len(waiver)/2)
	if ms := c.clauseMatches("ru", a, false, clean); len(ms) != 0 {
		t.Fatalf("clean text: %v", lines(ms))
	}
	other := strings.Clone(waiver)
	if got := lines(c.clauseMatches("ru", a, false, other)); got == "" {
		t.Error("a text of the same length as a clean one took its empty answer")
	}
}
