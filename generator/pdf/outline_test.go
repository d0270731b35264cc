package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tinyPDF writes a PDF with a classic cross-reference table and the
// objects given (numbered from 1).
func tinyPDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objects {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, x)
	return b.Bytes()
}

func TestFixOutline(t *testing.T) {
	pdf := tinyPDF(
		"<</Type /Catalog /Pages 6 0 R /Outlines 2 0 R>>",
		"<</Type /Outlines /First 3 0 R /Last 4 0 R /Count 3>>",
		"<</Title "+pdfText("2.2. Предмет Предмет")+"\n/Parent 2 0 R /Next 4 0 R /First 5 0 R /Last 5 0 R>>",
		"<</Title (Beta)\n/Parent 2 0 R /Prev 3 0 R>>",
		"<</Title "+pdfText("2.1.Что")+"\n/Parent 3 0 R>>",
		"<</Type /Pages /Kids [7 0 R] /Count 1>>",
		"<</Type /Page /Parent 6 0 R /MediaBox [0 0 595 842]>>",
	)
	want := []string{"2. Предмет", "2.1. Что покупает Клиент", "Beta"}
	got, err := fixOutline(pdf, want)
	if err != nil {
		t.Fatal(err)
	}
	x, err := readXref(got)
	if err != nil {
		t.Fatal(err)
	}
	// Every offset of the new table points at its object.
	for n, off := range x.offsets {
		if !bytes.HasPrefix(got[off:], []byte(fmt.Sprintf("%d 0 obj", n))) {
			t.Errorf("object %d: offset %d points at %.12q", n, off, got[off:])
		}
	}
	items, err := outlineItems(got, x)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, n := range items {
		s, e, _ := x.object(got, n)
		titles = append(titles, decodeText(string(reTitle.FindSubmatch(got[s:e])[1])))
	}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("titles in document order = %q", titles)
	}
	if p, err := exec.LookPath("qpdf"); err == nil {
		f := filepath.Join(t.TempDir(), "x.pdf")
		os.WriteFile(f, got, 0o644)
		if out, err := exec.Command(p, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	// Headings that do not pair up with the outline leave it alone.
	if same, err := fixOutline(pdf, want[:2]); err == nil || !bytes.Equal(same, pdf) {
		t.Error("a count mismatch changed the PDF")
	}
}
