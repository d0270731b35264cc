package main

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/chrometest"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// needTool skips a test loudly when a program it needs is missing on a
// developer's machine, and fails it in CI (CI=true), where .ci/run
// installs every one.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := fmt.Sprintf("%s not found: this test needs Debian's %s (apt-get install -y %s)", name, pkg, pkg)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s: %s ***\n\n", t.Name(), msg)
	t.Skip(msg)
	return ""
}

// needChromium is chrometest's rule for the browser.
func needChromium(t *testing.T) {
	t.Helper()
	if _, ok := chrometest.Path(); ok {
		return
	}
	msg := "Chromium not found: PDF tests need Debian's chromium (apt-get install -y chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	fmt.Fprintf(os.Stderr, "\n*** SKIPPING %s: %s ***\n\n", t.Name(), msg)
	t.Skip(msg)
}

// tool runs a program and returns its standard output.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// exportFacts is what every exported contract must hold: the numbers of
// its clauses and the seller's requisites.
type exportFacts struct {
	numbers    []string // "1.", "1.1."
	sections   []string // section titles
	bookmarks  []string // "1. Термины", "1.1. Термины, которые…"
	requisites []string
}

func factsOf(t *testing.T, dir, slug string) exportFacts {
	t.Helper()
	c, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	k, err := findCourse(c, slug)
	if err != nil {
		t.Fatal(err)
	}
	var f exportFacts
	for _, s := range k.Sections {
		f.numbers = append(f.numbers, fmt.Sprintf("%d.", s.Number))
		f.sections = append(f.sections, s.Def.Title)
		f.bookmarks = append(f.bookmarks, fmt.Sprintf("%d. %s", s.Number, s.Def.Title))
		for _, cl := range s.Clauses {
			f.numbers = append(f.numbers, cl.Number+".")
			f.bookmarks = append(f.bookmarks, cl.Number+". "+cl.Source.Title)
		}
	}
	sel := c.Site.Config.Seller
	f.requisites = []string{sel.INN, sel.OGRN, sel.Email}
	return f
}

