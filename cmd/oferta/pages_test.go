package main

import (
	"github.com/oferta-dev/oferta/generator/sitetest"

	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/oferta-dev/oferta/generator/chrometest"
)

// servedExample builds the example school with its editions and serves
// public/; it returns the browser context and the server's address.
func servedExample(t *testing.T) (context.Context, string) {
	t.Helper()
	ctx := chrometest.New(t, 3*time.Minute)
	dir := exampleSiteWithEditions(t)
	mustBuild(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "public"))))
	t.Cleanup(srv.Close)
	return ctx, srv.URL
}

// emulateMedia switches the page between "screen" ("") and "print" CSS.
func emulateMedia(ctx context.Context, t *testing.T, media string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
}

// visibleText is the text a reader sees (innerText skips what CSS hides).
func visibleText(ctx context.Context, t *testing.T) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPrintedFAQNamesNoCalculator: on screen the answer on a partial
// refund points to the calculator; on paper, where the calculator is
// hidden, no sentence speaks of it.
func TestPrintedFAQNamesNoCalculator(t *testing.T) {
	ctx, base := servedExample(t)
	for _, c := range []struct{ page, sentence string }{
		{"/smm-mentoring/faq/", "Калькулятор на этой странице"},
		{"/en/english-speaking-club/faq/", "calculator on this page"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+c.page), chromedp.WaitVisible(chromedp.CSS("#calculator"))); err != nil {
			t.Fatalf("%s: %v", c.page, err)
		}
		emulateMedia(ctx, t, "")
		if !strings.Contains(visibleText(ctx, t), c.sentence) {
			t.Errorf("%s: on screen, no pointer to the calculator (%q)", c.page, c.sentence)
		}
		emulateMedia(ctx, t, "print")
		printed := visibleText(ctx, t)
		for _, word := range []string{"алькулятор", "alculator"} {
			if strings.Contains(printed, word) {
				i := strings.Index(printed, word)
				t.Errorf("%s: the printed page speaks of a calculator it hides: …%s…", c.page, printed[max(0, i-80):min(len(printed), i+80)])
			}
		}
		emulateMedia(ctx, t, "")
	}
}

// TestChangesPage: each changed clause names its title once (in its
// heading, as a redline when the title changed), its text shows words,
// not Markdown's bold marks, and the course's
// "contract" tab is marked current, in the markup and in its style.
func TestChangesPage(t *testing.T) {
	ctx, base := servedExample(t)
	for _, p := range []string{"/smm-mentoring/oferta/changes/", "/en/english-speaking-club/oferta/changes/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const out = [];
			const arts = document.querySelectorAll("article.change");
			if (arts.length === 0) out.push("no changes listed");
			for (const a of arts) {
				const h = a.querySelector(".change__title");
				const t = h.querySelector(".redline--title");
				const num = h.querySelector(".num").textContent;
				const titles = t ? Array.from(t.querySelectorAll("ins, del, span")).map((e) => e.textContent.trim()) :
					[h.textContent.slice(h.textContent.indexOf(num) + num.length).trim()];
				const body = a.querySelector(".redline:not(.redline--title)");
				if (!body) continue;
				const text = body.textContent.trim();
				if (text.includes("**")) out.push(num + " shows Markdown's ** marks");
				for (const title of titles) {
					if (title && (text === title || text.startsWith(title + "\n"))) out.push(num + " repeats its title «" + title + "» in the text");
				}
			}
			const tab = document.querySelector(".course-nav a[aria-current]");
			if (!tab) {
				out.push("no course tab is marked current");
			} else {
				if (!/\/oferta\/$/.test(tab.getAttribute("href"))) out.push("the current tab is " + tab.getAttribute("href") + ", not the contract");
				const s = getComputedStyle(tab);
				if (s.borderBottomColor === "rgba(0, 0, 0, 0)" || Number(s.fontWeight) < 700) out.push("the current tab looks like the others");
			}
			return out;
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range problems {
			t.Errorf("%s: %s", p, m)
		}
	}
}

