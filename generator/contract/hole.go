package contract

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"text/template"
	"text/template/parse"
)

// A hole is an action of a clause template that only prints a value:
// a field of the data ({{ .course.title }}, {{ $.seller.email }}), a
// helper of one field ({{ money .course.price }}, {{ units
// .course.duration.count "week" }}), {{ ref "id" }} or {{ channel }}.
// The memo keeps a template's text with its holes left open, keyed by
// the values the rest of the template reads, and fills the holes with
// each course's values (see memo.text). The values are made by the same
// helpers the template calls, so the text is the one the template would
// write; whenever a value cannot be made (a missing field, a helper that
// fails, a text that would be too long) the template runs as it is and
// reports what it reports.
type hole struct {
	kind holeKind
	path []string // the field read (holeField, holeFunc)
	fn   string   // the helper (holeFunc)
	// args are the helper's string arguments after the value (holeFunc):
	// literals, or fields of the data when argPaths[i] is not nil.
	args     []string
	argPaths [][]string
	ref      string // the clause id (holeRef)
}

type holeKind uint8

const (
	holeField holeKind = iota
	holeFunc
	holeRef
	holeChannel
)

// oneValueFuncs are the helpers of one value that a hole may call, with
// how many string arguments follow it (-1: any number).
var oneValueFuncs = map[string]int{"money": 0, "words": 0, "days": 0, "percent": 0, "date": 0, "units": 1, "plural": -1}

// holeMarker starts the marker a shell prints for a hole: a NUL, a
// random token of this process and the hole's index, ended by a NUL. A
// clause text or a course's data cannot hold it by chance.
var holeMarker = "\x00" + strconv.FormatUint(rand.Uint64(), 36) + ":"

// shellOf returns a copy of tree in which every hole prints its marker,
// and the holes; tree itself and no holes when it has none.
func shellOf(tree *parse.Tree) (*parse.Tree, []hole) {
	shell := tree.Copy()
	f := &holeFinder{}
	f.list(shell.Root)
	if len(f.holes) == 0 {
		return tree, nil
	}
	return shell, f.holes
}

type holeFinder struct {
	holes   []hole
	ranging int // inside a range body the dot is an element, not the data
}

func (f *holeFinder) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if h, ok := f.hole(n.Pipe); ok {
				n.Pipe = markerPipe(len(f.holes))
				f.holes = append(f.holes, h)
			}
		case *parse.IfNode:
			f.list(n.List)
			f.list(n.ElseList)
		case *parse.RangeNode:
			f.ranging++
			f.list(n.List)
			f.ranging--
			f.list(n.ElseList)
		case *parse.WithNode:
			f.ranging++ // the dot is the with's value
			f.list(n.List)
			f.ranging--
			f.list(n.ElseList)
		}
	}
}

// hole reports whether an action's pipeline only prints a value, and
// which.
func (f *holeFinder) hole(p *parse.PipeNode) (hole, bool) {
	if p == nil || len(p.Decl) > 0 || p.IsAssign || len(p.Cmds) != 1 {
		return hole{}, false
	}
	args := p.Cmds[0].Args
	if len(args) == 0 {
		return hole{}, false
	}
	if path, ok := f.field(args[0]); ok && len(args) == 1 {
		// A value of the site's settings is the same for every
		// course: it stays in the text.
		return hole{kind: holeField, path: path}, !constantPath(path)
	}
	id, ok := args[0].(*parse.IdentifierNode)
	if !ok {
		return hole{}, false
	}
	switch id.Ident {
	case "channel":
		return hole{kind: holeChannel}, len(args) == 1
	case "ref":
		if len(args) != 2 {
			return hole{}, false
		}
		s, ok := args[1].(*parse.StringNode)
		return hole{kind: holeRef, ref: s.Text}, ok
	}
	more, ok := oneValueFuncs[id.Ident]
	if !ok || len(args) < 2 || more >= 0 && len(args) != 2+more {
		return hole{}, false
	}
	path, ok := f.field(args[1])
	if !ok {
		return hole{}, false
	}
	h := hole{kind: holeFunc, fn: id.Ident, path: path}
	for _, a := range args[2:] {
		if path, ok := f.field(a); ok {
			h.args = append(h.args, "")
			h.argPaths = append(h.argPaths, path)
			continue
		}
		s, ok := a.(*parse.StringNode)
		if !ok {
			return hole{}, false
		}
		h.args = append(h.args, s.Text)
		h.argPaths = append(h.argPaths, nil)
	}
	if constantPath(path) {
		for _, p := range h.argPaths {
			if p != nil && !constantPath(p) {
				return h, true
			}
		}
		return hole{}, false // the same for every course
	}
	return h, true
}

