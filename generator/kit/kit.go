package kit

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"path"
	"strings"
	ttemplate "text/template"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/oferta-dev/oferta/generator/checkout"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/refund"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

//go:embed texts/*.toml index.html
var files embed.FS

// texts are one language's labels and documents.
type texts struct {
	IndexTitle string `toml:"index_title"`
	IndexIntro string `toml:"index_intro"`
	Subject    string `toml:"subject"`
	Copy       string `toml:"copy"`
	Copied     string `toml:"copied"`
	CopyFailed string `toml:"copy_failed"`
	Empty      string `toml:"empty"`
	// Checkout titles and explains the checkout texts of an eu, de or ro
	// site (package checkout); Title and Note are text/templates over
	// docData.
	Checkout struct {
		Title string `toml:"title"`
		Note  string `toml:"note"`
	} `toml:"checkout"`
	// Embed titles, explains and labels embed.md (see Embed).
	Embed embedTexts `toml:"embed"`
	Docs  []textDoc  `toml:"doc"`
}

// textDoc is one document as written in texts/<lang>.toml; Title, Note,
// Subject and Body are text/templates over docData.
type textDoc struct {
	ID            string   `toml:"id"`
	Title         string   `toml:"title"`
	Note          string   `toml:"note"`
	Subject       string   `toml:"subject"`
	Body          string   `toml:"body"`
	Jurisdictions []string `toml:"jurisdictions"`
	// Partial: only for a course whose refund can be less than the
	// amount paid (a formula that depends on what was used, or anything
	// withheld); a flat course that withholds nothing has no partial
	// refund to explain.
	Partial bool `toml:"partial"`
	// MailtoOnly: only for a site whose withdrawal function composes an
	// e-mail (no [withdrawal] endpoint), where nobody but the seller
	// acknowledges a withdrawal's receipt.
	MailtoOnly bool `toml:"mailto_only"`
}

// wanted reports whether document td belongs in the kit of course k.
func (td textDoc) wanted(s *site.Site, k *contract.Contract) bool {
	if len(td.Jurisdictions) > 0 && !contains(td.Jurisdictions, s.Config.Jurisdiction) {
		return false
	}
	if td.Partial && !canBePartial(k) {
		return false
	}
	if td.MailtoOnly && (!s.Config.HasWithdrawalFunction() || s.Config.Withdrawal.Endpoint != "") {
		return false
	}
	return true
}

// canBePartial reports whether a course's refund can be less than what
// was paid: any formula but the flat one, or the flat one with anything
// withheld.
func canBePartial(k *contract.Contract) bool {
	r := k.Course.Refund
	flat := k.Terms != nil && k.Terms.PolicyID == refund.PolicyFlat
	return !flat || withholds(r)
}

// withholds reports whether the refund terms withhold anything: a
// deduction, a payment fee or a retained share.
func withholds(r site.RefundSettings) bool {
	return len(r.Deductions) > 0 || (r.BankFeePercent != nil && r.BankFeePercent.Sign() > 0) || (r.RetentionPercent != nil && r.RetentionPercent.Sign() > 0)
}

// Doc is one text of a course's kit, filled in.
type Doc struct {
	ID      string // file name without .md: "request-statement"
	Title   string // what the text is for
	Note    string // for the seller only: when and how to use it
	Subject string // the e-mail's subject; "" for a text that is no e-mail
	Body    string // the text to send; [brackets] mark what to fill in
	Path    string // "smm/request-statement.md", from the kit's root
}

// Course is the kit of one course.
type Course struct {
	Title string
	Lang  string
	Dir   string // "smm/", "en/club/"
	Docs  []Doc
	Embed *Embed // the embed snippets (embed.md)
}

