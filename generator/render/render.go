package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/site"
)

// File is one output file, its path relative to the site root.
type File struct {
	Path string
	Data []byte
	// buf holds Data when the renderer lent it (see Renderer.Lend).
	buf *bytes.Buffer
}

// Recycle gives the buffers of lent files back to the renderer; their
// Data must not be used afterwards. Files that were not lent are left
// alone.
func Recycle(files []File) {
	for i := range files {
		if b := files[i].buf; b != nil {
			files[i].buf, files[i].Data = nil, nil
			b.Reset()
			pageBuffers.Put(b)
		}
	}
}

// Kinds of pages, each rendered by layouts/<kind>.html inside base.html.
var pageKinds = []string{"index", "contract", "faq", "refund", "calc", "changes", "withdraw", "widget"}

// Renderer renders the pages of one site with a compiled theme. It is
// safe for concurrent use.
type Renderer struct {
	site  *site.Site
	theme *Theme
	md    goldmark.Markdown
	// safe renders Markdown from course files: raw HTML is dropped there
	// even when the site allows it in clauses (unsafe_html).
	safe goldmark.Markdown
	// mdHTML is the HTML of Markdown converted at least twice, by its
	// source; mdOnce holds the hashes (by mdSeed) of Markdown converted
	// once. Only a hash: a text that names the course is seen once, and
	// keeping it would keep every contract's texts for the whole build.
	mdMu   sync.Mutex
	mdHTML map[string]template.HTML
	mdOnce map[uint64]struct{}
	mdSeed maphash.Seed
	// blocks keeps the clause blocks the contract layout made (blocks.go).
	blocks blockCache
	// units keeps the HTML of paragraphs and list items seen before, by
	// text, "" for a text that is not one paragraph; unitSeen the hashes
	// of those seen once (mdunits.go).
	unitsMu  sync.RWMutex
	units    map[string]string
	unitSeen map[uint64]bool
	// ldEntities keeps the JSON of the FAQ's questions (faqEntity).
	ldMu       sync.Mutex
	ldEntities map[string][]byte
	ldSeen     map[uint64]bool
	// Lend makes Course return pages in the renderer's own buffers instead
	// of copies, for a caller that writes each page out and then hands the
	// buffers back with Recycle: a large build then does not allocate its
	// whole output once more.
	Lend bool
	// Extra are files the theme does not have but pages need (calc.js).
	Extra []File
}

// New compiles the theme of s (see Compile) and returns a renderer of its
// pages.
func New(s *site.Site) (*Renderer, error) {
	t, err := Compile(s.Theme, s.Config.Jurisdiction)
	if err != nil {
		return nil, err
	}
	return t.Renderer(s), nil
}