// field returns the data path of a field of the top of the data.
func (f *holeFinder) field(n parse.Node) ([]string, bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		return n.Ident, f.ranging == 0
	case *parse.VariableNode:
		if len(n.Ident) > 1 && n.Ident[0] == "$" {
			return n.Ident[1:], true
		}
	}
	return nil, false
}

// markerPipe is a pipeline that prints the marker of hole i.
func markerPipe(i int) *parse.PipeNode {
	t := template.Must(template.New("marker").Parse("{{" + strconv.Quote(holeMarker+strconv.Itoa(i)+"\x00") + "}}"))
	return t.Tree.Root.Nodes[0].(*parse.ActionNode).Pipe
}

// value is what hole h prints for one course; false when it cannot be
// made, and the template must run to say why.
func (h *hole) value(data map[string]any, fn *helpers) (string, bool) {
	switch h.kind {
	case holeChannel:
		return fn.channel(), true
	case holeRef:
		s, err := fn.ref(h.ref)
		return s, err == nil
	}
	v, ok := lookupPath(data, h.path)
	if !ok || v == nil {
		return "", false
	}
	if h.kind == holeField {
		switch v := v.(type) {
		case string:
			return v, true
		case int:
			return strconv.Itoa(v), true
		}
		return "", false
	}
	args := h.args
	copied := false
	for i, p := range h.argPaths {
		if p == nil {
			continue
		}
		if !copied { // h is shared: its args are not written
			args, copied = append([]string(nil), h.args...), true
		}
		a, ok := lookupPath(data, p)
		if !ok {
			return "", false
		}
		if args[i], ok = a.(string); !ok {
			return "", false // the template says what it makes of it
		}
	}
	var s string
	var err error
	switch h.fn {
	case "money":
		s, err = fn.money(v)
	case "words":
		s, err = fn.words(v)
	case "days":
		s, err = fn.days(v)
	case "percent":
		s, err = fn.percent(v)
	case "date":
		s, err = fn.date(v)
	case "units":
		s, err = fn.units(v, args[0])
	case "plural":
		s, err = fn.plural(v, args...)
	default:
		return "", false
	}
	return s, err == nil
}

// newEntry splits what a shell wrote into literal parts and holes.
// ok is false when a marker is malformed (it cannot be).
func newEntry(out []byte, holes int) (*entry, bool) {
	marker := []byte(holeMarker)
	e := &entry{}
	for {
		i := bytes.Index(out, marker)
		if i < 0 {
			break
		}
		if i > 0 {
			e.parts = append(e.parts, part{text: string(out[:i]), hole: -1})
		}
		out = out[i+len(marker):]
		end := bytes.IndexByte(out, 0)
		if end < 0 {
			return nil, false
		}
		n, err := strconv.Atoi(string(out[:end]))
		if err != nil || n < 0 || n >= holes {
			return nil, false
		}
		e.parts = append(e.parts, part{hole: n})
		if !contains(e.used, n) {
			e.used = append(e.used, n)
		}
		out = out[end+1:]
	}
	if len(e.parts) == 0 {
		e.whole = true
		return e, true
	}
	if len(out) > 0 {
		e.parts = append(e.parts, part{text: string(out), hole: -1})
	}
	return e, true
}

func contains(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
