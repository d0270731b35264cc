package checkout

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/money"
	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/oferta-dev/oferta/generator/site"
)

//go:embed texts/*.toml
var textFiles embed.FS

// Texts are the checkout texts of one course, plain text.
type Texts struct {
	Course string // the course's slug
	Lang   string
	// Checkbox is the label of the unticked checkbox at checkout: the
	// express request to start within the withdrawal period (personal
	// and group courses), or the consent and acknowledgement of losing
	// the right of withdrawal (recorded lessons, art. 16(m)).
	Checkbox string
	// UntickedNote says, next to the checkbox, what happens without it.
	UntickedNote string
	// Subject is the confirmation e-mail's subject.
	Subject string
	// Confirmation is the e-mail confirming the contract on a durable
	// medium (art. 8(7)): Requested when the client ticked the box,
	// NotRequested when not.
	Requested, NotRequested string
	// AckSubject and Ack are the e-mail acknowledging receipt of a
	// withdrawal, with its date and time (art. 11a(3)).
	AckSubject, Ack string
	// EditionURL is the permanent address of the edition in force, and
	// Edition its date in the course's language.
	EditionURL, Edition string
	// Title is the course's title.
	Title string
	// Kit is all of the above laid out as one plain-text file for the
	// seller's kit (the template "kit" of the language's texts).
	Kit string
}

// Edition is the contract edition a confirmation names.
type Edition struct {
	Date string // in the course's language
	URL  string // its permanent address, <slug>/oferta/<date>/
	// Frozen says that URL is the permanent address of a frozen edition;
	// when false it is the contract's address, whose text may change.
	Frozen bool
}

type data struct {
	Seller      site.Seller
	Course      courseData
	Edition     Edition
	WithdrawURL string
	Recorded    bool
	Requested   bool
}

type courseData struct {
	Title, Price, Format, Start string
}

// Languages lists the languages that have checkout texts, sorted.
func Languages() []string {
	entries, _ := textFiles.ReadDir("texts")
	var out []string
	for _, e := range entries {
		if l, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			out = append(out, l)
		}
	}
	return out
}

// EditionURL is the permanent address of course c's contract in the
// edition of date: <base_url><slug>/oferta/<date>/.
func EditionURL(s *site.Site, c *site.Course, date time.Time) string {
	return contract.ContractURL(s, c) + date.Format("2006-01-02") + "/"
}

// For returns course c's checkout texts, naming the contract edition in
// force (inForce: the edition.Status InForce of its contract) and its
// permanent address. It fails for a site outside the EU jurisdictions and
// for a course whose language has no checkout texts.
func For(s *site.Site, c *site.Course, inForce time.Time) (*Texts, error) {
	return ForEdition(s, c, Ref{Date: inForce, URL: EditionURL(s, c, inForce), Frozen: true})
}

// Ref is the edition in force as the texts name it.
type Ref struct {
	Date time.Time
	// URL is the edition's permanent address when it is frozen, else the
	// contract's address (contract.ContractURL).
	URL    string
	Frozen bool
}

// ForEdition is For with the edition in force given in full: a site that
// has not frozen its text yet names the contract's address, which does
// not promise an unchanging text.
func ForEdition(s *site.Site, c *site.Course, ed Ref) (*Texts, error) {
	if !site.EUJurisdiction(s.Config.Jurisdiction) {
		return nil, fmt.Errorf("%s: checkout texts are written for EU law; the site's jurisdiction is %q", c.File, s.Config.Jurisdiction)
	}
	src, err := textFiles.ReadFile("texts/" + c.Language + ".toml")
	if err != nil {
		return nil, fmt.Errorf("%s: there are no EU checkout texts in language %q (they exist in: %s); the seller's kit needs them for every course", c.File, c.Language, strings.Join(Languages(), ", "))
	}
	var strs map[string]string
	if err := toml.Unmarshal(src, &strs); err != nil {
		return nil, pos.TOMLError("generator/checkout/texts/"+c.Language+".toml", string(src), 0, err)
	}
	cur, _ := money.Lookup(c.Currency)
	d := data{
		Seller: s.Config.Seller,
		Course: courseData{
			Title:  c.Title,
			Price:  money.Format(money.Round(c.Price, cur), c.Language),
			Format: c.Format,
		},
		Edition:     Edition{Date: lang.Date(c.Language, ed.Date), URL: ed.URL, Frozen: ed.Frozen},
		WithdrawURL: contract.WithdrawURL(s, c),
		Recorded:    c.Format == "recorded",
	}
	if !c.Start.IsZero() {
		d.Course.Start = lang.Date(c.Language, c.Start)
	}
	exec := func(key string, d data) (string, error) {
		src, ok := strs[key]
		if !ok {
			return "", fmt.Errorf("checkout texts %s: no %q", c.Language, key)
		}
		t, err := template.New(key).Option("missingkey=error").Parse(src)
		if err != nil {
			return "", fmt.Errorf("checkout texts %s, %s: %w", c.Language, key, err)
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return "", fmt.Errorf("checkout texts %s, %s: %w", c.Language, key, err)
		}
		return b.String(), nil
	}
	out := &Texts{Course: c.Slug, Lang: c.Language, EditionURL: d.Edition.URL, Edition: d.Edition.Date, Title: c.Title}
	box := "express_request"
	if d.Recorded {
		box = "acknowledgement"
	}
	steps := []struct {
		dst       *string
		key       string
		requested bool
	}{
		{&out.Checkbox, box, false},
		{&out.UntickedNote, "unticked_note", false},
		{&out.Subject, "confirmation_subject", false},
		{&out.Requested, "confirmation", true},
		{&out.NotRequested, "confirmation", false},
		{&out.AckSubject, "ack_subject", false},
		{&out.Ack, "ack", false},
	}
	for _, st := range steps {
		d.Requested = st.requested
		if *st.dst, err = exec(st.key, d); err != nil {
			return nil, err
		}
	}
	kit, err := template.New("kit").Option("missingkey=error").Parse(strs["kit"])
	if err != nil {
		return nil, fmt.Errorf("checkout texts %s, kit: %w", c.Language, err)
	}
	var b bytes.Buffer
	if err := kit.Execute(&b, out); err != nil {
		return nil, fmt.Errorf("checkout texts %s, kit: %w", c.Language, err)
	}
	out.Kit = b.String()
	return out, nil
}