// Renderer returns a renderer of the pages of s with the compiled theme t,
// which must have been compiled from s's theme for its jurisdiction (see
// Compiled). Making one is cheap: the preview server makes one for every
// rebuild and compiles the theme only when it changed.
func (t *Theme) Renderer(s *site.Site) *Renderer {
	r := &Renderer{site: s, theme: t, blocks: blockCache{blocks: map[blockKey]template.HTML{}}, mdHTML: map[string]template.HTML{}, mdOnce: map[uint64]struct{}{}, mdSeed: maphash.MakeSeed(), ldEntities: map[string][]byte{}, ldSeen: map[uint64]bool{}, units: map[string]string{}, unitSeen: map[uint64]bool{}}
	opts := []goldmark.Option{goldmark.WithExtensions(extension.Table, extension.Strikethrough)}
	if s.Config.UnsafeHTML {
		opts = append(opts, goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	}
	r.md = goldmark.New(opts...)
	r.safe = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	return r
}

// markdown renders clause Markdown to HTML. Most clauses read nothing
// that differs between courses, so the same Markdown comes back for
// course after course: its HTML is kept and converted only once. To keep
// memory low on large sites, HTML is kept only for Markdown seen before;
// text that one course alone has is converted and forgotten (its key is
// the contract's own string, so remembering it costs no copy).
// courseMarkdown renders Markdown a course file wrote (its [[faq]]
// answers), never keeping raw HTML.
func (r *Renderer) courseMarkdown(src string) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.safe.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

func (r *Renderer) markdown(src string) (template.HTML, error) {
	html, _, err := r.markdownShared(src)
	return html, err
}

// markdownShared is markdown that also reports whether src was converted
// before: the text is then likely one that many courses share.
func (r *Renderer) markdownShared(src string) (html template.HTML, shared bool, err error) {
	h := maphash.String(r.mdSeed, src)
	r.mdMu.Lock()
	html, ok := r.mdHTML[src]
	_, seen := r.mdOnce[h]
	r.mdMu.Unlock()
	if ok {
		return html, true, nil
	}
	if units, ok := r.markdownUnits(src); ok {
		html = template.HTML(units)
	} else {
		c := converters.Get().(*converter)
		defer converters.Put(c)
		c.out.Reset()
		c.w.Reset(&c.out)
		// goldmark writes through a bufio.Writer; given one, it does not
		// make its own (4 KiB) for every conversion.
		if err := r.md.Convert([]byte(src), c.w); err != nil {
			return "", false, err
		}
		if err := c.w.Flush(); err != nil {
			return "", false, err
		}
		html = template.HTML(c.out.String())
	}
	// Two texts of the same hash only make the second one kept (and
	// reported shared) sooner: the HTML is kept by the whole text.
	r.mdMu.Lock()
	if seen {
		r.mdHTML[src] = html
	} else {
		r.mdOnce[h] = struct{}{}
	}
	r.mdMu.Unlock()
	return html, seen, nil
}

// converter is where goldmark writes one conversion.
type converter struct {
	out bytes.Buffer
	w   *bufio.Writer
}

var converters = sync.Pool{New: func() any {
	c := &converter{}
	c.w = bufio.NewWriter(&c.out)
	return c
}}

// page executes the layout of p.Kind.
func (r *Renderer) page(p *Page) ([]byte, error) {
	b, err := r.pageBuffer(p)
	if err != nil {
		return nil, err
	}
	defer pageBuffers.Put(b)
	// One allocation of the page's size, instead of the doublings of a
	// fresh buffer; the buffer goes back for the next page.
	return bytes.Clone(b.Bytes()), nil
}

// pageBuffer executes the layout of p.Kind into a buffer of pageBuffers.
func (r *Renderer) pageBuffer(p *Page) (*bytes.Buffer, error) {
	lt, ok := r.theme.layouts[p.Lang+"/"+p.Kind]
	if !ok {
		return nil, fmt.Errorf("no layout for %s pages in %q", p.Kind, p.Lang)
	}
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	if err := lt.execute(b, "base", p); err != nil {
		pageBuffers.Put(b)
		return nil, r.theme.templateError(lt, err, r.theme.from.Dir)
	}
	if p.Lang != "ru" {
		// Russian names and requisites on a page in another language
		// are marked as Russian (lang="ru").
		if marked := markCyrillic(b.Bytes()); len(marked) != b.Len() {
			b.Reset()
			b.Write(marked)
		}
	}
	return b, nil
}

// pageBuffers hold pages while their templates execute.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// rootFrom returns the relative path from a page folder to the site root.
func rootFrom(pagePath string) string {
	n := strings.Count(strings.Trim(pagePath, "/"), "/") + 1
	if strings.Trim(pagePath, "/") == "" {
		return ""
	}
	return strings.Repeat("../", n)
}

func (r *Renderer) siteView(l string) *SiteView {
	cfg := r.site.Config
	s := cfg.Seller
	return &SiteView{
		Title:        cfg.Title,
		BaseURL:      cfg.BaseURL,
		Jurisdiction: cfg.Jurisdiction,
		Languages:    cfg.Languages,
		Edition:      lang.Date(l, cfg.Edition),
		EditionISO:   cfg.Edition.Format("2006-01-02"),
		Seller: SellerView{Name: s.Name, Kind: s.Kind, INN: s.INN, OGRN: s.OGRN, VATID: s.VATID,
			Register: s.Register, Address: s.Address, Email: s.Email, Phone: s.Phone},
		WithdrawHref: r.withdrawHref(l),
	}
}

func (r *Renderer) newPage(kind, l, p, title string, draft bool) *Page {
	pg := &Page{Kind: kind, Lang: l, Root: rootFrom(p), Path: p, Title: title, Draft: draft, Site: r.siteView(l)}
	if r.site.Config.BaseURL != "" {
		pg.Canonical = r.site.Config.BaseURL + p
	}
	return pg
}

// Course renders the contract, FAQ and statement pages of one course, and
// when it has frozen editions each one at its permanent address and the
// page of changes.
func (r *Renderer) Course(k *contract.Contract, st edition.Status, draft bool) ([]File, error) {
	l := k.Lang
	cv := r.courseView(k)
	cv.EditionHref = cv.ContractHref
	if st.InForceDoc != nil {
		cv.EditionHref = editionHref(cv, st.InForceDoc)
	}
	if !st.Live() && st.InForceDoc.Terms != nil {
		// A scheduled edition waits: the pages state the numbers of the
		// edition in force.
		inForceTerms(cv, st.InForceDoc.Terms, l)
	}
	inForce := lang.Date(l, st.InForce)
	dir := contract.CoursePath(r.site, k.Course)
	var files []File
	add := func(kind, sub, title string, fill func(*Page) error) error {
		p := dir + sub + "/"
		pg := r.newPage(kind, l, p, title, draft)
		pg.Course = cv
		pg.Site.Edition, pg.Site.EditionISO = inForce, st.InForce.Format("2006-01-02")
		if err := fill(pg); err != nil {
			return fmt.Errorf("%s: %w", k.Course.File, err)
		}
		if r.Lend {
			b, err := r.pageBuffer(pg)
			if err != nil {
				return inCourse(k.Course.File, err)
			}
			files = append(files, File{Path: p + "index.html", Data: b.Bytes(), buf: b})
			return nil
		}
		data, err := r.page(pg)
		if err != nil {
			return inCourse(k.Course.File, err)
		}
		files = append(files, File{Path: p + "index.html", Data: data})
		return nil
	}
	links := r.editionLinks(k, st)
	var coming *EditionLink
	for i := range links {
		if links[i].State == "coming" {
			c := links[i] // the last one listed is the soonest
			coming = &c
		}
	}
	var live *ContractView
	if err := add("contract", "oferta", titleOf(r.contractTitle(l), k.Course.Title), func(pg *Page) error {
		var err error
		if st.Live() {
			pg.Contract, err = r.contractView(k)
			live = pg.Contract
		} else {
			// A scheduled edition is frozen and the current text reads as
			// it: the contract in force is the frozen one until that day.
			pg.Contract, err = r.docView(st.InForceDoc)
		}
		if err != nil {
			return err
		}
		pg.Contract.Edition, pg.Contract.EditionISO = inForce, st.InForce.Format("2006-01-02")
		pg.Contract.Editions = links
		pg.Contract.Next = coming
		if st.InForceDoc != nil {
			pg.Contract.PermanentHref = cv.EditionHref
			pg.Contract.PermanentURL = r.site.Config.BaseURL + cv.EditionHref
			pg.Contract.SHA256 = st.InForceDoc.SHA256
		}
		if len(st.Earlier) > 0 || len(st.Coming) > 0 || st.Stale {
			pg.ChangesHref = cv.ContractHref + "changes/"
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var faq *FAQView // the FAQ page's, whose calculator the widget shows
	if err := add("faq", "faq", titleOf(r.pageTitle(l, "faq"), k.Course.Title), func(pg *Page) error {
		var err error
		pg.FAQ, err = r.faqView(k, pg, r.termsInForce(k, st))
		if err == nil && pg.FAQ != nil && pg.FAQ.Calculator != nil {
			pg.FAQ.Calculator.Labels, err = stepLabels(contractInForce(k, st))
		}
		if pg.FAQ != nil {
			pg.FAQ.Edition, pg.FAQ.EditionISO = inForce, iso(st.InForce)
			pg.FAQ.Coming = coming
		}
		faq = pg.FAQ
		return err
	}); err != nil {
		return nil, err
	}
	if err := r.addWidget(k, st, faq, add, titleOf(r.pageTitle(l, "faq"), k.Course.Title)); err != nil {
		return nil, err
	}
	if err := add("refund", "refund", titleOf(r.statementTitle(l), k.Course.Title), func(pg *Page) error {
		var err error
		pg.Statement, err = r.statementView(k, cv, st, links)
		return err
	}); err != nil {
		return nil, err
	}
	if site.EUJurisdiction(r.site.Config.Jurisdiction) {
		if err := add("withdraw", "withdraw", titleOf(r.theme.strings[l]["withdraw_heading"], k.Course.Title), func(pg *Page) error {
			r.courseWithdraw(k, pg)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	archive, err := r.editionPages(k, st, cv, live, draft)
	if err != nil {
		return nil, err
	}
	files = append(files, archive...)
	changes, err := r.changesPage(k, st, cv, draft)
	if err != nil {
		return nil, err
	}
	if changes != nil {
		files = append(files, *changes)
	}
	return files, nil
}

// inCourse says which course's page failed to render. An error at a
// place in the theme stays at that place and names the course.
func inCourse(file string, err error) error {
	var e *site.Error
	if errors.As(err, &e) {
		return &site.Error{File: e.File, Line: e.Line, Col: e.Col, Err: fmt.Errorf("%w (rendering a page of %s)", e.Err, file)}
	}
	return fmt.Errorf("%s: %w", file, err)
}

// inForceTerms puts the price, duration and deadlines an edition recorded
// into a course's view.
func inForceTerms(cv *CourseView, t *edition.Terms, l string) {
	rt, err := t.Refund()
	if err != nil {
		return // checked when the edition was loaded
	}
	price := money.Round(rt.Price, rt.Currency)
	cv.Price, cv.PricePlain = money.Format(price, l), price.String()
	cv.Duration, _ = lang.Units(l, t.DurationCount, t.DurationUnit)
	cv.ReviewDays, cv.PayoutDays = lang.Days(l, t.ReviewDays), lang.Days(l, t.PayoutDays)
}

// termsInForce returns the refund terms of the edition in force: the
// contract's own while it is in force, the terms recorded with the
// frozen edition in force while a scheduled one waits (nil when that
// edition was frozen before terms were recorded: the pages then show no
// table and no calculator rather than the scheduled numbers).
// contractInForce is k under the edition in force: its price, percentages,
// deductions and formula, as `oferta calc` computes without --paid-on.
func contractInForce(k *contract.Contract, st edition.Status) *contract.Contract {
	if st.Live() {
		return k
	}
	if u, err := st.InForceDoc.Contract(k); err == nil {
		return u
	}
	return k
}

func (r *Renderer) termsInForce(k *contract.Contract, st edition.Status) *refund.Terms {
	if st.Live() {
		return k.Terms
	}
	if st.InForceDoc.Terms == nil {
		return nil
	}
	t, err := st.InForceDoc.Terms.Refund()
	if err != nil {
		return nil // checked when the edition was loaded
	}
	return t
}

// Assets returns the theme's assets plus the extra files, at their paths
// under assets/ in the output. The bytes are the loaded theme's own.
func (r *Renderer) Assets() ([]File, error) {
	var files []File
	for _, f := range r.theme.from.Assets {
		files = append(files, File{Path: f.Path, Data: f.Data})
	}
	files = append(files, r.Extra...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// Sitemap lists every HTML page but the widgets (see InSitemap). Without a
// base_url the locations are relative paths, which keeps the file useful
// as a page list.
func Sitemap(baseURL string, files []File) File {
	var paths []string
	for _, f := range files {
		if path.Base(f.Path) == "index.html" && InSitemap(f.Path) {
			paths = append(paths, strings.TrimSuffix(f.Path, "index.html"))
		}
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range paths {
		b.WriteString("  <url><loc>")
		template.HTMLEscape(&b, []byte(baseURL+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return File{Path: SitemapPath, Data: b.Bytes()}
}

// SitemapPath is where Sitemap's file goes.
const SitemapPath = "sitemap.xml"

// jsonLD serialises v for a <script type="application/ld+json"> element.
// encoding/json escapes <, > and & so the text cannot close the element.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// titleOf names a page of a course: "Договор-оферта: Курс". A course title
// that has a colon of its own ("Наставничество по SMM: 8 недель") is set
// off by a dash instead, so the title does not read as two labels.
func titleOf(doc, course string) string {
	if strings.Contains(course, ":") {
		return doc + " — " + course
	}
	return doc + ": " + course
}
