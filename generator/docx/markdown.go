package docx

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md parses clause Markdown with the extensions the renderer uses.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Markdown adds the blocks of a clause text: paragraphs, lists (bulleted
// and numbered, nested), headings inside a clause (not numbered), tables
// and thematic breaks. Raw HTML is dropped, as on a site without
// unsafe_html.
func (d *Document) Markdown(src string) {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		d.block(n, source, -1, 0)
	}
}

// block writes one block node; num is the list it stands in (-1 for
// none) at level.
func (d *Document) block(n ast.Node, src []byte, num, level int) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		runs := Inline(n, src)
		if num >= 0 {
			d.listItem(num, level, runs)
		} else {
			d.Paragraph(StyleNormal, runs...)
		}
	case *ast.Heading:
		d.Paragraph(StyleHeading3, Inline(n, src)...)
	case *ast.List:
		id := d.newList(n.IsOrdered())
		lvl := 0
		if num >= 0 {
			lvl = level + 1
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			first := true
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					if first {
						d.block(c, src, id, lvl)
					} else {
						// A second paragraph of an item: indented, no
						// marker.
						d.Paragraph(StyleListPara, Inline(c, src)...)
					}
				default:
					d.block(c, src, id, lvl)
				}
				first = false
			}
		}
	case *ast.Blockquote, *ast.Document:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.block(c, src, num, level)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		var runs []Run
		for i := 0; i < lines.Len(); i++ {
			if i > 0 {
				runs = append(runs, Run{Break: true})
			}
			seg := lines.At(i)
			runs = append(runs, Run{Text: strings.TrimRight(string(seg.Value(src)), "\n")})
		}
		d.Paragraph(StyleNormal, runs...)
	case *east.Table:
		var rows [][][]Run
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var row [][]Run
			_, head := r.(*east.TableHeader)
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				runs := Inline(c, src)
				if head {
					for i := range runs {
						runs[i].Bold = true
					}
				}
				row = append(row, runs)
			}
			rows = append(rows, row)
		}
		d.TableRows(rows, true)
	case *ast.ThematicBreak, *ast.HTMLBlock:
		// Nothing a contract in Word needs.
	default:
		if n.HasChildren() {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				d.block(c, src, num, level)
			}
		}
	}
}

// Inline returns the runs of an inline container (a paragraph, a heading,
// a table cell).
func Inline(n ast.Node, src []byte) []Run {
	var out []Run
	inline(n, src, Run{}, &out)
	return merge(out)
}

func inline(n ast.Node, src []byte, f Run, out *[]Run) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			r := f
			r.Text = plain(c.Segment.Value(src))
			*out = append(*out, r)
			switch {
			case c.HardLineBreak():
				*out = append(*out, Run{Break: true})
			case c.SoftLineBreak():
				r.Text = " "
				*out = append(*out, r)
			}
		case *ast.String:
			r := f
			r.Text = plain(c.Value)
			*out = append(*out, r)
		case *ast.CodeSpan:
			r := f
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			r.Text = b.String()
			*out = append(*out, r)
		case *ast.Emphasis:
			g := f
			if c.Level >= 2 {
				g.Bold = true
			} else {
				g.Italic = true
			}
			inline(c, src, g, out)
		case *east.Strikethrough:
			g := f
			g.Strike = true
			inline(c, src, g, out)
		case *ast.Link:
			g := f
			if dest := string(c.Destination); external(dest) {
				g.Link = dest
			}
			inline(c, src, g, out)
		case *ast.AutoLink:
			r := f
			r.Text = string(c.Label(src))
			r.Link = string(c.URL(src))
			if !external(r.Link) {
				r.Link = ""
			}
			*out = append(*out, r)
		case *ast.RawHTML:
			// Dropped, as on a site without unsafe_html.
		default:
			inline(c, src, f, out)
		}
	}
}

// external reports whether a link leads outside the document. Links to
// clauses ("#c-refund-deadline") keep their text, which is the clause's
// number.
func external(dest string) bool {
	return strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "mailto:")
}

// plain resolves Markdown escapes and character references.
func plain(b []byte) string {
	return string(util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(b))))
}

// merge joins neighbouring runs of the same formatting.
func merge(runs []Run) []Run {
	var out []Run
	for _, r := range runs {
		if n := len(out); n > 0 && !r.Break && !out[n-1].Break && sameFormat(out[n-1], r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func sameFormat(a, b Run) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Strike == b.Strike && a.Link == b.Link && a.Change == b.Change
}

// PlainText returns the text of a piece of Markdown without its markup:
// for headings and table cells.
func PlainText(src string) string {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var parts []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var b strings.Builder
		for _, r := range Inline(n, source) {
			b.WriteString(r.Text)
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " ")
}

// ListItems returns the text runs of each item of the first list in a
// piece of Markdown, nil when it has none: the seller's requisites are
// such a list, and become a table.
func ListItems(src string) [][]Run {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var items [][]Run
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		list, ok := n.(*ast.List)
		if !ok {
			continue
		}
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			var runs []Run
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				runs = append(runs, Inline(c, source)...)
			}
			items = append(items, runs)
		}
		break
	}
	return items
}
