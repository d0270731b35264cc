package contract

import (
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
	"time"

	"github.com/oferta-dev/oferta/generator/site"
)

// Most clauses read a few settings that many courses share (the seller's
// e-mail, the payout deadline, the course format), so the same clause
// comes out the same for course after course. A memo keeps a clause's
// text by the values its template reads and hands it back without
// running the template again; on a large site most template runs are
// then saved.
//
// The values a template reads are found once, from its parse tree (see
// inputsOf), and only for templates whose output cannot depend on
// anything else: data fields reached from the top of the data, literals,
// the pure functions of funcs, and ref and channel, whose results are
// part of the key; variables set from those; and range over such a value,
// whose body reads the elements through variables. Anything else (with,
// templates, the dot inside range) makes a template run every time.

// memo is the texts of one clause template by the values it read.
type memo struct {
	inputs []input // nil: the template is not memoized
	// texts maps keys to texts. A sync.Map: courses assembled on every
	// core read it all the time and add to it rarely.
	texts sync.Map
	n     atomic.Int32 // entries in texts, at most maxMemo
	// misses counts the lookups that found no text: the template then
	// runs. Tests read it to see which templates ran again after an edit.
	misses atomic.Int64
}

// noMemo turns the memo off, for the test that compares texts with and
// without it.
var noMemo = false

// maxMemo bounds the texts one template keeps: a clause that names the
// course has a new key for every course and would otherwise keep them
// all.
const maxMemo = 4096

// input is one value a template reads: a data path, a ref's clause id,
// or the refund channel.
type input struct {
	path    []string // .course.title → ["course", "title"]
	ref     string   // for {{ref "id"}}
	channel bool     // for {{channel}}
}

// newMemo returns the memo of a parsed clause template.
func newMemo(tree *parse.Tree) *memo {
	m := &memo{}
	if tree != nil {
		m.inputs, _ = inputsOf(tree)
	}
	return m
}

// pureFuncs are the template functions whose result depends only on their
// arguments and on the course's language and currency, which every key
// holds.
var pureFuncs = map[string]bool{
	"money": true, "words": true, "days": true, "percent": true, "date": true, "units": true, "plural": true,
	"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"and": true, "or": true, "not": true, "len": true, "print": true, "printf": true, "println": true,
}

// inputsOf lists the values a template reads; ok is false when its
// output may depend on more than those.
func inputsOf(tree *parse.Tree) (inputs []input, ok bool) {
	w := &inputWalker{ok: true}
	w.list(tree.Root)
	if !w.ok {
		return nil, false
	}
	if w.inputs == nil {
		w.inputs = []input{} // reads nothing: one text for every course
	}
	return w.inputs, true
}

type inputWalker struct {
	inputs []input
	ok     bool
	// ranging counts the range bodies the walker is in: there the dot
	// is an element of the ranged value, not the top of the data.
	ranging int
}

func (w *inputWalker) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		case *parse.ActionNode:
			w.pipe(n.Pipe)
		case *parse.IfNode:
			w.pipe(n.Pipe)
			w.list(n.List)
			w.list(n.ElseList)
		case *parse.RangeNode:
			// The ranged value is read whole (and keyed whole); the body
			// reads its elements through variables only.
			w.pipe(n.Pipe)
			w.ranging++
			w.list(n.List)
			w.ranging--
			w.list(n.ElseList)
		default:
			w.ok = false
		}
	}
}

// pipe walks a pipeline. A variable it declares or assigns holds a value
// made from what the pipeline reads, so reading the variable later reads
// nothing more.
func (w *inputWalker) pipe(p *parse.PipeNode) {
	if p == nil {
		w.ok = false
		return
	}
	for _, cmd := range p.Cmds {
		w.command(cmd)
	}
}

func (w *inputWalker) command(cmd *parse.CommandNode) {
	if len(cmd.Args) == 0 {
		w.ok = false
		return
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		switch {
		case id.Ident == "ref":
			if len(cmd.Args) != 2 {
				w.ok = false
				return
			}
			s, ok := cmd.Args[1].(*parse.StringNode)
			if !ok {
				w.ok = false
				return
			}
			w.inputs = append(w.inputs, input{ref: s.Text})
			return
		case id.Ident == "channel":
			w.inputs = append(w.inputs, input{channel: true})
		case !pureFuncs[id.Ident]:
			w.ok = false
			return
		}
		for _, a := range cmd.Args[1:] {
			w.arg(a)
		}
		return
	}
	for _, a := range cmd.Args {
		w.arg(a)
	}
}

