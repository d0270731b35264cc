package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
)

// Card is what the "card" template of the index layout receives: one
// course, and the path from its language's index page to the site root.
type Card struct {
	*CourseView
	Root string
}

// Index renders the course list of one language.
func (r *Renderer) Index(l string, contracts []*contract.Contract, draft bool) (File, error) {
	return r.IndexWith(l, contracts, draft, func(i int) (template.HTML, error) { return r.Card(contracts[i]) })
}

// IndexWith is Index with the cards of the courses (see Card) given by
// card(i), for contracts[i] of language l: the preview server keeps the
// cards of the courses that did not change, so that an edit does not
// render the entry of every course again.
//
// A theme's index layout may list the courses itself, ranging over
// .Courses, as themes did before cards; the views of all courses are
// then made every time.
func (r *Renderer) IndexWith(l string, contracts []*contract.Contract, draft bool, card func(i int) (template.HTML, error)) (File, error) {
	p := r.indexPath(l)
	pg := r.newPage("index", l, p, r.site.Config.Title, draft)
	uses := r.theme.indexUses[l]
	var cards []template.HTML
	for i, k := range contracts {
		if k.Lang != l {
			continue
		}
		if uses.courses {
			pg.Courses = append(pg.Courses, r.courseView(k))
		}
		if uses.cards {
			c, err := card(i)
			if err != nil {
				return File{}, inCourse(k.Course.File, err)
			}
			cards = append(cards, c)
		}
	}
	for _, other := range r.site.Config.Languages {
		if other != l {
			pg.Alternates = append(pg.Alternates, Alternate{Lang: other, Href: pg.Root + r.indexPath(other)})
		}
	}
	data, err := r.indexPage(pg, cards)
	if err != nil {
		return File{}, err
	}
	return File{Path: p + "index.html", Data: data}, nil
}

// cardsMarker stands for the cards while the index layout executes. It
// cannot come from data: the layouts escape every "<" of plain text.
const cardsMarker template.HTML = "<!--oferta:cards-->"

// indexPage executes the index layout. The cards of a large site are
// megabytes, rebuilt on every save in the preview server, so they do not
// go through the template: it prints a marker, which is replaced by the
// cards as the page is copied out of its buffer, in one allocation.
func (r *Renderer) indexPage(pg *Page, cards []template.HTML) ([]byte, error) {
	size := 0
	for _, c := range cards {
		size += len(c)
	}
	if size == 0 {
		return r.page(pg)
	}
	pg.Cards = cardsMarker
	b, err := r.pageBuffer(pg)
	if err != nil {
		return nil, err
	}
	defer pageBuffers.Put(b)
	out := b.Bytes()
	if bytes.Count(out, []byte(cardsMarker)) != 1 {
		// A layout that prints the cards twice, or not at all.
		pg.Cards = join(cards)
		return r.page(pg)
	}
	at := bytes.Index(out, []byte(cardsMarker))
	data := make([]byte, 0, len(out)-len(cardsMarker)+size)
	data = append(data, out[:at]...)
	for _, c := range cards {
		data = append(data, c...)
	}
	return append(data, out[at+len(cardsMarker):]...), nil
}

// join concatenates HTML in one allocation.
func join(list []template.HTML) template.HTML {
	n := 0
	for _, h := range list {
		n += len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range list {
		b.WriteString(string(h))
	}
	return template.HTML(b.String())
}

// Card renders the entry of k's course on its language's index page with
// the "card" template of the index layout; it is "" when the layout has
// no such template.
func (r *Renderer) Card(k *contract.Contract) (template.HTML, error) {
	if !r.theme.indexUses[k.Lang].cards {
		return "", nil
	}
	lt, ok := r.theme.layouts[k.Lang+"/index"]
	if !ok {
		return "", fmt.Errorf("no layout for index pages in %q", k.Lang)
	}
	var b bytes.Buffer
	data := Card{CourseView: r.courseView(k), Root: rootFrom(r.indexPath(k.Lang))}
	if err := lt.execute(&b, "card", data); err != nil {
		return "", r.theme.templateError(lt, err, r.theme.from.Dir)
	}
	return template.HTML(b.String()), nil
}

// indexPath is the folder of language l's index page: the site root for
// the default language, "en/" for English otherwise.
func (r *Renderer) indexPath(l string) string {
	if l == r.site.Config.DefaultLanguage() {
		return ""
	}
	return l + "/"
}

// indexUses says what the index layout of one language reads.
type indexUses struct {
	courses bool // it ranges over .Courses itself
	cards   bool // it prints .Cards, made by its "card" template
}

// usesOf finds out what the index layout set reads. A layout that prints
// .Cards without a "card" template to make them would list no course at
// all: that is an error in the theme.
func usesOf(set *template.Template, file string) (indexUses, error) {
	var u indexUses
	for _, t := range set.Templates() {
		if t.Tree == nil {
			continue
		}
		walkFields(t.Tree.Root, func(ident []string) {
			switch ident[0] {
			case "Courses":
				u.courses = true
			case "Cards":
				u.cards = true
			}
		})
	}
	if u.cards && set.Lookup("card") == nil {
		return u, &site.Error{File: file, Err: errors.New(`the layout prints .Cards but defines no {{define "card"}} template to make them`)}
	}
	return u, nil
}

// walkFields calls f with every field chain (.A.B) in a parse tree.
func walkFields(n parse.Node, f func(ident []string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkFields(c, f)
		}
	case *parse.ActionNode:
		walkFields(n.Pipe, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkFields(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkFields(c, f)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkFields(a, f)
		}
	case *parse.ChainNode:
		walkFields(n.Node, f)
	case *parse.FieldNode:
		f(n.Ident)
	}
}

func walkBranch(b *parse.BranchNode, f func(ident []string)) {
	walkFields(b.Pipe, f)
	walkFields(b.List, f)
	walkFields(b.ElseList, f)
}