// checkText fails for every clause number and requisite missing from a
// document's text.
func checkText(t *testing.T, what, text string, f exportFacts) {
	t.Helper()
	for _, n := range f.numbers {
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(n) + `\s`).MatchString(text) {
			t.Errorf("%s: no clause number %q at the start of a line", what, n)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, r := range f.requisites {
		if r != "" && !strings.Contains(flat, r) {
			t.Errorf("%s: the requisite %q is missing", what, r)
		}
	}
}

// TestExportPDF prints one course's contract and statement and checks
// them as a reader's tools see them: pdfinfo reads them, the contract is
// tagged, its title is the page's, its outline has a bookmark for every
// section, the text holds every clause number and the requisites, and
// the fonts are embedded.
func TestExportPDF(t *testing.T) {
	needChromium(t)
	needTool(t, "pdfinfo", "poppler-utils")
	dir := sitetest.ExampleSite(t)
	out := t.TempDir()
	code, stdout, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "pdf", "smm-mentoring")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	contractPDF := filepath.Join(out, "smm-mentoring.ru.oferta.pdf")
	statementPDF := filepath.Join(out, "smm-mentoring.ru.refund.pdf")
	if !strings.Contains(stdout, contractPDF) || !strings.Contains(stdout, statementPDF) {
		t.Errorf("export did not list the files it wrote:\n%s", stdout)
	}
	f := factsOf(t, dir, "smm-mentoring")

	info := tool(t, "pdfinfo", contractPDF)
	for _, want := range []string{"Tagged:          yes", "Title:           Договор-оферта — Наставничество по SMM: 8 недель", "Page size:       594.96 x 841.92 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// The tag tree: headings and lists as a screen reader reads them.
	tree := tool(t, "pdfinfo", "-struct", contractPDF)
	for _, tag := range []string{"Document", "H1 (block)", "H2 (block)", "H3 (block)", "L (block)", "LI (block)"} {
		if !strings.Contains(tree, tag) {
			t.Errorf("the tag tree has no %s", tag)
		}
	}
	if n := strings.Count(tree, "H2 (block)"); n < len(f.sections) {
		t.Errorf("the tag tree has %d H2 headings, want one for each of %d sections", n, len(f.sections))
	}
	// Bookmarks: the outline's titles are UTF-16 strings in the file.
	data, err := os.ReadFile(contractPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`/Outlines \d+ 0 R`).Match(data) {
		t.Fatal("the PDF has no outline (bookmarks)")
	}
	// Every section and clause has its bookmark, titled exactly as the
	// heading reads (Chromium alone doubles some and drops spaces).
	titles := map[string]int{}
	for _, m := range regexp.MustCompile(`/Title <FEFF([0-9A-F]+)>`).FindAllSubmatch(data, -1) {
		titles[utf16Hex(t, string(m[1]))]++
	}
	for _, want := range f.bookmarks {
		if titles[want] != 1 {
			t.Errorf("bookmark %q found %d times, want once", want, titles[want])
		}
	}
	if t.Failed() {
		t.Logf("bookmarks: %v", titles)
	}
	if p, err := exec.LookPath("qpdf"); err == nil {
		tool(t, p, "--check", contractPDF)
	}
	checkText(t, "contract PDF", tool(t, "pdftotext", "-layout", contractPDF, "-"), f)
	fonts := tool(t, "pdffonts", contractPDF)
	for _, ln := range strings.Split(fonts, "\n")[2:] {
		if fs := strings.Fields(ln); len(fs) > 4 && !strings.Contains(ln, " yes yes ") {
			t.Errorf("a font is not embedded: %s", ln)
		}
	}
	if !strings.Contains(fonts, "NotoSerif") {
		t.Errorf("the bundled serif is not used in print:\n%s", fonts)
	}

	stInfo := tool(t, "pdfinfo", statementPDF)
	if !strings.Contains(stInfo, "Tagged:          yes") {
		t.Errorf("the statement PDF is not tagged:\n%s", stInfo)
	}
	stText := strings.Join(strings.Fields(tool(t, "pdftotext", statementPDF, "-")), " ")
	if !strings.Contains(stText, f.requisites[0]) {
		t.Errorf("the statement PDF lacks the seller's ИНН %s", f.requisites[0])
	}
}

func utf16Hex(t *testing.T, h string) string {
	t.Helper()
	var u []uint16
	for i := 0; i+4 <= len(h); i += 4 {
		v, err := strconv.ParseUint(h[i:i+4], 16, 16)
		if err != nil {
			t.Fatal(err)
		}
		u = append(u, uint16(v))
	}
	return string(utf16.Decode(u))
}

// TestCalcPDF prints the calculation document.
func TestCalcPDF(t *testing.T) {
	needChromium(t)
	needTool(t, "pdfinfo", "poppler-utils")
	dir := sitetest.ExampleSite(t)
	code, stdout, stderr := run(t, "calc", "-s", dir, "smm-mentoring", "--used", "3", "--format", "pdf")
	if code != 0 {
		t.Fatalf("calc: exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "%PDF-") {
		t.Fatalf("calc --format pdf printed no PDF: %.40q", stdout)
	}
	file := filepath.Join(t.TempDir(), "calc.pdf")
	sitetest.WriteFile(t, file, stdout)
	if info := tool(t, "pdfinfo", file); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("the calculation is not tagged:\n%s", info)
	}
	_, jsonOut, _ := run(t, "calc", "-s", dir, "smm-mentoring", "--used", "3", "--format", "json")
	m := regexp.MustCompile(`"refund":"(\d+)\.(\d\d)"`).FindStringSubmatch(jsonOut)
	if m == nil {
		t.Fatalf("no refund in %s", jsonOut)
	}
	text := strings.Join(strings.Fields(tool(t, "pdftotext", file, "-")), " ")
	// 47600.00 reads "47 600,00" (with a narrow or plain space).
	amount := regexp.MustCompile(`\s`).ReplaceAllString(text, "")
	if !strings.Contains(amount, m[1]+","+m[2]) {
		t.Errorf("the calculation PDF lacks the refund %s,%s", m[1], m[2])
	}
}

// TestExportWithoutBrowser says what to install, and exits 2.
func TestExportWithoutBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("OFERTA_CHROMIUM", "")
	out := t.TempDir()
	code, _, stderr := run(t, "export", "-s", sitetest.ExampleSite(t), "-o", out)
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr, "apt-get install chromium") || !strings.Contains(stderr, "OFERTA_CHROMIUM") {
		t.Errorf("the message does not say what to install:\n%s", stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files were written: %v", entries)
	}
}

