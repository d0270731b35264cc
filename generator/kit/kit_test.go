package kit

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
)

// Every language's texts parse, list the same documents in the same
// order, and name a jurisdiction for each (the texts cite its law).
func TestTextsComplete(t *testing.T) {
	var ids [][]string
	for _, l := range []string{"ru", "en"} {
		tx, err := loadTexts(l)
		if err != nil {
			t.Fatal(err)
		}
		var these []string
		for _, d := range tx.Docs {
			if slices.Contains(d.Jurisdictions, "ru") {
				these = append(these, d.ID)
			}
			if len(d.Jurisdictions) == 0 {
				t.Errorf("%s: doc %q names no jurisdiction", l, d.ID)
			}
			for i, src := range []string{d.Title, d.Note, d.Subject, d.Body} {
				// The checkout text is no e-mail: it has no subject.
				if strings.TrimSpace(src) == "" && !(i == 2 && d.ID == "checkout") {
					t.Errorf("%s: doc %q has an empty part", l, d.ID)
				}
				if _, err := fill(l, d.ID, src, docData{}); err != nil {
					t.Errorf("%s: %v", l, err)
				}
			}
		}
		ids = append(ids, these)
		for _, s := range []string{tx.IndexTitle, tx.IndexIntro, tx.Subject, tx.Copy, tx.Copied, tx.CopyFailed, tx.Empty} {
			if s == "" {
				t.Errorf("%s: an index label is empty", l)
			}
		}
	}
	// Every language that serves EU law titles and explains the checkout
	// texts; German and Romanian have no documents of Russian law.
	for _, l := range []string{"en", "de", "ro"} {
		tx, err := loadTexts(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{tx.IndexTitle, tx.IndexIntro, tx.Subject, tx.Copy, tx.Copied, tx.CopyFailed, tx.Empty, tx.Checkout.Title, tx.Checkout.Note} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: a label or the checkout title or note is empty", l)
			}
		}
		for _, src := range []string{tx.Checkout.Title, tx.Checkout.Note} {
			if _, err := fill(l, "checkout", src, docData{}); err != nil {
				t.Errorf("%s: %v", l, err)
			}
		}
		var eu []string
		for _, d := range tx.Docs {
			if l != "en" && slices.Contains(d.Jurisdictions, "ru") {
				t.Errorf("%s: document %q of Russian law in a language that serves EU law", l, d.ID)
			}
			if !slices.Contains(d.Jurisdictions, "ru") {
				eu = append(eu, d.ID)
				for _, src := range []string{d.Title, d.Note, d.Subject, d.Body} {
					if _, err := fill(l, d.ID, src, docData{}); err != nil {
						t.Errorf("%s: %v", l, err)
					}
				}
			}
		}
		// The acknowledgement of a withdrawal, for sites whose function
		// composes an e-mail, in every language that serves EU law.
		if !slices.Equal(eu, []string{"withdrawal-received"}) {
			t.Errorf("%s: EU documents %v, want [withdrawal-received]", l, eu)
		}
	}
	if !slices.Equal(ids[0], ids[1]) {
		t.Errorf("ru and en list different documents: %v, %v", ids[0], ids[1])
	}
	want := []string{"request-statement", "reply-accepted", "reply-partial", "request-details", "checkout"}
	if !slices.Equal(ids[0], want) {
		t.Errorf("documents %v, want %v", ids[0], want)
	}
}

