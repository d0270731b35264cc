package edition

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/oferta-dev/oferta/generator/site"
)

// Doc is one course's contract as text: the current one, or a frozen
// edition.
type Doc struct {
	File     string // the edition file, "" for the current contract
	Course   string
	Title    string
	Lang     string
	Date     time.Time
	Sections []Section
	// SHA256 is the fingerprint of a frozen edition: the SHA-256 of its
	// file's bytes exactly as stored, in lower-case hex, as `sha256sum
	// editions/<date>/<lang>/<slug>.md` prints it. "" for the current text.
	SHA256 string
	// Terms are the refund terms recorded beside a frozen text; nil for
	// the current contract and for an edition frozen before oferta
	// recorded terms.
	Terms *Terms
	// Raw is the edition file's bytes as stored (nil for the current
	// text): the site publishes them beside the edition's page, so that
	// anyone can recompute SHA256.
	Raw []byte
}

// Section is a numbered section of a frozen contract.
type Section struct {
	Number  string
	ID      string
	Title   string
	Clauses []Clause
}

// Clause is a numbered clause with its text after templates ran.
type Clause struct {
	Number  string
	ID      string
	Title   string
	Body    string // Markdown, trimmed
	Section string // the section's id
}

// FromContract returns the text of an assembled contract.
func FromContract(k *contract.Contract, date time.Time) *Doc {
	d := &Doc{Course: k.Course.Slug, Title: k.Course.Title, Lang: k.Lang, Date: date}
	for _, s := range k.Sections {
		sec := Section{Number: fmt.Sprint(s.Number), ID: s.Def.ID, Title: s.Def.Title}
		for _, c := range s.Clauses {
			sec.Clauses = append(sec.Clauses, Clause{Number: c.Number, ID: c.Source.ID, Title: c.Source.Title,
				Body: normalize(c.Markdown), Section: s.Def.ID})
		}
		d.Sections = append(d.Sections, sec)
	}
	return d
}

// normalize trims a clause text and its lines' trailing blanks, so that
// whitespace-only edits do not count as changes.
func normalize(s string) string {
	if isNormal(s) {
		return s // the usual case: no copy
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isNormal reports whether normalize would return s unchanged: no
// carriage return, no blank at the end of a line, and no white space at
// either end.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if strings.TrimSpace(s[:1]) == "" || strings.TrimSpace(s[len(s)-1:]) == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			return false
		case '\n':
			if c := s[i-1]; c == ' ' || c == '\t' {
				return false
			}
		}
	}
	return true
}

// Clauses returns every clause in order.
func (d *Doc) Clauses() []Clause {
	var out []Clause
	for _, s := range d.Sections {
		out = append(out, s.Clauses...)
	}
	return out
}

// Marshal writes the edition file.
func (d *Doc) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "course = %s\n", quote(d.Course))
	fmt.Fprintf(&b, "title = %s\n", quote(d.Title))
	fmt.Fprintf(&b, "language = %s\n", quote(d.Lang))
	fmt.Fprintf(&b, "edition = %s\n", d.Date.Format("2006-01-02"))
	b.WriteString("+++\n")
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n## %s. %s {#%s}\n", s.Number, oneLine(s.Title), s.ID)
		for _, c := range s.Clauses {
			fmt.Fprintf(&b, "\n### %s. %s {#%s}\n", c.Number, oneLine(c.Title), c.ID)
			if c.Body != "" {
				b.WriteString("\n" + c.Body + "\n")
			}
		}
	}
	return b.Bytes()
}

func quote(s string) string {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]string{"v": s}); err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSpace(strings.TrimPrefix(b.String(), "v = "))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Equal reports whether two texts are the same contract: the same clauses,
// numbers, titles and words.
func Equal(a, b *Doc) bool {
	if len(a.Sections) != len(b.Sections) {
		return false
	}
	for i := range a.Sections {
		x, y := a.Sections[i], b.Sections[i]
		if x.Number != y.Number || x.ID != y.ID || x.Title != y.Title || len(x.Clauses) != len(y.Clauses) {
			return false
		}
		for j := range x.Clauses {
			if x.Clauses[j] != y.Clauses[j] {
				return false
			}
		}
	}
	return true
}

