package edition

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/site"
)

func doc(sections ...Section) *Doc {
	d := &Doc{Course: "smm", Title: "SMM «8 недель»", Lang: "ru", Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	d.Sections = sections
	return d
}

func sec(num, id string, clauses ...Clause) Section {
	for i := range clauses {
		clauses[i].Section = id
	}
	return Section{Number: num, ID: id, Title: "Раздел " + id, Clauses: clauses}
}

func cl(num, id, body string) Clause {
	return Clause{Number: num, ID: id, Title: "Пункт " + id, Body: body}
}

func TestMarshalParseRoundTrip(t *testing.T) {
	d := doc(
		sec("1", "definitions", cl("1.1", "definitions.terms", "Термины.\n\n- один\n- два")),
		sec("2", "refund", cl("2.1", "refund.ground.withdrawal", "Клиент вправе отказаться.\n\n## не заголовок пункта"), cl("2.2", "refund.deadline.payout", "")),
	)
	data := d.Marshal()
	got, err := Parse(site.EditionFile{File: "editions/2026-11-01/ru/smm.md", Date: d.Date, Lang: "ru", Slug: "smm", Text: data})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("fingerprint %s is not the SHA-256 of the file", got.SHA256)
	}
	got.File, got.SHA256, got.Raw = "", "", nil
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip changed the text:\n%s\ngot %+v", data, got)
	}
	if !Equal(got, d) {
		t.Error("Equal: a text is not equal to itself read back")
	}
}

func TestParseErrors(t *testing.T) {
	for name, text := range map[string]string{
		"no header":     "## 1. A {#a}\n",
		"wrong course":  "+++\ncourse = \"other\"\ntitle = \"x\"\nlanguage = \"ru\"\nedition = 2026-11-01\n+++\n",
		"orphan clause": "+++\ncourse = \"smm\"\ntitle = \"x\"\nlanguage = \"ru\"\nedition = 2026-11-01\n+++\n\n### 1.1. X {#x}\n",
	} {
		_, err := Parse(site.EditionFile{File: "editions/2026-11-01/ru/smm.md", Lang: "ru", Slug: "smm", Text: []byte(text)})
		if err == nil || !strings.HasPrefix(err.Error(), "editions/2026-11-01/ru/smm.md:") {
			t.Errorf("%s: got %v, want a positioned error", name, err)
		}
	}
}

func TestCompare(t *testing.T) {
	old := doc(
		sec("1", "a", cl("1.1", "a.one", "Срок возврата — 14 дней."), cl("1.2", "a.two", "Второй пункт."), cl("1.3", "a.gone", "Удалённый пункт.")),
		sec("2", "b", cl("2.1", "b.one", "Перенесённый пункт.")),
	)
	cur := doc(
		sec("1", "a", cl("1.1", "a.new", "Новый пункт."), cl("1.2", "a.one", "Срок возврата — 10 дней."), cl("1.3", "a.two", "Второй пункт."), cl("1.4", "b.one", "Перенесённый пункт.")),
	)
	got := Compare(old, cur)
	var kinds []string
	for _, c := range got {
		kinds = append(kinds, c.Kind+" "+c.ID+" "+c.OldNumber+"→"+c.NewNumber)
	}
	want := []string{"added a.new →1.1", "changed a.one 1.1→1.2", "removed a.gone 1.3→", "moved b.one 2.1→1.4"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("Compare:\n got %q\nwant %q", kinds, want)
	}
	words := got[1].Words
	var b strings.Builder
	for _, w := range words {
		b.WriteString(string(w.Op) + "[" + w.Text + "]")
	}
	if !strings.Contains(b.String(), "-[14]+[10]") {
		t.Errorf("redline of a.one = %s, want 14 deleted and 10 inserted", b.String())
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"one two three", "one two three", "=[one two three]"},
		{"one two three", "one 2 three", "=[one ]-[two]+[2]=[ three]"},
		{"a b", "a b c", "=[a b]+[ c]"},
		{"", "new text", "+[new text]"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, w := range Words(tt.a, tt.b) {
			b.WriteString(string(w.Op) + "[" + w.Text + "]")
		}
		if b.String() != tt.want {
			t.Errorf("Words(%q, %q) = %s, want %s", tt.a, tt.b, b.String(), tt.want)
		}
	}
}

// A header that does not parse is reported at its line and rune column in
// the file, not with the TOML library's line inside the message.
func TestParseHeaderErrorPosition(t *testing.T) {
	text := "+++\ncourse = \"smm\"\ntitle = \"Курс\" ё\nlanguage = \"ru\"\n+++\n"
	_, err := Parse(site.EditionFile{File: "editions/2026-11-01/ru/smm.md", Lang: "ru", Slug: "smm", Text: []byte(text)})
	var e *site.Error
	if !errors.As(err, &e) || e.File != "editions/2026-11-01/ru/smm.md" || e.Line != 3 || e.Col != 15 {
		t.Fatalf("got %v, want editions/2026-11-01/ru/smm.md:3:15", err)
	}
	if strings.Contains(e.Err.Error(), "line 2") || strings.Contains(e.Err.Error(), "toml:") {
		t.Errorf("the message names a line: %q", e.Err)
	}
}