func (w *inputWalker) arg(a parse.Node) {
	switch a := a.(type) {
	case *parse.FieldNode:
		if w.ranging > 0 {
			w.ok = false // a field of the element, not of the data
			return
		}
		w.inputs = append(w.inputs, input{path: a.Ident})
	case *parse.VariableNode:
		switch {
		case a.Ident[0] != "$":
			// A variable the template set from values it read.
		case len(a.Ident) == 1:
			w.ok = false // the whole data
		default:
			w.inputs = append(w.inputs, input{path: a.Ident[1:]})
		}
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
	case *parse.PipeNode:
		w.pipe(a)
	default:
		w.ok = false
	}
}

// key returns the memo key for one course: the course's currency and the
// value of every input, each tagged with its type and length so that
// different values never give the same key. ok is false when a value is
// missing or of a kind the key cannot hold; the template then runs (and
// reports what is missing).
func (m *memo) key(data map[string]any, currency string, clause func(id string) (*Clause, bool), channel func() string) (string, bool) {
	if m.inputs == nil {
		return "", false
	}
	var b strings.Builder
	b.WriteString(currency)
	for _, in := range m.inputs {
		b.WriteByte(0)
		switch {
		case in.ref != "":
			t, ok := clause(in.ref)
			if !ok {
				return "", false // an error: not remembered
			}
			writeString(&b, t.Number)
			writeString(&b, t.Anchor)
		case in.channel:
			writeString(&b, channel())
		default:
			v, ok := lookupPath(data, in.path)
			if !ok || !writeValue(&b, v) {
				return "", false
			}
		}
	}
	return b.String(), true
}

func lookupPath(data map[string]any, path []string) (any, bool) {
	var v any = data
	for _, name := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[name]; !ok {
			return nil, false
		}
	}
	return v, true
}

func writeString(b *strings.Builder, s string) {
	b.WriteString(strconv.Itoa(len(s)))
	b.WriteByte(':')
	b.WriteString(s)
}

// writeValue writes a data value to a key; false for a kind it does not
// know (maps: a template that prints a whole table is rare).
func writeValue(b *strings.Builder, v any) bool {
	switch v := v.(type) {
	case nil:
		b.WriteString("n")
	case string:
		b.WriteString("s")
		writeString(b, v)
	case int:
		b.WriteString("i" + strconv.Itoa(v))
	case int64:
		b.WriteString("I" + strconv.FormatInt(v, 10))
	case bool:
		b.WriteString("b" + strconv.FormatBool(v))
	case *big.Rat:
		if v == nil {
			b.WriteString("r-")
			return true
		}
		b.WriteString("r")
		writeString(b, v.RatString())
	case time.Time:
		b.WriteString("t")
		writeString(b, v.Format(time.RFC3339Nano)+" "+v.Location().String())
	case []string:
		b.WriteString("L" + strconv.Itoa(len(v)) + "[")
		for _, x := range v {
			writeString(b, x)
			b.WriteByte(',')
		}
		b.WriteString("]")
	case []any:
		b.WriteString("l" + strconv.Itoa(len(v)) + "[")
		for _, x := range v {
			if !writeValue(b, x) {
				return false
			}
			b.WriteByte(',')
		}
		b.WriteString("]")
	default:
		return false
	}
	return true
}

func (m *memo) get(key string) (string, bool) {
	s, ok := m.texts.Load(key)
	if !ok {
		m.misses.Add(1)
		return "", false
	}
	return s.(string), true
}

func (m *memo) put(key, text string) {
	if m.n.Load() >= maxMemo {
		return
	}
	if _, loaded := m.texts.LoadOrStore(key, text); !loaded {
		m.n.Add(1)
	}
}

// Next returns an assembler for s, a later load of the site of a (after
// a clause, a course or the theme changed), that keeps a's memos: a
// clause template whose source did not change keeps its texts, so that
// after an edit of one clause only that clause runs again for the
// courses that include it. A memo's key holds every value its template
// reads, so a kept text is the text the template would write. The
// helpers read the settings too (channel reads the seller), so when
// oferta.toml's settings changed nothing is kept. a may be nil.
func (a *Assembler) Next(s *site.Site) *Assembler {
	b := New(s)
	if a == nil || !reflect.DeepEqual(a.site.Config, s.Config) {
		return b
	}
	type source struct {
		lang, text string
		answer     bool
	}
	old := make(map[source]*memo, len(a.parsed))
	for c, p := range a.parsed {
		if p.body != nil {
			old[source{c.Lang, c.Body, false}] = p.bodyMemo
		}
		if c.FAQ != nil && p.answer != nil {
			old[source{c.Lang, c.FAQ.Answer, true}] = p.answerMemo
		}
	}
	for c, p := range b.parsed {
		if m, ok := old[source{c.Lang, c.Body, false}]; ok && p.body != nil {
			p.bodyMemo = m
		}
		if c.FAQ != nil && p.answer != nil {
			if m, ok := old[source{c.Lang, c.FAQ.Answer, true}]; ok {
				p.answerMemo = m
			}
		}
	}
	return b
}
