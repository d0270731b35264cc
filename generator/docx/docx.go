package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Document is a Word document being written. The zero value is not
// usable; call New.
type Document struct {
	title, lang string
	body        bytes.Buffer
	links       []string // external link targets, by relationship id rId<100+i>
	lists       []listDef
	revision    int // the last w:id given to a tracked change
	// Author and Date mark tracked changes (runs with Change set).
	Author string
	Date   time.Time
	// TrackRevisions turns on "Track changes" in the document's settings,
	// so that the lawyer's own edits are tracked too.
	TrackRevisions bool
}

// New starts a document whose metadata title is title and whose text is
// in language lang ("ru", "en", "de", "ro").
func New(title, lang string) *Document {
	return &Document{title: title, lang: lang, Author: "oferta"}
}

// Run is a piece of text with one formatting.
type Run struct {
	Text                 string
	Bold, Italic, Strike bool
	// Link is the target of an external link ("https://…", "mailto:…").
	Link string
	// Change is '+' for a tracked insertion, '-' for a tracked deletion,
	// 0 for plain text.
	Change byte
	// Break is a line break inside the paragraph (the text is ignored).
	Break bool
	// Tab is a tab (the text is ignored): in a form's line, the ruled
	// blank up to the next tab stop.
	Tab bool
}

// Paragraph styles of styles.xml.
const (
	StyleNormal   = "Normal"
	StyleTitle    = "Title"
	StyleSubtitle = "Subtitle"
	StyleMeta     = "Meta"
	StyleHeading1 = "Heading1" // numbered "1."
	StyleHeading2 = "Heading2" // numbered "1.1."
	StyleHeading3 = "Heading3" // not numbered
	StyleListPara = "ListParagraph"
	// Styles of forms (see Form).
	StyleFormTo     = "FormTo"     // the addressee's block, on the right half
	StyleFormLine   = "FormLine"   // a label and a ruled blank to the margin
	StyleFormPair   = "FormPair"   // two labels and blanks on one line
	StyleFormBlank  = "FormBlank"  // a ruled line to write on
	StyleFormChoice = "FormChoice" // a box to tick and its text
)

// Heading adds a heading. Heading1 and Heading2 are numbered by Word
// through the styles' numbering; pass the text without its number.
func (d *Document) Heading(style string, runs ...Run) {
	d.Paragraph(style, runs...)
}

// Paragraph adds a paragraph of style with runs.
func (d *Document) Paragraph(style string, runs ...Run) {
	d.paragraph(style, nil, runs)
}

// numRef places a paragraph in a list: w:numId and level.
type numRef struct{ num, level int }

func (d *Document) paragraph(style string, num *numRef, runs []Run) {
	b := &d.body
	b.WriteString("<w:p>")
	if style != "" || num != nil {
		b.WriteString("<w:pPr>")
		if style != "" {
			fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
		}
		if num != nil {
			fmt.Fprintf(b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, num.level, num.num)
		}
		b.WriteString("</w:pPr>")
	}
	d.runs(runs)
	b.WriteString("</w:p>")
}

// runs writes runs, grouping consecutive tracked changes of one kind and
// consecutive runs of one link.
func (d *Document) runs(runs []Run) {
	b := &d.body
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && runs[j].Change == runs[i].Change && runs[j].Link == runs[i].Link {
			j++
		}
		group := runs[i:j]
		open, close := "", ""
		switch runs[i].Change {
		case '+', '-':
			d.revision++
			tag := "w:ins"
			if runs[i].Change == '-' {
				tag = "w:del"
			}
			open = fmt.Sprintf(`<%s w:id="%d" w:author="%s" w:date="%s">`, tag, d.revision, esc(d.Author), d.Date.UTC().Format("2006-01-02T15:04:05Z"))
			close = "</" + tag + ">"
		}
		b.WriteString(open)
		if l := runs[i].Link; l != "" {
			fmt.Fprintf(b, `<w:hyperlink r:id="%s">`, d.link(l))
		}
		for _, r := range group {
			d.run(r)
		}
		if runs[i].Link != "" {
			b.WriteString("</w:hyperlink>")
		}
		b.WriteString(close)
		i = j
	}
}

