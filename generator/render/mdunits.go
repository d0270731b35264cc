package render

import (
	"bytes"
	"hash/maphash"
	"strings"
)

// Most clauses of a large site read the course (its title, its units, its
// price), so their Markdown differs from course to course and the cache
// of whole texts (Renderer.markdown) converts each once. Yet such a text
// is mostly the same paragraphs and list items as the next course's, a
// few of them changed. markdownUnits converts a text of the plainest
// shape — paragraphs and tight bullet lists, one item a line, separated
// by blank lines — unit by unit: each paragraph and each list item's
// text is converted by goldmark alone, as a paragraph, and kept by its
// text, and the units are put together as goldmark puts them together.
//
// What goldmark makes of a unit alone is what it makes of it in the
// text, given the shape checked here: nothing but a blank line or a list
// item follows a list item (no lazy continuation), no list follows a
// blank line after a list (it would make it loose), no line is indented
// or ends in white space, and the text has no character that could
// reach across units ('<' of HTML, '\r', tabs, "]:" of a link reference
// definition). A unit goldmark does not make into one paragraph (a
// heading, a rule, a definition, a nested list, a table) sends the whole
// text to goldmark. TestMarkdownUnits and FuzzMarkdownUnits compare the
// two on every text of the example sites and on arbitrary ones.

// maxUnits bounds the units kept.
const maxUnits = 1 << 17

// markdownUnits returns the HTML of src and true, or false when src is not
// of the shape it converts.
func (r *Renderer) markdownUnits(src string) (string, bool) {
	if strings.ContainsAny(src, "<\r\t") || strings.Contains(src, "]:") {
		return "", false
	}
	var out strings.Builder
	out.Grow(len(src) + len(src)/4)
	inList := false    // the previous line is a list item
	listEnded := false // a list ended at a blank line, and nothing came since
	var para []string  // the lines of the paragraph being read
	flush := func() bool {
		if len(para) == 0 {
			return true
		}
		html, ok := r.unit(strings.Join(para, "\n"))
		para = para[:0]
		if !ok {
			return false
		}
		out.WriteString("<p>")
		out.WriteString(html)
		out.WriteString("</p>\n")
		return true
	}
	rest := src
	for len(rest) > 0 {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if line == "" {
			if !flush() {
				return "", false
			}
			if inList {
				out.WriteString("</ul>\n")
				inList, listEnded = false, true
			}
			continue
		}
		if line[0] == ' ' || line[len(line)-1] == ' ' || line[len(line)-1] == '\\' {
			return "", false
		}
		if item, ok := strings.CutPrefix(line, "- "); ok {
			// A line of dashes is a rule ("- --"), not an item; an item
			// that is another block alone (a nested list, a heading) is
			// found by unit.
			if item == "" || item[0] == ' ' || strings.Trim(line, "- ") == "" || listEnded {
				return "", false
			}
			if !flush() {
				return "", false
			}
			html, ok := r.unit(item)
			if !ok {
				return "", false
			}
			if !inList {
				out.WriteString("<ul>\n")
				inList = true
			}
			out.WriteString("<li>")
			out.WriteString(html)
			out.WriteString("</li>\n")
			listEnded = false
			continue
		}
		if inList {
			return "", false // lazy continuation of the item
		}
		listEnded = false
		para = append(para, line)
	}
	if !flush() {
		return "", false
	}
	if inList {
		out.WriteString("</ul>\n")
	}
	if out.Len() == 0 {
		return "", false
	}
	return out.String(), true
}

// unit returns the inline HTML goldmark makes of text as one paragraph,
// and false when it makes something else of it.
func (r *Renderer) unit(text string) (string, bool) {
	r.unitsMu.RLock()
	html, ok := r.units[text]
	r.unitsMu.RUnlock()
	if ok {
		return html, html != ""
	}
	c := converters.Get().(*converter)
	defer converters.Put(c)
	c.out.Reset()
	c.w.Reset(&c.out)
	if err := r.md.Convert([]byte(text), c.w); err != nil {
		return "", false
	}
	if err := c.w.Flush(); err != nil {
		return "", false
	}
	html = paragraphInline(c.out.Bytes())
	// A unit is kept the second time it comes: one that a single course
	// has (its title, its price) costs a hash, not its text and HTML.
	h := maphash.String(unitSeed, text)
	r.unitsMu.Lock()
	if r.unitSeen[h] {
		if len(r.units) < maxUnits {
			r.units[strings.Clone(text)] = html
		}
	} else if len(r.unitSeen) < maxUnits*8 {
		r.unitSeen[h] = true
	}
	r.unitsMu.Unlock()
	return html, html != ""
}

var unitSeed = maphash.MakeSeed()

// paragraphInline returns the content of html if it is one paragraph,
// "<p>…</p>\n", with no block inside; else "".
func paragraphInline(html []byte) string {
	inner, ok := bytes.CutPrefix(html, []byte("<p>"))
	if !ok {
		return ""
	}
	inner, ok = bytes.CutSuffix(inner, []byte("</p>\n"))
	if !ok || len(inner) == 0 {
		return ""
	}
	for _, tag := range blockTags {
		if bytes.Contains(inner, tag) {
			return ""
		}
	}
	return string(inner)
}

var blockTags = [][]byte{[]byte("<p"), []byte("</p"), []byte("<ul"), []byte("<ol"), []byte("<li"), []byte("<h"),
	[]byte("<pre"), []byte("<blockquote"), []byte("<table"), []byte("<div")}

// goldmark converts src whole, as markdown does without units.
func (r *Renderer) goldmark(src string) (string, error) {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	return b.String(), nil
}