var (
	sectionRE = regexp.MustCompile(`^## (\d+)\. (.*) \{#([a-z0-9.-]+)\}$`)
	clauseRE  = regexp.MustCompile(`^### (\d+\.\d+)\. (.*) \{#([a-z0-9.-]+)\}$`)
)

// tomlError places a TOML syntax error in src, which starts below
// lineOffset lines of its file, at the line and rune column where it is:
// the TOML library counts columns in bytes.
func tomlError(file, src string, lineOffset int, pe toml.ParseError, prefix string) error {
	line, col := pos.At(src, pe.Position.Start)
	if line != pe.Position.Line {
		line, col = pe.Position.Line, 0
	}
	return site.Errorf(site.Pos{File: file, Line: line + lineOffset, Col: col}, "%s%s", prefix, pe.Message)
}

// Parse reads an edition file.
func Parse(f site.EditionFile) (*Doc, error) {
	text := strings.ReplaceAll(string(f.Text), "\r\n", "\n")
	pos := func(line int, format string, args ...any) error {
		return site.Errorf(site.Pos{File: f.File, Line: line, Col: 1}, format, args...)
	}
	if !strings.HasPrefix(text, "+++\n") {
		return nil, pos(1, "an edition file starts with a +++ line; it is written by oferta freeze")
	}
	end := strings.Index(text[4:], "\n+++\n")
	if end < 0 {
		return nil, pos(1, "the header is not closed by a +++ line")
	}
	var head struct {
		Course   string    `toml:"course"`
		Title    string    `toml:"title"`
		Language string    `toml:"language"`
		Edition  time.Time `toml:"edition"`
	}
	if _, err := toml.Decode(text[4:4+end+1], &head); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, tomlError(f.File, text[4:4+end+1], 1, pe, "the header does not parse: ")
		}
		return nil, pos(2, "the header does not parse: %v", err)
	}
	d := &Doc{File: f.File, Course: head.Course, Title: head.Title, Lang: head.Language, Date: f.Date}
	if d.Course != f.Slug || d.Lang != f.Lang {
		return nil, pos(2, "the header names course %q in %q, but the file is %s/%s.md", d.Course, d.Lang, f.Lang, f.Slug)
	}
	headLines := strings.Count(text[:4+end+5], "\n")
	lines := strings.Split(text[4+end+5:], "\n")
	var body []string
	flush := func() {
		if len(d.Sections) == 0 {
			return
		}
		s := &d.Sections[len(d.Sections)-1]
		if len(s.Clauses) > 0 {
			s.Clauses[len(s.Clauses)-1].Body = normalize(strings.Join(body, "\n"))
		}
		body = body[:0]
	}
	for i, l := range lines {
		if m := sectionRE.FindStringSubmatch(l); m != nil {
			flush()
			d.Sections = append(d.Sections, Section{Number: m[1], Title: m[2], ID: m[3]})
			continue
		}
		if m := clauseRE.FindStringSubmatch(l); m != nil {
			flush()
			if len(d.Sections) == 0 {
				return nil, pos(headLines+i+1, "a clause before any section")
			}
			s := &d.Sections[len(d.Sections)-1]
			s.Clauses = append(s.Clauses, Clause{Number: m[1], Title: m[2], ID: m[3], Section: s.ID})
			continue
		}
		body = append(body, l)
	}
	flush()
	sum := sha256.Sum256(f.Text)
	d.SHA256 = hex.EncodeToString(sum[:])
	d.Raw = f.Text
	if f.TermsFile != "" {
		t, err := ParseTerms(f.TermsFile, f.Terms)
		if err != nil {
			return nil, err
		}
		if t.Course != d.Course || t.Language != d.Lang || !t.Edition.Equal(d.Date) {
			return nil, site.Errorf(site.Pos{File: f.TermsFile, Line: 1}, "the terms name course %q in %q of %s, but the file is the edition of %s of %s/%s",
				t.Course, t.Language, t.Edition.Format("2006-01-02"), d.Date.Format("2006-01-02"), d.Lang, d.Course)
		}
		d.Terms = t
	}
	return d, nil
}
