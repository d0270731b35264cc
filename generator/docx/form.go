package docx

// FormKind is what one item of a form is.
type FormKind int

// Items of a form.
const (
	FormTo       FormKind = iota // the addressee's block: Text is the label, Lines its lines
	FormTitle                    // the form's title
	FormSubtitle                 // the line under the title
	FormPart                     // a numbered part's heading ("1. Договор")
	FormText                     // a paragraph
	FormField                    // "Label: value" or "Label: ________"
	FormPair                     // two fields on one line: Text/Value and Second
	FormChoice                   // "☐ text": a box to tick
	FormLines                    // a label, then Rows ruled lines to write on
)

// FormItem is one item of a form to fill in by hand or in Word.
type FormItem struct {
	Kind  FormKind
	Text  string   // the label or the text
	Value string   // a field's printed value; "" leaves a ruled blank
	Lines []string // FormTo: the addressee's lines
	Rows  int      // FormLines: how many ruled lines
	// Second is the field beside this one in a FormPair.
	Second *FormItem
}

// Form writes a form, such as the refund statement, as a Word document:
// labels with ruled blanks (underscore tab leaders, which Word and
// LibreOffice keep at any font), boxes to tick and ruled lines to write
// on, each field prefilled where the site knows its value.
func Form(title, lang string, items []FormItem) ([]byte, error) {
	d := New(title, lang)
	part := 0
	for _, it := range items {
		switch it.Kind {
		case FormTo:
			d.Paragraph(StyleFormTo, Run{Text: it.Text, Bold: true})
			var runs []Run
			for i, ln := range it.Lines {
				if i > 0 {
					runs = append(runs, Run{Break: true})
				}
				runs = append(runs, Run{Text: ln})
			}
			if len(runs) > 0 {
				d.Paragraph(StyleFormTo, runs...)
			}
		case FormTitle:
			d.Paragraph(StyleTitle, Run{Text: it.Text})
		case FormSubtitle:
			d.Paragraph(StyleSubtitle, Run{Text: it.Text})
		case FormPart:
			part++
			d.Paragraph(StyleHeading3, Run{Text: itoa(part) + ". " + it.Text})
		case FormText:
			d.Paragraph(StyleNormal, Run{Text: it.Text})
		case FormField:
			d.Paragraph(StyleFormLine, field(it, true)...)
		case FormPair:
			runs := field(it, false)
			if it.Second != nil {
				runs = append(runs, Run{Text: "  "})
				runs = append(runs, field(*it.Second, true)...)
			}
			d.Paragraph(StyleFormPair, runs...)
		case FormChoice:
			d.Paragraph(StyleFormChoice, Run{Text: "☐\u00a0" + it.Text})
		case FormLines:
			if it.Text != "" {
				d.Paragraph(StyleFormLine, Run{Text: it.Text})
			}
			for range it.Rows {
				d.Paragraph(StyleFormBlank, Run{Tab: true})
			}
		}
	}
	return d.Bytes()
}

// field is a label and its value, or a ruled blank to the next tab stop.
func field(it FormItem, last bool) []Run {
	runs := []Run{{Text: it.Text + " "}}
	if it.Value != "" {
		runs = append(runs, Run{Text: it.Value, Bold: true})
		if !last {
			runs = append(runs, Run{Tab: true})
		}
		return runs
	}
	return append(runs, Run{Tab: true})
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
