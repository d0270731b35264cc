package render

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// foldStrings replaces every call of t with one string literal,
// {{t "key"}}, in the templates parsed from the layout named file by the
// UI string itself, {{"Refund statement"}}. Most of a page's UI strings
// are such calls; folded, they no longer cost a call through reflection
// on every page.
//
// Escaping is unchanged: html/template escapes a template set when it
// first executes, and then escapes the literal for its context exactly
// as it escaped the string t returned. So foldStrings must run before the
// set first executes.
//
// Calls with other arguments ({{t .Key}}) stay calls. So do calls with a
// key strs has no string for: foldStrings returns those keys' nodes, for
// the caller to report.
func foldStrings(set *template.Template, file string, strs map[string]string) (missing []*parse.StringNode) {
	f := &folder{strs: strs}
	for _, t := range set.Templates() {
		// A set cloned from base.html holds base's templates, folded
		// before; walking them again would report their missing keys
		// once more.
		if t.Tree != nil && t.Tree.ParseName == file {
			f.node(t.Tree.Root)
		}
	}
	return f.missing
}

// A folder walks one parse tree, folding calls of t.
type folder struct {
	strs    map[string]string
	missing []*parse.StringNode
}

func (f *folder) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil { // a branch without {{else}}
			return
		}
		for _, c := range n.Nodes {
			f.node(c)
		}
	case *parse.ActionNode:
		f.pipe(n.Pipe)
	case *parse.IfNode:
		f.branch(&n.BranchNode)
	case *parse.RangeNode:
		f.branch(&n.BranchNode)
	case *parse.WithNode:
		f.branch(&n.BranchNode)
	case *parse.TemplateNode:
		f.pipe(n.Pipe)
	}
}

func (f *folder) branch(b *parse.BranchNode) {
	f.pipe(b.Pipe)
	f.node(b.List)
	f.node(b.ElseList)
}

func (f *folder) pipe(p *parse.PipeNode) {
	if p == nil { // {{template "name"}} without data
		return
	}
	for i, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			f.arg(arg)
		}
		// A later command of a pipeline also receives the value before
		// it: t "key" there is a call with two arguments, an error that
		// folding would hide.
		if i == 0 {
			f.command(cmd)
		}
	}
}

// arg looks into parenthesized pipelines: {{printf "%s:" (t "key")}}.
func (f *folder) arg(n parse.Node) {
	switch n := n.(type) {
	case *parse.PipeNode:
		f.pipe(n)
	case *parse.ChainNode:
		f.arg(n.Node)
	}
}

// command folds cmd if it is t "key".
func (f *folder) command(cmd *parse.CommandNode) {
	if len(cmd.Args) != 2 {
		return
	}
	fn, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || fn.Ident != "t" {
		return
	}
	key, ok := cmd.Args[1].(*parse.StringNode)
	if !ok {
		return
	}
	s, ok := f.strs[key.Text]
	if !ok {
		f.missing = append(f.missing, key)
		return
	}
	// The key's node becomes the literal: parse.StringNode has no
	// exported constructor, and the node keeps its place in the layout
	// for html/template's error messages.
	key.Text, key.Quoted = s, strconv.Quote(s)
	cmd.Args = cmd.Args[1:]
}
