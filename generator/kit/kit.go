package kit

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"path"
	"strings"
	ttemplate "text/template"

	"github.com/BurntSushi/toml"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

//go:embed texts/*.toml index.html
var files embed.FS

// texts are one language's labels and documents.
type texts struct {
	IndexTitle string    `toml:"index_title"`
	IndexIntro string    `toml:"index_intro"`
	Subject    string    `toml:"subject"`
	Copy       string    `toml:"copy"`
	Copied     string    `toml:"copied"`
	CopyFailed string    `toml:"copy_failed"`
	Empty      string    `toml:"empty"`
	Docs       []textDoc `toml:"doc"`
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
}

// Doc is one text of a course's kit, filled in.
type Doc struct {
	ID      string // file name without .md: "request-statement"
	Title   string // what the text is for
	Note    string // for the seller only: when and how to use it
	Subject string // the e-mail's subject
	Body    string // the text to send; [brackets] mark what to fill in
	Path    string // "smm/request-statement.md", from the kit's root
}

// Course is the kit of one course.
type Course struct {
	Title string
	Lang  string
	Dir   string // "smm/", "en/club/"
	Docs  []Doc
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

// Courses fills in every document of every course.
func Courses(s *site.Site, contracts []*contract.Contract) ([]Course, error) {
	cache := map[string]*texts{}
	slugs := map[string]int{}
	for _, k := range contracts {
		slugs[k.Course.Slug]++
	}
	var out []Course
	for _, k := range contracts {
		t, ok := cache[k.Lang]
		if !ok {
			var err error
			if t, err = loadTexts(k.Lang); err != nil {
				return nil, err
			}
			cache[k.Lang] = t
		}
		data := newDocData(s, k, slugs[k.Course.Slug] > 1)
		c := Course{Title: k.Course.Title, Lang: k.Lang, Dir: contract.CoursePath(s, k.Course)}
		for _, td := range t.Docs {
			if len(td.Jurisdictions) > 0 && !contains(td.Jurisdictions, s.Config.Jurisdiction) {
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
func Files(s *site.Site, contracts []*contract.Contract) ([]render.File, error) {
	courses, err := Courses(s, contracts)
	if err != nil {
		return nil, err
	}
	var out []render.File
	for _, c := range courses {
		for _, d := range c.Docs {
			out = append(out, render.File{Path: d.Path, Data: []byte(markdown(d, c))})
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
	fmt.Fprintf(&b, "\n**%s:** %s\n\n---\n\n%s\n", t.Subject, d.Subject, d.Body)
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
	}
	ReviewDays, PayoutDays string // "10 дней"
	// Formula is the course's refund rule in words with its numbers.
	Formula string
	Channel string // how a statement is sent, with the contact
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
func newDocData(s *site.Site, k *contract.Contract, shared bool) docData {
	var d docData
	c := k.Course
	d.Course.Title, d.Course.Slug = c.Title, c.Slug
	sl := s.Config.Seller
	d.Seller.Name, d.Seller.Kind, d.Seller.Email, d.Seller.Phone = sl.Name, sl.Kind, sl.Email, sl.Phone
	dir := s.Config.BaseURL + contract.CoursePath(s, c)
	d.URL.Contract, d.URL.Statement, d.URL.FAQ = dir+"oferta/", dir+"refund/", dir+"faq/"
	d.ReviewDays = lang.Days(k.Lang, c.Refund.ReviewDays)
	d.PayoutDays = lang.Days(k.Lang, c.Refund.PayoutDays)
	d.Formula = k.FormulaText
	d.Channel = contract.ChannelText(sl, c.Refund.Channel, s.Config.BaseURL, k.Lang)
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