func (d *Document) run(r Run) {
	b := &d.body
	if r.Text == "" && !r.Break && !r.Tab {
		return
	}
	b.WriteString("<w:r>")
	if r.Bold || r.Italic || r.Strike || r.Link != "" {
		b.WriteString("<w:rPr>")
		if r.Link != "" {
			b.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
		}
		if r.Bold {
			b.WriteString("<w:b/>")
		}
		if r.Italic {
			b.WriteString("<w:i/>")
		}
		if r.Strike {
			b.WriteString("<w:strike/>")
		}
		b.WriteString("</w:rPr>")
	}
	if r.Break {
		b.WriteString("<w:br/></w:r>")
		return
	}
	if r.Tab {
		b.WriteString("<w:tab/></w:r>")
		return
	}
	tag := "w:t"
	if r.Change == '-' {
		tag = "w:delText"
	}
	fmt.Fprintf(b, `<%s xml:space="preserve">%s</%s></w:r>`, tag, esc(r.Text), tag)
}

// link returns the relationship id of an external link target.
func (d *Document) link(target string) string {
	for i, t := range d.links {
		if t == target {
			return fmt.Sprintf("rId%d", 100+i)
		}
	}
	d.links = append(d.links, target)
	return fmt.Sprintf("rId%d", 100+len(d.links)-1)
}

// Table adds a table without a header row whose first column is bold:
// label and value, as the seller's requisites.
func (d *Document) Table(rows [][]Run, widths ...int) {
	d.TableRows(toCells(rows), false, widths...)
}

func toCells(rows [][]Run) [][][]Run {
	out := make([][][]Run, len(rows))
	for i, r := range rows {
		for _, c := range r {
			out[i] = append(out[i], []Run{c})
		}
	}
	return out
}

// TableRows adds a table of cells, each cell a list of runs; header marks
// the first row as a header repeated on every page. widths are the
// columns' widths in twentieths of a point (default: equal shares of the
// text width).
func (d *Document) TableRows(rows [][][]Run, header bool, widths ...int) {
	if len(rows) == 0 {
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if len(widths) != cols {
		widths = make([]int, cols)
		for i := range widths {
			widths[i] = textWidth / cols
		}
	}
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	for i, r := range rows {
		b.WriteString("<w:tr>")
		if header && i == 0 {
			b.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
		}
		for c := 0; c < cols; c++ {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[c])
			var runs []Run
			if c < len(r) {
				runs = r[c]
			}
			d.paragraph("TableText", nil, runs)
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables and after the last one.
	d.paragraph("", nil, nil)
}

// textWidth is the width of A4 less 2 cm margins on each side, in
// twentieths of a point.
const textWidth = 11906 - 2*1134

// listDef is one list in the document: bulleted or numbered from 1.
type listDef struct{ ordered bool }

// newList starts a list and returns its w:numId. Each numbered list
// restarts at 1.
func (d *Document) newList(ordered bool) int {
	d.lists = append(d.lists, listDef{ordered: ordered})
	return firstListNum + len(d.lists) - 1
}

// ListItem adds a paragraph in the list num (from newList) at level.
func (d *Document) listItem(num, level int, runs []Run) {
	d.paragraph(StyleListPara, &numRef{num: num, level: level}, runs)
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// zipTime is the time of every zip entry: the same bytes for the same
// document.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Bytes returns the .docx file.
func (d *Document) Bytes() ([]byte, error) {
	parts := map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"docProps/core.xml":            d.core(),
		"docProps/app.xml":             appProps,
		"word/document.xml":            d.document(),
		"word/styles.xml":              styles(d.lang),
		"word/numbering.xml":           d.numbering(),
		"word/settings.xml":            d.settings(),
		"word/_rels/document.xml.rels": d.documentRels(),
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, n := range names {
		w, err := z.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>oferta</Application></Properties>`

func (d *Document) core() string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.title) + `</dc:title><dc:creator>oferta</dc:creator><dc:language>` + esc(d.lang) + `</dc:language></cp:coreProperties>`
}

const docNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (d *Document) document() string {
	return xmlHeader + `<w:document ` + docNS + `><w:body>` + d.body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
}

func (d *Document) settings() string {
	track := ""
	if d.TrackRevisions {
		track = "<w:trackRevisions/>"
	}
	return xmlHeader + `<w:settings ` + docNS + `>` + track + `<w:defaultTabStop w:val="709"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
}

func (d *Document) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	b.WriteString(`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	b.WriteString(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	for i, l := range d.links {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="%s" TargetMode="External"/>`, 100+i, esc(l))
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}