func loadTexts(l string) (*texts, error) {
	data, err := files.ReadFile("texts/" + l + ".toml")
	if err != nil {
		return nil, fmt.Errorf("the kit has no texts in %q", l)
	}
	t := &texts{}
	md, err := toml.Decode(string(data), t)
	if err != nil {
		return nil, fmt.Errorf("kit texts/%s.toml: %w", l, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("kit texts/%s.toml: unknown key %s", l, u[0])
	}
	return t, nil
}

// Courses fills in every document of every course. status is each
// contract's standing against its frozen editions (build.Checked.Status),
// by index of contracts: the texts name the edition in force.
func Courses(s *site.Site, contracts []*contract.Contract, status []edition.Status) ([]Course, error) {
	if len(status) != len(contracts) {
		return nil, fmt.Errorf("kit: %d edition statuses for %d contracts", len(status), len(contracts))
	}
	cache := map[string]*texts{}
	slugs := map[string]int{}
	for _, k := range contracts {
		slugs[k.Course.Slug]++
	}
	var out []Course
	for i, k := range contracts {
		t, ok := cache[k.Lang]
		if !ok {
			var err error
			if t, err = loadTexts(k.Lang); err != nil {
				return nil, err
			}
			cache[k.Lang] = t
		}
		ed := inForce(s, k, status[i])
		data := newDocData(s, k, ed, slugs[k.Course.Slug] > 1)
		c := Course{Title: k.Course.Title, Lang: k.Lang, Dir: contract.CoursePath(s, k.Course)}
		for _, td := range t.Docs {
			if !td.wanted(s, k) {
				continue
			}
			d := Doc{ID: td.ID, Path: c.Dir + td.ID + ".md"}
			for _, f := range []struct {
				dst *string
				src string
			}{{&d.Title, td.Title}, {&d.Note, td.Note}, {&d.Subject, td.Subject}, {&d.Body, td.Body}} {
				text, err := fill(k.Lang, td.ID, f.src, data)
				if err != nil {
					return nil, err
				}
				*f.dst = text
			}
			c.Docs = append(c.Docs, d)
		}
		if site.EUJurisdiction(s.Config.Jurisdiction) {
			d, err := checkoutDoc(s, k, t, ed, data, c.Dir)
			if err != nil {
				return nil, err
			}
			c.Docs = append(c.Docs, d)
		}
		e, err := embedDoc(s, k, status[i], t, ed, data, c.Dir)
		if err != nil {
			return nil, err
		}
		c.Embed = e
		if len(c.Docs) > 0 { // none yet for this course's law
			out = append(out, c)
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fill executes one text template of a document.
func fill(l, id, src string, data any) (string, error) {
	tmpl, err := ttemplate.New(id).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", fmt.Errorf("kit texts/%s.toml, doc %q: %w", l, id, err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data); err != nil {
		return "", fmt.Errorf("kit texts/%s.toml, doc %q: %w", l, id, err)
	}
	return strings.TrimSpace(b.String()), nil
}

// Files returns the kit as files: a Markdown file per course and document
// and index.html, the page to copy them from.
func Files(s *site.Site, contracts []*contract.Contract, status []edition.Status) ([]render.File, error) {
	courses, err := Courses(s, contracts, status)
	if err != nil {
		return nil, err
	}
	var out []render.File
	for _, c := range courses {
		for _, d := range c.Docs {
			out = append(out, render.File{Path: d.Path, Data: []byte(markdown(d, c))})
		}
		if c.Embed != nil {
			out = append(out, render.File{Path: c.Embed.Path, Data: []byte(embedMarkdown(c.Embed, c))})
		}
	}
	index, err := indexPage(s, courses)
	if err != nil {
		return nil, err
	}
	return append(out, render.File{Path: "index.html", Data: index}), nil
}

// markdown is one document as a file: the title, the note for the seller
// as a quotation, then the subject and the text to send.
func markdown(d Doc, c Course) string {
	t, _ := loadTexts(c.Lang) // loaded by Courses already
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", d.Title, c.Title)
	for _, line := range strings.Split(d.Note, "\n") {
		b.WriteString(strings.TrimRight("> "+line, " ") + "\n")
	}
	if d.Subject != "" {
		fmt.Fprintf(&b, "\n**%s:** %s\n", t.Subject, d.Subject)
	}
	fmt.Fprintf(&b, "\n---\n\n%s\n", d.Body)
	return b.String()
}

func indexPage(s *site.Site, courses []Course) ([]byte, error) {
	l := s.Config.DefaultLanguage()
	t, err := loadTexts(l)
	if err != nil {
		return nil, err
	}
	src, err := files.ReadFile("index.html")
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("index").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = tmpl.Execute(&b, map[string]any{
		"Lang": l, "Site": s.Config.Title, "T": t, "Courses": courses,
	})
	return b.Bytes(), err
}

// docData is what a kit text may use.
type docData struct {
	Course struct {
		Title, Slug string
	}
	Seller struct {
		Name, Kind, Email, Phone string
	}
	URL struct {
		Contract, Statement, FAQ string
		// Site is the origin of base_url: "https://school.example".
		Site string
	}
	// Edition is the contract edition in force on the build date.
	Edition                Edition
	ReviewDays, PayoutDays string // "10 дней"
	// Formula is the course's refund rule in words with its numbers.
	Formula string
	// Flat: the refund does not depend on what was used (the flat
	// formula). Withholds: something may be withheld (deductions, a
	// fee, a share).
	Flat, Withholds bool
	Channel         string // how a statement is sent, with the contact
	// Clause numbers in the course's contract, "" when it has none.
	Clause struct {
		Withdrawal, Defect, Deadline, Policy, Statement, Review, Payout, Calculation string
	}
	// Calc is the command that prints a request's amount, steps and
	// amount in words.
	Calc string
}

// newDocData collects a course's data; shared says that courses in other
// languages have the same slug, so that calc needs LANG/SLUG.
func newDocData(s *site.Site, k *contract.Contract, ed Edition, shared bool) docData {
	var d docData
	d.Edition = ed
	c := k.Course
	d.Course.Title, d.Course.Slug = c.Title, c.Slug
	sl := s.Config.Seller
	d.Seller.Name, d.Seller.Kind, d.Seller.Email, d.Seller.Phone = sl.Name, sl.Kind, sl.Email, sl.Phone
	dir := s.Config.BaseURL + contract.CoursePath(s, c)
	d.URL.Contract, d.URL.Statement, d.URL.FAQ = dir+"oferta/", dir+"refund/", dir+"faq/"
	d.URL.Site, _ = siteOrigin(s.Config.BaseURL) // checked by embedDoc
	d.ReviewDays = lang.Days(k.Lang, c.Refund.ReviewDays)
	d.PayoutDays = lang.Days(k.Lang, c.Refund.PayoutDays)
	d.Formula = k.FormulaText
	d.Flat = k.Terms != nil && k.Terms.PolicyID == refund.PolicyFlat
	d.Withholds = withholds(c.Refund)
	d.Channel = contract.ChannelText(k.Phrases, sl, c.Refund.Channel, s.Config.BaseURL)
	num := func(id string) string {
		if cl, ok := k.Clause(id); ok {
			return cl.Number
		}
		return ""
	}
	d.Clause.Withdrawal = num("refund.ground.withdrawal")
	d.Clause.Defect = num("refund.ground.defect")
	d.Clause.Deadline = num("refund.ground.missed-deadline")
	d.Clause.Statement = num("refund.process.statement")
	d.Clause.Review = num("refund.deadline.review")
	d.Clause.Payout = num("refund.deadline.payout")
	d.Clause.Calculation = num("refund.process.calculation")
	if k.Policy != nil {
		d.Clause.Policy = k.Policy.Number
	}
	name := c.Slug
	if shared {
		name = path.Join(c.Language, c.Slug)
	}
	d.Calc = "oferta calc " + name + " --used N --client \"…\" --order … --date YYYY-MM-DD"
	return d
}

// Edition is the contract edition a kit text names: the one in force on
// the build date (site.Site.Today, OFERTA_TODAY in tests), never a
// scheduled one.
type Edition struct {
	Date string // in the course's language: "1 декабря 2026 г."
	// URL is the edition's permanent address, <base_url><slug>/oferta/<date>/,
	// when it is frozen; else the contract's address.
	URL string
	// Frozen says that URL is a frozen edition's permanent address.
	Frozen bool
	// Coming is the date of the next scheduled edition, "" when none:
	// the texts must be taken again on that day.
	Coming string

	day time.Time
}

// inForce finds the edition in force of contract k as render and calc
// state it (render.CourseView.EditionHref).
func inForce(s *site.Site, k *contract.Contract, st edition.Status) Edition {
	ed := Edition{URL: contract.ContractURL(s, k.Course), day: st.InForce}
	if st.InForceDoc != nil {
		ed.day = st.InForceDoc.Date
		ed.URL += ed.day.Format("2006-01-02") + "/"
		ed.Frozen = true
	}
	ed.Date = lang.Date(k.Lang, ed.day)
	if len(st.Coming) > 0 {
		ed.Coming = lang.Date(k.Lang, st.Coming[0].Date)
	}
	return ed
}

// checkoutDoc is the EU checkout texts of one course (package checkout)
// as a kit document.
func checkoutDoc(s *site.Site, k *contract.Contract, t *texts, ed Edition, data docData, dir string) (Doc, error) {
	tx, err := checkout.ForEdition(s, k.Course, checkout.Ref{Date: ed.day, URL: ed.URL, Frozen: ed.Frozen})
	if err != nil {
		return Doc{}, err
	}
	d := Doc{ID: "checkout", Path: dir + "checkout.md", Body: strings.TrimSpace(tx.Kit)}
	if d.Title, err = fill(k.Lang, "checkout", t.Checkout.Title, data); err != nil {
		return Doc{}, err
	}
	if d.Note, err = fill(k.Lang, "checkout", t.Checkout.Note, data); err != nil {
		return Doc{}, err
	}
	return d, nil
}
