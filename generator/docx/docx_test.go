package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/edition"
)

// sample is a small contract with every kind of block a clause has.
func sample() *edition.Doc {
	return &edition.Doc{Course: "smm", Title: "SMM: 8 недель", Lang: "ru", Sections: []edition.Section{
		{Number: "1", ID: "definitions", Title: "Термины", Clauses: []edition.Clause{
			{Number: "1.1", ID: "definitions.terms", Title: "Термины", Body: "- **Исполнитель** — ИП Соколова.\n- *Клиент* — человек, который оплатил курс.\n\nСм. п. [7.3](#c-refund) и <https://school.example/oferta/>."},
			{Number: "1.2", ID: "definitions.more", Title: "Ещё", Body: "1. первое\n2. второе\n   - вложенное\n\nЦена 9\\,900 ₽ & <script>x</script> ~~old~~."},
		}},
		{Number: "2", ID: "requisites", Title: "Реквизиты исполнителя", Clauses: []edition.Clause{
			{Number: "2.1", ID: "requisites.seller.ip", Title: "Исполнитель", Body: "- ИП Соколова Марина Андреевна\n- ИНН: 165538412749\n- Адрес: 420111, г. Казань, ул. Учебная, д. 12"},
		}},
	}}
}

func parts(t *testing.T, data []byte) (names []string, files map[string]string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files = map[string]string{}
	for _, f := range z.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) && f.Modified.Year() != 1980 {
			t.Errorf("%s: time %v, want the fixed time", f.Name, f.Modified)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		files[f.Name] = string(b)
	}
	return names, files
}

func wellFormed(t *testing.T, name, src string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(src))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

func TestContractPackage(t *testing.T) {
	data, err := Contract(sample(), ContractInfo{Kicker: "Публичная оферта", Heading: "Договор", Edition: "Редакция от 1 ноября 2026 г.", URL: "https://school.example/smm/oferta/", RequisitesSection: "requisites"})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Contract(sample(), ContractInfo{Kicker: "Публичная оферта", Heading: "Договор", Edition: "Редакция от 1 ноября 2026 г.", URL: "https://school.example/smm/oferta/", RequisitesSection: "requisites"})
	if !bytes.Equal(data, again) {
		t.Error("the same contract gave different bytes")
	}
	names, files := parts(t, data)
	if !sort.StringsAreSorted(names) || names[0] != "[Content_Types].xml" {
		t.Errorf("entries not sorted with [Content_Types].xml first: %v", names)
	}
	for _, want := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/_rels/document.xml.rels", "_rels/.rels", "docProps/core.xml"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no part %s", want)
		}
	}
	for n, src := range files {
		wellFormed(t, n, src)
	}
	doc := files["word/document.xml"]
	count := func(s string) int { return strings.Count(doc, s) }
	if n := count(`<w:pStyle w:val="Heading1"/>`); n != 2 {
		t.Errorf("%d Heading1 paragraphs, want one per section (2)", n)
	}
	if n := count(`<w:pStyle w:val="Heading2"/>`); n != 3 {
		t.Errorf("%d Heading2 paragraphs, want one per clause (3)", n)
	}
	// Numbers come from Word's numbering, never from the text.
	if strings.Contains(doc, ">1.1.") || strings.Contains(doc, ">1. ") {
		t.Error("heading numbers are written as text")
	}
	num := files["word/numbering.xml"]
	for _, want := range []string{`<w:lvlText w:val="%1."/>`, `<w:lvlText w:val="%1.%2."/>`, `<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Heading2"/>`, `<w:numFmt w:val="bullet"/>`} {
		if !strings.Contains(num, want) {
			t.Errorf("numbering.xml lacks %s", want)
		}
	}
	if !strings.Contains(files["word/styles.xml"], `<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>`) {
		t.Error("Heading2 is not linked to the headings' list")
	}
	// Runs: bold, italic, strike, an external link, escapes resolved, raw
	// HTML dropped, the in-page link's text kept.
	for _, want := range []string{
		`<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Исполнитель</w:t>`,
		`<w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Клиент</w:t>`,
		`<w:strike/>`,
		`Цена 9,900 ₽ &amp; `,
		`См. п. 7.3 и `,
		`<w:hyperlink r:id="rId100">`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "script") {
		t.Error("raw HTML reached the document")
	}
	if !strings.Contains(files["word/_rels/document.xml.rels"], `Target="https://school.example/oferta/" TargetMode="External"`) {
		t.Error("the link's relationship is missing")
	}
	// Lists: the nested item is at level 1; the numbered list has its
	// own w:num restarting at 1.
	if !strings.Contains(doc, `<w:ilvl w:val="1"/>`) {
		t.Error("the nested list item is not at level 1")
	}
	if !strings.Contains(num, `<w:startOverride w:val="1"/>`) {
		t.Error("the numbered list does not restart at 1")
	}
	// The requisites are a table of label and value.
	tbl := regexp.MustCompile(`<w:tbl>.*</w:tbl>`).FindString(doc)
	for _, want := range []string{">ИНН<", ">165538412749<", ">Исполнитель<", ">ИП Соколова Марина Андреевна<", ">Адрес<"} {
		if !strings.Contains(tbl, want) {
			t.Errorf("the requisites table lacks %s", want)
		}
	}
	if !strings.Contains(files["docProps/core.xml"], "<dc:title>Договор: SMM: 8 недель</dc:title>") {
		t.Errorf("core.xml title: %s", files["docProps/core.xml"])
	}
	if !strings.Contains(files["word/styles.xml"], `<w:lang w:val="ru-RU"/>`) {
		t.Error("the document's language is not Russian")
	}
}

func TestChanges(t *testing.T) {
	date := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	courses := []edition.CourseChange{
		{Course: "ru/smm", Title: "SMM", Latest: "2026-11-01", Changes: []edition.Change{
			{Kind: edition.Changed, ID: "refund.deadline.payout", Title: "Срок выплаты", OldNumber: "8.4", NewNumber: "8.4",
				Words: edition.Words("Срок выплаты\n\nДеньги через 10 дней.", "Срок выплаты\n\nДеньги через 7 дней.")},
			{Kind: edition.Removed, ID: "old", Title: "Старый", OldNumber: "9.1", Words: []edition.Word{{Op: '-', Text: "Старый\n\nУдалённый текст."}}},
		}},
		{Course: "ru/new", Title: "New", New: true},
	}
	data, err := Changes(courses, ChangesInfo{Title: "Changes", Date: date, Against: func(l string) string { return "against " + l }})
	if err != nil {
		t.Fatal(err)
	}
	_, files := parts(t, data)
	for n, src := range files {
		wellFormed(t, n, src)
	}
	doc := files["word/document.xml"]
	stamp := `w:author="oferta" w:date="2026-12-15T00:00:00Z"`
	for _, want := range []string{
		`<w:del w:id="1" ` + stamp + `><w:r><w:delText xml:space="preserve">10</w:delText></w:r></w:del>`,
		`<w:ins w:id="2" ` + stamp + `><w:r><w:t xml:space="preserve">7</w:t></w:r></w:ins>`,
		`<w:delText xml:space="preserve">Удалённый текст.</w:delText>`,
		// The removed clause's paragraph mark is deleted too.
		`<w:rPr><w:del w:id=`,
		">against 2026-11-01<",
		">8.4 <",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "ru/new") {
		t.Error("a course without an edition has nothing to compare and must be left out")
	}
	if !strings.Contains(files["word/settings.xml"], "<w:trackRevisions/>") {
		t.Error("track changes is off")
	}
}