// TestNoBreakInUserStrings: a course's title, duration and the seller's
// address never break between a number and its word («8 недель», «офис
// 3», «80 000 ₽») in the titles, the course cards and the requisites.
func TestNoBreakInUserStrings(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	tree := mustBuild(t, dir)
	broken := regexp.MustCompile(`\d \p{L}|\p{L}\.? \d|№ \d|\d \d{3}|\d [₽€%]`)
	parts := []struct {
		page string
		re   *regexp.Regexp
	}{
		{"smm-mentoring/oferta/index.html", regexp.MustCompile(`<span class="doc-subtitle">([^<]*)</span>`)},
		{"smm-mentoring/faq/index.html", regexp.MustCompile(`<p class="course-nav__title">([^<]*)</p>`)},
		{"smm-mentoring/refund/index.html", regexp.MustCompile(`(?s)<p class="statement__to-body">(.*?)</p>`)},
		{"index.html", regexp.MustCompile(`(?s)<h2 class="course-card__title">(.*?)</h2>`)},
		{"index.html", regexp.MustCompile(`(?s)<dl class="facts">(.*?)</dl>`)},
	}
	for _, p := range parts {
		page := tree[p.page]
		ms := p.re.FindAllStringSubmatch(page, -1)
		if len(ms) == 0 {
			t.Errorf("%s: nothing matches %s", p.page, p.re)
		}
		for _, m := range ms {
			// Tags end a piece of text; runs of markup white space read
			// as one space (a no-break space stays what it is).
			text := regexp.MustCompile(`\s*<[^>]*>\s*`).ReplaceAllString(m[1], " | ")
			text = regexp.MustCompile(`[ \t\r\n]+`).ReplaceAllString(text, " ")
			if loc := broken.FindStringIndex(text); loc != nil {
				t.Errorf("%s: a line may break inside %q in %q", p.page, text[loc[0]:loc[1]], text)
			}
		}
	}
	for page, want := range map[string]string{
		"smm-mentoring/oferta/index.html": "SMM: 8\u00a0недель",
		"smm-mentoring/refund/index.html": "офис\u00a03",
	} {
		if !strings.Contains(tree[page], want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
}

// TestRussianMarkedOnOtherPages: on the English pages of the example
// school, every Russian word (the seller's name, the address and bank
// details in the requisites, Russian terms) is inside lang="ru".
func TestRussianMarkedOnOtherPages(t *testing.T) {
	dir := exampleSiteWithEditions(t)
	tree := mustBuild(t, dir)
	raw := regexp.MustCompile(`(?is)<(script|style|title|textarea|option)\b.*?</(script|style|title|textarea|option)>`)
	marked := regexp.MustCompile(`<span lang="ru">[^<]*</span>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	cyr := regexp.MustCompile(`[^\s<>]*\p{Cyrillic}[^\s<>]*`)
	checked, spans := 0, 0
	for _, p := range htmlPages(tree) {
		if !strings.HasPrefix(p, "en/") {
			continue
		}
		checked++
		page := tree[p]
		spans += len(marked.FindAllString(page, -1))
		text := tag.ReplaceAllString(marked.ReplaceAllString(raw.ReplaceAllString(page, ""), ""), " ")
		if left := cyr.FindAllString(text, 5); len(left) > 0 {
			t.Errorf("%s: Russian outside lang=\"ru\": %q", p, left)
		}
	}
	if checked == 0 || spans == 0 {
		t.Errorf("checked %d English pages with %d Russian runs: the example school has Russian requisites on them", checked, spans)
	}
}

// TestContractSideContents: on a wide screen the contract's table of
// contents stands beside the text and stays in view (sticky), so clause
// 1 starts near the top instead of after the whole list; on a phone it
// stays above the text, and each section ends with a link back to it.
func TestContractSideContents(t *testing.T) {
	ctx, base := servedExample(t)
	type box struct {
		Position               string
		TocLeft, TocRight      float64
		TextLeft, FirstSection float64
		TocTopAfterScroll      float64
		BackLinks, BackVisible int
		BackHref               string
	}
	measure := func(width int64) box {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+"/smm-mentoring/oferta/")); err != nil {
			t.Fatal(err)
		}
		b, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => {
			const toc = document.querySelector(".toc"), text = document.querySelector(".contract");
			const tr = toc.getBoundingClientRect(), xr = text.getBoundingClientRect();
			const first = document.querySelector(".contract-section").getBoundingClientRect().top + scrollY;
			const backs = Array.from(document.querySelectorAll(".back-to-toc a"));
			scrollTo({top: 3000, behavior: "instant"});
			const after = toc.getBoundingClientRect().top;
			scrollTo({top: 0, behavior: "instant"});
			return {Position: getComputedStyle(toc).position, TocLeft: tr.left, TocRight: tr.right, TextLeft: xr.left,
				FirstSection: first, TocTopAfterScroll: after, BackLinks: backs.length,
				BackVisible: backs.filter((a) => a.offsetParent !== null).length, BackHref: backs.length ? backs[0].getAttribute("href") : ""};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	wide := measure(1280)
	if wide.Position != "sticky" || wide.TocRight > wide.TextLeft {
		t.Errorf("at 1280 px the table of contents is not a sticky column beside the text: %+v", wide)
	}
	if wide.FirstSection > 700 {
		t.Errorf("at 1280 px section 1 starts %.0f px down the page, after the table of contents", wide.FirstSection)
	}
	if wide.TocTopAfterScroll < 0 || wide.TocTopAfterScroll > 100 {
		t.Errorf("at 1280 px the table of contents scrolls away (its top at %.0f px after scrolling)", wide.TocTopAfterScroll)
	}
	phone := measure(phoneWidth)
	if phone.Position == "sticky" {
		t.Errorf("on a phone the table of contents is sticky: %+v", phone)
	}
	if phone.BackLinks == 0 || phone.BackVisible != phone.BackLinks || phone.BackHref != "#toc" {
		t.Errorf("on a phone the sections do not end with a visible link back to the contents: %+v", phone)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
}

// TestContractPrintedPages prints a contract as `oferta export` does and
// reads its pages: each page after the first names the document at its
// top (a running header), the first does not, and no page ends on a line
// that leads into what follows («В курс входит:» alone at a page's foot).
func TestContractPrintedPages(t *testing.T) {
	needChromium(t)
	needTool(t, "pdftotext", "poppler-utils")
	dir := sitetest.ExampleSite(t)
	out := t.TempDir()
	if code, _, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "pdf", "smm-mentoring", "ru/english-speaking-club"); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	for file, header := range map[string]string{
		"smm-mentoring.ru.oferta.pdf":         "Договор-оферта — Наставничество по SMM: 8 недель · Редакция от 1 декабря 2026 г.",
		"english-speaking-club.ru.oferta.pdf": "Договор-оферта — Разговорный клуб английского языка",
	} {
		pages := strings.Split(tool(t, "pdftotext", "-layout", filepath.Join(out, file), "-"), "\f")
		if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
			pages = pages[:len(pages)-1]
		}
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages", file, len(pages))
		}
		for i, pg := range pages {
			var lines []string
			for _, ln := range strings.Split(pg, "\n") {
				if s := strings.Join(strings.Fields(ln), " "); s != "" {
					lines = append(lines, s)
				}
			}
			top := lines[0]
			if i == 0 && strings.Contains(top, header) {
				t.Errorf("%s: page 1 carries the running header %q", file, top)
			}
			if i > 0 && !strings.Contains(top, header) {
				t.Errorf("%s: page %d starts with %q, not the running header %q", file, i+1, top, header)
			}
			// The last line is the page number ("2 / 9"); the one above
			// it is the text's last line on that page.
			if len(lines) >= 2 {
				last := lines[len(lines)-2]
				if regexp.MustCompile(`^\d+ / \d+$`).MatchString(lines[len(lines)-1]) && strings.HasSuffix(last, ":") {
					t.Errorf("%s: page %d ends on %q, cut off from what it introduces", file, i+1, last)
				}
			}
		}
	}
}

// TestStatementLayout: on screen every label of the statement sits above
// its field, and the signature's blank stands level with the date's
// field; on paper, each empty «what is wrong» field becomes at least four
// evenly ruled lines, at least 30 mm high, and signature and date stay
// level.
func TestStatementLayout(t *testing.T) {
	ctx, base := servedExample(t)
	type layout struct {
		Problems []string
	}
	check := func(what string) {
		t.Helper()
		l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`(() => {
			const out = [];
			const print = matchMedia("print").matches;
			const box = (e) => e.getBoundingClientRect();
			if (!print) {
				for (const line of document.querySelectorAll(".statement .line")) {
					const label = line.querySelector(":scope > label, :scope > .line__label");
					const field = line.querySelector(":scope > input, :scope > textarea, :scope > select, :scope > .blank, :scope > output");
					if (!label || !field || line.offsetParent === null) continue;
					if (box(label).bottom > box(field).top + 1) out.push("label «" + label.textContent + "» is not above its field");
				}
			}
			const date = document.querySelector("#st-date"), sign = document.querySelector(".line--signature .blank");
			// Side by side (not stacked on a narrow screen), they stand level.
			const sideBySide = box(sign).left >= box(date).right;
			if (sideBySide && Math.abs(box(date).bottom - box(sign).bottom) > 1) out.push("the signature's line is " + (box(sign).bottom - box(date).bottom).toFixed(1) + " px below the date's");
			if (print) {
				for (const area of document.querySelectorAll(".choice-details textarea")) {
					const ruled = area.parentElement.querySelector(".ruled");
					if (getComputedStyle(area).display !== "none" || !ruled || getComputedStyle(ruled).display === "none") {
						out.push(area.id + ": printed as a field, not as ruled lines");
						continue;
					}
					const lines = ruled.querySelectorAll("span");
					const widths = new Set(Array.from(lines).map((s) => getComputedStyle(s).borderBottomWidth));
					const mm = box(ruled).height * 25.4 / 96;
					if (lines.length < 4 || mm < 30 || widths.size !== 1) out.push(area.id + ": " + lines.length + " lines, " + mm.toFixed(1) + " mm, rule widths " + Array.from(widths).join(" "));
				}
			}
			return {Problems: out};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Problems {
			t.Errorf("%s: %s", what, p)
		}
	}
	for _, width := range []int64{1280, phoneWidth} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+"/smm-mentoring/refund/")); err != nil {
			t.Fatal(err)
		}
		emulateMedia(ctx, t, "")
		check(fmt.Sprintf("screen %d px", width))
	}
	// A4 is 210 mm wide: about 794 CSS pixels.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(794, 1123)); err != nil {
		t.Fatal(err)
	}
	emulateMedia(ctx, t, "print")
	sideBySide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".line--signature .blank").getBoundingClientRect().left >= document.querySelector("#st-date").getBoundingClientRect().right`))
	if err != nil || !sideBySide {
		t.Errorf("on paper the date and the signature are not side by side (%v)", err)
	}
	check("print")
	emulateMedia(ctx, t, "")
}

// TestPhoneTabsAndClauses: on a 390 px phone the course's tabs stay in
// one row (a strip that scrolls sideways if it must), and a clause's text
// takes the width of the screen less its margins, not 80 px less.
func TestPhoneTabsAndClauses(t *testing.T) {
	ctx, base := servedExample(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/smm-mentoring/oferta/", "/en/english-speaking-club/refund/", "/recorded-excel/faq/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatal(err)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const out = [];
			const tops = new Set(Array.from(document.querySelectorAll(".course-nav li")).map((li) => Math.round(li.getBoundingClientRect().top)));
			if (tops.size !== 1) out.push("the course's tabs wrap into " + tops.size + " rows");
			if (document.documentElement.scrollWidth > innerWidth) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
			const main = document.querySelector("main").getBoundingClientRect();
			const pad = parseFloat(getComputedStyle(document.querySelector("main")).paddingLeft) + parseFloat(getComputedStyle(document.querySelector("main")).paddingRight);
			for (const body of Array.from(document.querySelectorAll(".clause__body")).slice(0, 20)) {
				const lost = main.width - pad - body.getBoundingClientRect().width;
				if (lost > 8) { out.push("a clause's text loses " + Math.round(lost) + " px to indentation"); break; }
			}
			return out;
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range problems {
			t.Errorf("%s: %s", p, m)
		}
	}
}

// TestPDFTagTrees reads the structure of every kind of PDF oferta prints
// (contract, statement, calculation) as a screen reader would get it,
// after the checks of PDF/UA that poppler can make: tagged, the language
// and the title set for display, a tag tree whose first heading is H1
// and which holds the document's parts (headings, lists, form fields,
// table cells).
func TestPDFTagTrees(t *testing.T) {
	needChromium(t)
	needTool(t, "pdfinfo", "poppler-utils")
	dir := sitetest.ExampleSite(t)
	out := t.TempDir()
	if code, _, stderr := run(t, "export", "-s", dir, "-o", out, "--format", "pdf", "smm-mentoring"); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	code, calc, stderr := run(t, "calc", "-s", dir, "smm-mentoring", "--used", "3", "--format", "pdf")
	if code != 0 {
		t.Fatalf("calc: exit %d\n%s", code, stderr)
	}
	calcPDF := filepath.Join(out, "calc.pdf")
	sitetest.WriteFile(t, calcPDF, calc)
	for _, c := range []struct {
		file string
		tags []string // each at least once in the tree
	}{
		{filepath.Join(out, "smm-mentoring.ru.oferta.pdf"), []string{"H1 (block)", "H2 (block)", "H3 (block)", "L (block)", "LI (block)", "Link (inline)"}},
		{filepath.Join(out, "smm-mentoring.ru.refund.pdf"), []string{"H1 (block)", "H2 (block)", "Form"}},
		{calcPDF, []string{"H1 (block)", "H2 (block)", "TH", "TD"}},
	} {
		name := filepath.Base(c.file)
		if info := tool(t, "pdfinfo", c.file); !strings.Contains(info, "Tagged:          yes") {
			t.Errorf("%s is not tagged", name)
		}
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"/Lang (ru)", "/DisplayDocTitle true"} {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		tree := tool(t, "pdfinfo", "-struct", c.file)
		if !strings.HasPrefix(tree, "Document") {
			t.Errorf("%s: the tag tree does not start with Document:\n%.300s", name, tree)
		}
		for _, tag := range c.tags {
			if !strings.Contains(tree, tag) {
				t.Errorf("%s: the tag tree has no %s", name, tag)
			}
		}
		if m := regexp.MustCompile(`\bH[1-6]\b`).FindString(tree); m != "H1" {
			t.Errorf("%s: the first heading is %q, not H1 (PDF/UA, Matterhorn 14-002)", name, m)
		}
	}
}

// TestNoDoublePeriodAfterDate: a sentence that ends on a Russian date
// («1 декабря 2026 г.») takes no second period.
func TestNoDoublePeriodAfterDate(t *testing.T) {
	tree := mustBuild(t, exampleSiteWithEditions(t))
	double := regexp.MustCompile(`г\.(</time>)?(</a>)?\.`)
	for _, p := range htmlPages(tree) {
		if m := double.FindString(tree[p]); m != "" {
			t.Errorf("%s: %q", p, m)
		}
	}
}
