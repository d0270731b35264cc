package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"strings"
	"sync"
	"text/template/parse"
)

// A layout is the templates of one kind of page in one language.
type layout struct {
	set    *template.Template
	inline func() // inlines the literals of set, once
	// files names the layout each template of set was parsed from, by
	// template name: html/template drops the parse trees, which know it,
	// from a set that fails to escape.
	files map[string]string
	// fast executes the layout without reflective calls (fast.go); nil
	// when the set failed to escape or uses what it does not run.
	fast *fastProg
}

// newLayout returns the layout of set. Its literals are inlined when the
// first page executes it, when html/template would escape it anyway: the
// layouts no page uses (the calculation document, in a build; the other
// language, in a rebuild after an edit) cost nothing.
//
// t is the layouts' function t of the layout's language.
func newLayout(set *template.Template, probes []*literalProbe, t func(string) (string, error)) *layout {
	files := map[string]string{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			files[t.Name()] = t.Tree.ParseName
		}
	}
	l := &layout{set: set, files: files}
	l.inline = sync.OnceFunc(func() {
		if inlineLiterals(set, probes) {
			l.fast, _ = compileFast(set, t)
		}
	})
	return l
}

// execute executes the layout's template name with data into b: by the
// fast executor when it can, else by html/template.
func (l *layout) execute(b *bytes.Buffer, name string, data any) error {
	set := l.templates()
	if l.fast != nil && l.fast.execute(b, name, data) {
		return nil
	}
	return set.ExecuteTemplate(b, name, data)
}

// templates returns the layout's templates with their literals inlined.
func (l *layout) templates() *template.Template {
	l.inline()
	return l.set
}

// inlineLiterals replaces each action of set that prints a string
// literal, as a folded UI string does ({{"Refund statement"}}), by the
// text it prints. Pages then copy those bytes instead of calling
// html/template's escaper through reflection for each of them.
//
// What such an action prints depends on where it stands, which
// html/template works out when it escapes the set: it appends to the
// action's pipeline the escapers of its context. So inlineLiterals first
// has the set escaped, then inlines the actions whose pipeline is a
// literal followed by exactly the escapers one of probes got for its
// value: the action prints what the probe prints for the literal. Other
// actions stay as they are, as does a set that fails to escape (its
// pages report the error).
//
// It reports whether the set escaped.
func inlineLiterals(set *template.Template, probes []*literalProbe) bool {
	if !escapeNow(set) {
		return false
	}
	in := &inliner{probes: map[string]*literalProbe{}}
	for _, p := range probes {
		in.probes[p.chain] = p
	}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			in.list(t.Tree.Root)
		}
	}
	return true
}

// escapeNow has html/template escape the templates a page executes (see
// entryPoints), which it otherwise does when the first page executes. html/template has no
// method for this, but an execution escapes the set before it reads any
// data, so one with no data does it; the data errors it then meets are of
// no interest. It reports whether the set escaped without error.
func escapeNow(set *template.Template) bool {
	for _, name := range entryPoints {
		if name != "base" && set.Lookup(name) == nil {
			continue
		}
		err := set.ExecuteTemplate(io.Discard, name, nil)
		var escErr *template.Error
		if errors.As(err, &escErr) {
			return false
		}
	}
	return true
}

// entryPoints are the templates of a layout that the renderer executes:
// base for every page, card for each course of the index page (see Card),
// clause and toc-clause for the clauses of a contract (see clauseBlocks).
var entryPoints = []string{"base", "card", "clause", "toc-clause"}

// An inliner walks the parse trees of an escaped set.
type inliner struct {
	probes map[string]*literalProbe // by escaper chain
}

func (in *inliner) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	var nodes []parse.Node
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := in.literal(n.Pipe); ok {
				nodes = appendText(nodes, &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)})
				continue
			}
		case *parse.TextNode:
			nodes = appendText(nodes, n)
			continue
		case *parse.IfNode:
			in.list(n.List)
			in.list(n.ElseList)
		case *parse.RangeNode:
			in.list(n.List)
			in.list(n.ElseList)
		case *parse.WithNode:
			in.list(n.List)
			in.list(n.ElseList)
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}

// appendText appends t to nodes, joined to the text before it: one write
// for the page instead of several.
func appendText(nodes []parse.Node, t *parse.TextNode) []parse.Node {
	if len(nodes) > 0 {
		if prev, ok := nodes[len(nodes)-1].(*parse.TextNode); ok {
			// A new node, since text nodes may share their bytes.
			joined := &parse.TextNode{NodeType: parse.NodeText, Pos: prev.Pos, Text: append(prev.Text[:len(prev.Text):len(prev.Text)], t.Text...)}
			nodes[len(nodes)-1] = joined
			return nodes
		}
	}
	return append(nodes, t)
}

// literal returns what the action with pipeline p prints, and whether
// that is known before the action executes.
func (in *inliner) literal(p *parse.PipeNode) (string, bool) {
	if len(p.Decl) > 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	probe := in.probes[escapers(p.Cmds[1:])]
	if probe == nil {
		return "", false
	}
	return probe.print(s.Text)
}

// escapers returns the names of cmds, each a function without arguments,
// joined by " | "; or "" if one is something else.
func escapers(cmds []*parse.CommandNode) string {
	var names []string
	for _, c := range cmds {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok || len(c.Args) != 1 {
			return ""
		}
		names = append(names, id.Ident)
	}
	return strings.Join(names, " | ")
}

// A literalProbe is a small template printing a value in one context:
// what a layout's action in the same context, with the same escapers,
// prints for the same value.
type literalProbe struct {
	prefix, suffix string // the probe's text around the value
	t              *template.Template
	chain          string // the escapers html/template gave the value
}

// newLiteralProbes returns probes for where layouts print UI strings: in
// text and in quoted attribute values.
func newLiteralProbes() []*literalProbe {
	var probes []*literalProbe
	for _, around := range [][2]string{{"", ""}, {`<p title="`, `">`}, {`<p title='`, `'>`}} {
		p := &literalProbe{
			prefix: around[0],
			suffix: around[1],
			t:      template.Must(template.New("probe").Parse(around[0] + "{{.}}" + around[1])),
		}
		// The first execution escapes the probe, which shows its
		// escapers. A probe that fails is left out: inlining is only
		// a shortcut.
		if _, ok := p.print(""); !ok {
			continue
		}
		for _, n := range p.t.Tree.Root.Nodes {
			if a, ok := n.(*parse.ActionNode); ok {
				p.chain = escapers(a.Pipe.Cmds[1:])
			}
		}
		if p.chain != "" {
			probes = append(probes, p)
		}
	}
	return probes
}

// print returns what the probe prints for s, without its own text.
func (p *literalProbe) print(s string) (string, bool) {
	var b strings.Builder
	if err := p.t.Execute(&b, s); err != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(b.String(), p.prefix)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(out, p.suffix)
}
