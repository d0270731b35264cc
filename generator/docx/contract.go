package docx

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/edition"
)

// ContractInfo is what a contract document says besides its clauses, in
// the contract's language (the theme's strings).
type ContractInfo struct {
	Kicker  string // "Публичная оферта"
	Heading string // "Договор оказания услуг по обучению"
	Edition string // "Редакция от 1 ноября 2026 г."
	URL     string // the contract's address, "" without base_url
	// Draft, when not empty, marks the document as a draft at its top
	// ("Черновик. Документ не прошёл проверку…").
	Draft string
	// RequisitesSection is the id of the section whose lists become a
	// table of the seller's requisites ("requisites").
	RequisitesSection string
}

// Contract writes a course's contract as a Word document: its sections as
// Heading1 and its clauses as Heading2, numbered by Word exactly as the
// contract numbers them (1., 1.1.), the clause texts, and the seller's
// requisites as a table.
func Contract(doc *edition.Doc, info ContractInfo) ([]byte, error) {
	d := New(info.Heading+": "+doc.Title, doc.Lang)
	if info.Draft != "" {
		d.Paragraph(StyleMeta, Run{Text: info.Draft, Bold: true})
	}
	d.Paragraph(StyleMeta, Run{Text: info.Kicker})
	d.Paragraph(StyleTitle, Run{Text: info.Heading})
	d.Paragraph(StyleSubtitle, Run{Text: doc.Title})
	meta := []Run{{Text: info.Edition}}
	if info.URL != "" {
		meta = append(meta, Run{Text: " · "}, Run{Text: info.URL, Link: info.URL})
	}
	d.Paragraph(StyleMeta, meta...)
	for _, s := range doc.Sections {
		d.Heading(StyleHeading1, Run{Text: PlainText(s.Title)})
		for _, c := range s.Clauses {
			d.Heading(StyleHeading2, Run{Text: PlainText(c.Title)})
			if s.ID == info.RequisitesSection && info.RequisitesSection != "" {
				if rows := requisites(c); rows != nil {
					d.Table(rows, 3000, textWidth-3000)
					continue
				}
			}
			d.Markdown(c.Body)
		}
	}
	return d.Bytes()
}

// requisites turns a clause that lists the seller's details ("- ИНН:
// 123") into table rows of label and value; an item without a label is
// labelled with the clause's title ("Исполнитель"). It returns nil when
// the clause is not such a list.
func requisites(c edition.Clause) [][]Run {
	items := ListItems(c.Body)
	if items == nil {
		return nil
	}
	var rows [][]Run
	for _, runs := range items {
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.Text)
		}
		line := b.String()
		label, value, ok := strings.Cut(line, ": ")
		if !ok || strings.ContainsAny(label, ",.;") || len([]rune(label)) > 40 {
			label, value = PlainText(c.Title), line
		}
		rows = append(rows, []Run{{Text: label, Bold: true}, {Text: value}})
	}
	return rows
}