// The Russian contract (clause refund.deadline.payout, Civil Code
// art. 316) says the money must reach the client's bank within the payout
// period, not merely be sent by then. Every sentence of the kit that
// names the payout period says the same: the money reaches the bank by
// that day; none promises only to send it.
func TestPayoutTextsAgreeWithContract(t *testing.T) {
	for _, c := range []struct {
		lang, clause string
		contract     []string // what the contract's payout clause says
		reach        string   // what a sentence with the payout period must say
		sent         []string // what it must not
	}{
		{"ru", "ru/refund/process/payout.md",
			[]string{"Денежные средства должны поступить Клиенту не позднее", "поступили в банк, обслуживающий карту или счёт Клиента (ст. 316 Гражданского кодекса"},
			"поступ", []string{"отправим", "отправляем", "Зачисление"}},
		{"en", "en/refund/process/payout.md",
			[]string{"The money must reach the client within", "reaches the bank that holds the client's card or account (Article 316 of the Civil Code"},
			"reach", []string{"will send the money", "send this amount", "Banks usually"}},
	} {
		clause, err := fs.ReadFile(oferta.Clauses(), c.clause)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.contract {
			if !strings.Contains(string(clause), w) {
				t.Fatalf("clauses/%s no longer says %q: make the kit's texts agree with it, then this test", c.clause, w)
			}
		}
		tx, err := loadTexts(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		var d docData
		d.ReviewDays, d.PayoutDays = "7 review-days", "12 payout-days"
		d.Calc = "oferta calc x --used N"
		found := 0
		for _, doc := range tx.Docs {
			for _, src := range []string{doc.Note, doc.Body} {
				text, err := fill(c.lang, doc.ID, src, d)
				if err != nil {
					t.Fatal(err)
				}
				for _, sentence := range sentenceEnd.Split(text, -1) {
					if !strings.Contains(sentence, d.PayoutDays) {
						continue
					}
					found++
					if !strings.Contains(sentence, c.reach) {
						t.Errorf("%s, %s: the payout sentence does not say the money reaches the bank: %q", c.lang, doc.ID, sentence)
					}
					for _, s := range c.sent {
						if strings.Contains(sentence, s) {
							t.Errorf("%s, %s: the payout sentence says %q: %q", c.lang, doc.ID, s, sentence)
						}
					}
				}
			}
		}
		if found < 3 {
			t.Errorf("%s: only %d sentences name the payout period; the test would prove little", c.lang, found)
		}
	}
}

// sentenceEnd splits a text into sentences, roughly: at a full stop or a
// line break.
var sentenceEnd = regexp.MustCompile(`\.\s+|\n+`)

// Every language of the kit titles, explains and labels embed.md, and
// the instructions name the three builders.
func TestEmbedTexts(t *testing.T) {
	for _, l := range []string{"ru", "en", "de", "ro"} {
		tx, err := loadTexts(l)
		if err != nil {
			t.Fatal(err)
		}
		e := tx.Embed
		for _, s := range []string{e.Title, e.Note, e.Contract, e.Calculator, e.Withdraw} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: an [embed] text is empty", l)
			}
		}
		var d docData
		d.URL.Site = "https://school.example"
		note, err := fill(l, "embed", e.Note, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"Tilda", "T123", "WordPress", "GetCourse", "https://school.example", "oferta freeze"} {
			if !strings.Contains(note, w) {
				t.Errorf("%s: the embed note lacks %q", l, w)
			}
		}
	}
}

// A snippet's script takes a height only from its own frame and the
// site's origin, and only a number.
func TestSnippet(t *testing.T) {
	s := snippet("oferta-a-contract", "https://school.example/a/oferta/", `A "B" <C>`, "https://school.example", 800)
	for _, w := range []string{
		`<iframe id="oferta-a-contract" src="https://school.example/a/oferta/" title="A &#34;B&#34; &lt;C&gt;"`,
		`document.getElementById("oferta-a-contract")`,
		`event.origin !== "https://school.example" || event.source !== frame.contentWindow`,
		`typeof d.height !== "number"`,
	} {
		if !strings.Contains(s, w) {
			t.Errorf("snippet lacks %q:\n%s", w, s)
		}
	}
	for _, c := range []struct{ base, want string }{
		{"https://school.example/", "https://school.example"},
		{"http://127.0.0.1:8080/school/", "http://127.0.0.1:8080"},
	} {
		if got, err := siteOrigin(c.base); err != nil || got != c.want {
			t.Errorf("siteOrigin(%q) = %q, %v", c.base, got, err)
		}
	}
}
