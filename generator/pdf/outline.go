package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Chromium builds the PDF's outline (bookmarks) from the headings, but
// takes a heading's text from its layout fragments: a heading that moved
// to the next page reads twice ("2.2. Предмет договора Предмет
// договора"), and text after an out-of-flow element loses its space.
// fixOutline puts the headings' text as a reader sees it (innerText,
// taken from the page in print media) into the outline items, in
// document order, and rewrites the cross-reference table for the new
// lengths. When the outline and the headings do not pair up one to one
// the PDF is returned unchanged: a wrong title is worse than a doubled
// one.

var (
	reXref    = regexp.MustCompile(`(?s)\nxref\r?\n(.*?)trailer\s*(<<.*?>>)\s*startxref`)
	reRoot    = regexp.MustCompile(`/Root (\d+) 0 R`)
	reOutline = regexp.MustCompile(`/Outlines (\d+) 0 R`)
	reFirst   = regexp.MustCompile(`/First (\d+) 0 R`)
	reNext    = regexp.MustCompile(`/Next (\d+) 0 R`)
	reTitle   = regexp.MustCompile(`/Title (<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))`)
)

// xrefTable is a classic cross-reference table: the byte offset of each
// object in use, by number.
type xrefTable struct {
	start   int         // offset of "xref"
	offsets map[int]int // object number → offset
	size    int
	trailer string
}

func readXref(pdf []byte) (*xrefTable, error) {
	m := reXref.FindSubmatchIndex(pdf)
	if m == nil {
		return nil, fmt.Errorf("no classic cross-reference table")
	}
	x := &xrefTable{start: m[0] + 1, offsets: map[int]int{}, trailer: string(pdf[m[4]:m[5]])}
	lines := strings.Split(strings.TrimSpace(string(pdf[m[2]:m[3]])), "\n")
	obj := 0
	for _, ln := range lines {
		f := strings.Fields(ln)
		switch {
		case len(f) == 2:
			first, err1 := strconv.Atoi(f[0])
			n, err2 := strconv.Atoi(f[1])
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("bad xref subsection %q", ln)
			}
			obj = first
			x.size = max(x.size, first+n)
		case len(f) == 3:
			if f[2] == "n" {
				off, err := strconv.Atoi(f[0])
				if err != nil {
					return nil, fmt.Errorf("bad xref entry %q", ln)
				}
				x.offsets[obj] = off
			}
			obj++
		default:
			return nil, fmt.Errorf("bad xref line %q", ln)
		}
	}
	return x, nil
}

// object returns the dictionary text of object n (up to "endobj" or
// "stream").
func (x *xrefTable) object(pdf []byte, n int) (start, end int, ok bool) {
	off, ok := x.offsets[n]
	if !ok || off >= len(pdf) {
		return 0, 0, false
	}
	rest := pdf[off:]
	e := bytes.Index(rest, []byte("endobj"))
	if s := bytes.Index(rest, []byte("stream")); s >= 0 && (e < 0 || s < e) {
		e = s
	}
	if e < 0 {
		return 0, 0, false
	}
	return off, off + e, true
}

func ref(re *regexp.Regexp, body []byte) (int, bool) {
	m := re.FindSubmatch(body)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// outlineItems returns the objects of the outline items in document
// order (depth first).
func outlineItems(pdf []byte, x *xrefTable) ([]int, error) {
	root, ok := ref(reRoot, []byte(x.trailer))
	if !ok {
		return nil, fmt.Errorf("no /Root")
	}
	s, e, ok := x.object(pdf, root)
	if !ok {
		return nil, fmt.Errorf("no catalog")
	}
	outlines, ok := ref(reOutline, pdf[s:e])
	if !ok {
		return nil, nil // no outline
	}
	var items []int
	seen := map[int]bool{}
	var walk func(first int) error
	walk = func(n int) error {
		for n > 0 {
			if seen[n] || len(items) > 100000 {
				return fmt.Errorf("outline loops")
			}
			seen[n] = true
			s, e, ok := x.object(pdf, n)
			if !ok {
				return fmt.Errorf("no outline item %d", n)
			}
			items = append(items, n)
			if c, ok := ref(reFirst, pdf[s:e]); ok {
				if err := walk(c); err != nil {
					return err
				}
			}
			n, _ = ref(reNext, pdf[s:e])
		}
		return nil
	}
	s, e, ok = x.object(pdf, outlines)
	if !ok {
		return nil, fmt.Errorf("no outline root")
	}
	if first, ok := ref(reFirst, pdf[s:e]); ok {
		if err := walk(first); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// pdfText encodes s as a PDF text string: UTF-16BE with its byte order
// mark, in hex.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// decodeText reads a PDF text string written as <FEFF…> hex; other forms
// come back as they are written.
func decodeText(s string) string {
	if !strings.HasPrefix(s, "<") {
		return s
	}
	h := strings.Join(strings.Fields(strings.Trim(s, "<>")), "")
	raw, err := hex.DecodeString(h)
	if err != nil || len(raw) < 2 || raw[0] != 0xFE || raw[1] != 0xFF {
		return s
	}
	u := make([]uint16, 0, len(raw)/2)
	for i := 2; i+1 < len(raw); i += 2 {
		u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	return string(utf16.Decode(u))
}

// fixOutline sets the outline items' titles to titles, in order (see the
// comment at the top of this file).
func fixOutline(pdf []byte, titles []string) ([]byte, error) {
	x, err := readXref(pdf)
	if err != nil {
		return pdf, err
	}
	items, err := outlineItems(pdf, x)
	if err != nil || len(items) == 0 {
		return pdf, err
	}
	if len(items) != len(titles) {
		return pdf, fmt.Errorf("the outline has %d items and the page %d headings", len(items), len(titles))
	}
	// Replacements, by position in the file.
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for i, n := range items {
		s, e, _ := x.object(pdf, n)
		m := reTitle.FindSubmatchIndex(pdf[s:e])
		if m == nil {
			continue
		}
		if decodeText(string(pdf[s+m[2]:s+m[3]])) == titles[i] {
			continue
		}
		edits = append(edits, edit{s + m[2], s + m[3], pdfText(titles[i])})
	}
	if len(edits) == 0 {
		return pdf, nil
	}
	// Edits are in outline order; apply them in file order.
	sortEdits := func() {
		for i := 1; i < len(edits); i++ {
			for j := i; j > 0 && edits[j].start < edits[j-1].start; j-- {
				edits[j], edits[j-1] = edits[j-1], edits[j]
			}
		}
	}
	sortEdits()
	var out bytes.Buffer
	prev := 0
	shift := func(off int) int { // the new offset of an old one
		d := 0
		for _, e := range edits {
			if e.start < off {
				d += len(e.text) - (e.end - e.start)
			}
		}
		return off + d
	}
	for _, e := range edits {
		out.Write(pdf[prev:e.start])
		out.WriteString(e.text)
		prev = e.end
	}
	out.Write(pdf[prev:x.start])
	// A new cross-reference table: one subsection, every object.
	xrefAt := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", x.size)
	for n := 1; n < x.size; n++ {
		if off, ok := x.offsets[n]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", shift(off))
		} else {
			out.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", x.trailer, xrefAt)
	return out.Bytes(), nil
}