// TestExportDOCX writes every course's contract as Word and opens each in
// LibreOffice: the PDF it makes holds every clause number (Word's own
// numbering) and the requisites.
func TestExportDOCX(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	out := t.TempDir()
	keep := filepath.Join(out, "notes.txt")
	sitetest.WriteFile(t, keep, "the user's own file")
	code, stdout, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "docx")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(keep); string(got) != "the user's own file" {
		t.Error("export touched a file of the user's in the folder")
	}
	files := strings.Fields(stdout)
	// Two documents per contract (the contract and its statement form):
	// the four courses, the English-speaking club in Russian and in
	// English.
	if len(files) != 10 {
		t.Fatalf("want a contract and a statement for each of the 5 contracts, got %v", files)
	}
	// The same input gives the same bytes.
	first, _ := os.ReadFile(files[0])
	if code, _, _ := run(t, "export", "-s", dir, "-o", out, "--format", "docx"); code != 0 {
		t.Fatal("second export failed")
	}
	if again, _ := os.ReadFile(files[0]); string(again) != string(first) {
		t.Error("two exports of the same site differ")
	}

	soffice := needTool(t, "soffice", "libreoffice-writer-nogui")
	pdfDir := t.TempDir()
	profile := "file://" + t.TempDir()
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", pdfDir}, files...)
	tool(t, soffice, args...)
	statements := 0
	for _, f := range files {
		// slug.lang.oferta.docx, slug.lang.refund.docx
		parts := strings.SplitN(filepath.Base(f), ".", 4)
		slug := parts[1] + "/" + parts[0]
		pdfFile := filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(f), ".docx")+".pdf")
		if _, err := os.Stat(pdfFile); err != nil {
			t.Errorf("LibreOffice did not convert %s: %v", f, err)
			continue
		}
		text := tool(t, "pdftotext", "-layout", pdfFile, "-")
		if parts[2] == "oferta" {
			checkText(t, filepath.Base(f), text, factsOf(t, dir, slug))
			continue
		}
		// The statement form: the seller and the contract filled in,
		// ruled blanks for the client, and the signature.
		statements++
		flat := strings.Join(strings.Fields(text), " ")
		want := []string{"165538412749", "hello@school.example", "https://school.example/", "______"}
		if parts[1] == "ru" {
			want = append(want, "Заявление", "В чём недостатки", "Подпись")
		} else {
			want = append(want, "Signature")
		}
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q:\n%s", filepath.Base(f), w, text)
			}
		}
	}
	if statements != 5 {
		t.Errorf("%d statement forms converted, want 5", statements)
	}
}

// TestDiffDOCX changes a deadline and a course text, writes `oferta diff
// --format docx`, and reads the tracked changes back through LibreOffice:
// the old number is a deletion and the new one an insertion, both by
// "oferta".
func TestDiffDOCX(t *testing.T) {
	dir := exampleSiteWithEditions(t)
	cfg := filepath.Join(dir, "oferta.toml")
	src, _ := os.ReadFile(cfg)
	if !strings.Contains(string(src), "payout_days = 10") {
		t.Fatal("the example site's payout_days changed; adjust the test")
	}
	sitetest.WriteFile(t, cfg, strings.Replace(string(src), "payout_days = 10", "payout_days = 7", 1))
	file := filepath.Join(t.TempDir(), "changes.docx")
	if code, _, stderr := run(t, "diff", "-s", dir, "--format", "docx", "-o", file); code != 0 {
		t.Fatalf("diff: exit %d\n%s", code, stderr)
	}
	soffice := needTool(t, "soffice", "libreoffice-writer-nogui")
	outDir := t.TempDir()
	tool(t, soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--convert-to", "fodt", "--outdir", outDir, file)
	fodt, err := os.ReadFile(filepath.Join(outDir, "changes.fodt"))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{} // change id → insertion | deletion
	for _, m := range regexp.MustCompile(`(?s)<text:changed-region[^>]*text:id="([^"]+)">\s*<text:(insertion|deletion)>\s*<office:change-info>\s*<dc:creator>([^<]*)</dc:creator>`).FindAllStringSubmatch(string(fodt), -1) {
		kinds[m[1]] = m[2]
		if m[3] != "oferta" {
			t.Errorf("change %s by %q, want oferta", m[1], m[3])
		}
	}
	got := map[string][]string{}
	for _, m := range regexp.MustCompile(`<text:change-start text:change-id="([^"]+)"/>([^<]*)<text:change-end`).FindAllStringSubmatch(string(fodt), -1) {
		got[kinds[m[1]]] = append(got[kinds[m[1]]], m[2])
	}
	if !slices.Contains(got["deletion"], "10") || !slices.Contains(got["insertion"], "7") {
		t.Errorf("LibreOffice does not see 10 deleted and 7 inserted: %v", got)
	}
}

// TestExportDraft: a contract that fails lint is not exported (exit 2, as
// SPEC lists 0 · 2 for export), unless as a draft, which says so at its top.
func TestExportDraft(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	cfg := filepath.Join(dir, "oferta.toml")
	src, _ := os.ReadFile(cfg)
	sitetest.WriteFile(t, cfg, strings.Replace(string(src), "payout_days = 10", "payout_days = 30", 1))
	out := t.TempDir()
	code, _, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "docx", "smm-mentoring")
	if code != 2 || !strings.Contains(stderr, "refund/payout-too-slow") || !strings.Contains(stderr, "--draft") {
		t.Fatalf("exit %d, want 2 (SPEC: export exits 0 or 2) with the finding and the way out:\n%s", code, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("files were written: %v", entries)
	}
	code, stdout, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "docx", "--draft", "smm-mentoring")
	if code != 0 {
		t.Fatalf("--draft: exit %d\n%s", code, stderr)
	}
	z, err := zip.OpenReader(strings.Fields(stdout)[0]) // the contract, then the statement
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		if !strings.Contains(string(b), "Черновик. Документ не прошёл проверку") {
			t.Error("the draft does not say it is one")
		}
	}
}
