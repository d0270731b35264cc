package docx

import (
	"strconv"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/edition"
)

// ChangesInfo is what a document of tracked changes says besides them.
type ChangesInfo struct {
	Title string // the document's title
	// Against says which text a course's changes are measured against;
	// called with the date of the course's latest edition.
	Against func(latest string) string
	// Date is the date of the changes (w:date): the coming edition's.
	Date time.Time
	// Lang is the language the document is spell-checked in: the site's
	// default language.
	Lang string
}

// Changes writes what the working tree changes in each course's contract
// as tracked changes: each changed clause with its words inserted
// (w:ins) and deleted (w:del) by the author "oferta", which a lawyer
// accepts or rejects in Word or LibreOffice. Courses without a frozen
// edition have nothing to compare and are left out.
func Changes(courses []edition.CourseChange, info ChangesInfo) ([]byte, error) {
	d := New(info.Title, info.Lang)
	d.Date = info.Date
	d.TrackRevisions = true
	d.Paragraph(StyleTitle, Run{Text: info.Title})
	for _, cc := range courses {
		if cc.New || len(cc.Changes) == 0 {
			continue
		}
		d.Paragraph("CourseHeading", Run{Text: cc.Title + " (" + cc.Course + ")"})
		if info.Against != nil {
			d.Paragraph(StyleMeta, Run{Text: info.Against(cc.Latest)})
		}
		for _, c := range cc.Changes {
			d.change(c)
		}
	}
	return d.Bytes()
}

// change writes one clause's redline: the first paragraph is its title,
// with the clause's number; a paragraph break inside an insertion or a
// deletion is itself tracked, so accepting or rejecting leaves no empty
// paragraph behind.
func (d *Document) change(c edition.Change) {
	number := c.NewNumber
	if number == "" {
		number = c.OldNumber
	}
	words := c.Words
	if c.Kind == edition.Moved {
		// The same text elsewhere: its place is all there is to say.
		words = []edition.Word{{Op: '=', Text: c.Title}}
	}
	var runs []Run
	first := true
	flush := func(mark byte) {
		style := StyleNormal
		prefix := []Run(nil)
		if first {
			style = "ClauseHeading"
			n := number
			if c.OldNumber != "" && c.NewNumber != "" && c.OldNumber != c.NewNumber {
				n = c.OldNumber + " → " + c.NewNumber
			}
			prefix = []Run{{Text: n + " "}}
		}
		d.trackedParagraph(style, mark, append(prefix, merge(runs)...))
		runs, first = nil, false
	}
	for _, w := range words {
		text := redlinePlain(w.Text)
		lines := strings.Split(text, "\n")
		for i, ln := range lines {
			if i > 0 {
				if ln == "" && i < len(lines)-1 {
					continue // a blank line is one paragraph break, not two
				}
				if len(runs) > 0 || !first {
					flush(w.Op)
				}
			}
			if ln == "" {
				continue
			}
			r := Run{Text: ln}
			if w.Op != '=' {
				r.Change = w.Op
			}
			runs = append(runs, r)
		}
	}
	if len(runs) > 0 || first {
		flush(0)
	}
}

// trackedParagraph writes a paragraph whose paragraph mark was inserted
// or deleted (mark '+' or '-'), or not changed (0).
func (d *Document) trackedParagraph(style string, mark byte, runs []Run) {
	b := &d.body
	b.WriteString("<w:p><w:pPr>")
	b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	if mark == '+' || mark == '-' {
		d.revision++
		tag := "w:ins"
		if mark == '-' {
			tag = "w:del"
		}
		b.WriteString("<w:rPr><" + tag + ` w:id="` + strconv.Itoa(d.revision) + `" w:author="` + esc(d.Author) + `" w:date="` + d.Date.UTC().Format("2006-01-02T15:04:05Z") + `"/></w:rPr>`)
	}
	b.WriteString("</w:pPr>")
	d.runs(runs)
	b.WriteString("</w:p>")
}

// redlinePlain shows clause Markdown as a reader sees it: links as their
// text, escapes resolved, emphasis markers dropped and list items with a
// bullet.
func redlinePlain(s string) string {
	s = edition.Plain(s)
	s = strings.ReplaceAll(s, "**", "")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(l, "- ") {
			lines[i] = "• " + l[2:]
		}
	}
	return strings.Join(lines, "\n")
}
