package site

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Clause is one clause file: clauses/<lang>/<area>/<name>.md.
type Clause struct {
	File          string // "clauses/ru/refund/withdrawal.md"; "builtin:…" for the embedded library
	Builtin       bool
	Lang          string
	ID            string
	Kind          string
	Section       string
	Title         string
	Weight        int
	When          string // an expression; "" means always
	Jurisdictions []string
	Formula       string // kind "proration" only
	FAQ           *ClauseFAQ
	Body          string
	BodyLine      int // line of File on which Body starts
	keys          keyPositions
	offset        int
	front         string
}

// ClauseFAQ is a question a clause also answers on the FAQ page.
type ClauseFAQ struct {
	Question string
	Answer   string
}

// KeyPos returns the position of a front matter key ("when", "formula",
// "faq.answer") in the clause file.
func (c *Clause) KeyPos(path string) Pos { return lookupPos(c.File, c.keys, c.offset, path) }

// Pos is the position of the clause's id.
func (c *Clause) Pos() Pos { return c.KeyPos("id") }

// ValuePos returns the position of the first character inside the quotes
// of a one-line string value, so that a column reported by the expression
// parser can be added to it.
func (c *Clause) ValuePos(key string) Pos {
	p := c.KeyPos(key)
	lines := strings.Split(c.front, "\n")
	i := p.Line - c.offset - 1
	if i < 0 || i >= len(lines) {
		return p
	}
	line := lines[i]
	eq := strings.IndexByte(line, '=')
	if eq < 0 {
		return p
	}
	q := strings.IndexAny(line[eq:], "\"'")
	if q < 0 {
		return p
	}
	q += eq
	if strings.HasPrefix(line[q:], `"""`) || strings.HasPrefix(line[q:], "'''") {
		// A multi-line string: the reported columns are not on this line.
		return p
	}
	return Pos{File: p.File, Line: p.Line, Col: utf8.RuneCountInString(line[:q+1]) + 1}
}

// AppliesTo reports whether the clause is written for a jurisdiction.
func (c *Clause) AppliesTo(jurisdiction string) bool {
	return len(c.Jurisdictions) == 0 || contains(c.Jurisdictions, jurisdiction)
}

// Kinds are the clause kinds the library knows.
var Kinds = []string{"definitions", "subject", "acceptance", "price", "service", "refund-ground",
	"eligibility", "refund-process", "deadline", "proration", "deduction", "alternative",
	"liability", "disputes", "personal-data", "final", "requisites"}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$`)

// decodeClause reads a clause file: TOML front matter between "+++" lines,
// then the Markdown body.
func decodeClause(file, lang, src string) (*Clause, error) {
	if err := checkUTF8(file, src, 0); err != nil {
		return nil, err
	}
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if !strings.HasPrefix(src, "+++\n") {
		return nil, Errorf(Pos{File: file, Line: 1, Col: 1}, "a clause file must start with a line \"+++\" that opens its TOML front matter")
	}
	rest := src[len("+++\n"):]
	end := strings.Index(rest, "\n+++\n")
	var front, body string
	switch {
	case end >= 0:
		front, body = rest[:end+1], rest[end+len("\n+++\n"):]
	case strings.HasSuffix(rest, "\n+++"):
		front, body = rest[:len(rest)-len("+++")], ""
	default:
		return nil, Errorf(Pos{File: file, Line: 1, Col: 1}, "the front matter is not closed: add a line \"+++\" after it")
	}
	d, root, err := parseTOML(file, front, 1, ClauseKeys)
	if err != nil {
		return nil, err
	}
	c := &Clause{File: file, Lang: lang, keys: d.pos, offset: 1, front: front}
	c.BodyLine = 2 + strings.Count(front, "\n") + 1
	c.Body = body
	c.ID = root.String("id")
	if c.ID != "" && !idPattern.MatchString(c.ID) {
		d.errorf(root.Pos("id"), "id %q must be dotted lower-case words, e.g. \"refund.ground.withdrawal\"", c.ID)
	}
	c.Kind = root.String("kind")
	c.Section = root.String("section")
	c.Title = root.String("title")
	c.Weight = root.Int("weight")
	c.When = root.String("when")
	c.Jurisdictions = root.Strings("jurisdictions")
	c.Formula = root.String("formula")
	if c.Kind == "proration" && !root.Has("formula") {
		d.errorf(root.Pos("kind"), "a clause of kind \"proration\" needs a formula key")
	}
	if c.Kind != "proration" && root.Has("formula") && c.Kind != "" {
		d.errorf(root.Pos("formula"), "only clauses of kind \"proration\" have a formula (this one is %q)", c.Kind)
	}
	if ft := root.Table("faq"); ft != nil {
		c.FAQ = &ClauseFAQ{Question: ft.String("question"), Answer: ft.String("answer")}
		ft.Done()
	}
	root.Done()
	return c, d.errs.Err()
}

// Section is one section of the contract, as listed in sections.toml.
type Section struct {
	ID    string
	Title string
	Pos   Pos
}

func decodeSections(file, src string) ([]Section, error) {
	d, root, err := parseTOML(file, src, 0, sectionsKeys)
	if err != nil {
		return nil, err
	}
	var out []Section
	seen := map[string]bool{}
	for _, st := range root.Tables("section") {
		s := Section{ID: st.String("id"), Title: st.String("title"), Pos: st.Pos("id")}
		if seen[s.ID] {
			d.errorf(s.Pos, "section %q is listed twice", s.ID)
		}
		seen[s.ID] = true
		st.Done()
		out = append(out, s)
	}
	if len(out) == 0 && len(d.errs) == 0 {
		d.errorf(Pos{File: file, Line: 1, Col: 1}, "no sections: list them as [[section]] tables with id and title")
	}
	root.Done()
	return out, d.errs.Err()
}

func (c *Clause) String() string { return fmt.Sprintf("%s (%s)", c.ID, c.File) }
