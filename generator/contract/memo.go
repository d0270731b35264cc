package contract

import (
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
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
//
// A value the template only prints (an action such as {{ .course.title }},
// {{ money .course.price }}, {{ ref "id" }} or {{ channel }}) is a hole:
// the memo keeps the text around it, in parts, by the values the rest of
// the template reads, and patches each course's values into the holes
// (see hole.go). A clause that names the course then runs once, not once
// per course.
type memo struct {
	inputs []input // of shell; nil: the template is not memoized
	// shell is the template with every hole printing a marker, and holes
	// what they print; shell is the template itself when it has no holes.
	shell *parse.Tree
	holes []hole
	// entries maps the key of the values shell reads to its text in
	// parts. Courses assembled on every core read it all the time and
	// add to it rarely.
	mu      sync.RWMutex
	entries map[string]*entry
	n       atomic.Int32 // entries, and texts kept in them: at most maxMemo
	// misses counts the lookups that found no entry: the template then
	// runs. Tests read it to see which templates ran again after an edit.
	misses atomic.Int64
}

// entry is the text shell gave for one key: literal parts and holes.
type entry struct {
	parts []part
	used  []int  // the holes the parts hold, each once
	text  string // the whole text when no part is a hole
	whole bool   // no part is a hole
	// texts are the texts made from parts, by the values of their holes,
	// so that courses with the same values share one string.
	mu    sync.Mutex
	texts map[string]string
	// looked and found count the lookups in texts and those that found
	// a text; unshared is set once few do (a hole that names the course
	// gives a new text every time), and the texts are then only made.
	looked, found atomic.Int32
	unshared      atomic.Bool
}

// sampleLookups is how many lookups an entry's texts get before it
// decides whether sharing them pays: it does when a quarter find one.
const sampleLookups = 256

// part is a literal text, or the hole with index hole when hole >= 0.
type part struct {
	text string
	hole int
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
	truth   bool     // only whether path is empty, for {{ if .x }}
}

// newMemo returns the memo of a parsed clause template.
func newMemo(tree *parse.Tree) *memo {
	m := &memo{entries: map[string]*entry{}}
	if tree == nil {
		return m
	}
	if _, ok := inputsOf(tree); !ok {
		return m
	}
	m.shell, m.holes = shellOf(tree)
	inputs, _ := inputsOf(m.shell)
	m.inputs = make([]input, 0, len(inputs))
	for _, in := range inputs {
		if in.path == nil || !constantPath(in.path) {
			m.inputs = append(m.inputs, in)
		}
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
			if path, ok := w.condition(n.Pipe); ok {
				// {{ if .x }} reads only whether .x is empty.
				w.inputs = append(w.inputs, input{path: path, truth: true})
			} else {
				w.pipe(n.Pipe)
			}
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

// condition returns the data path of an if's pipeline that is one field
// of the top of the data.
func (w *inputWalker) condition(p *parse.PipeNode) ([]string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil, false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.FieldNode:
		return a.Ident, w.ranging == 0
	case *parse.VariableNode:
		if len(a.Ident) > 1 && a.Ident[0] == "$" {
			return a.Ident[1:], true
		}
	}
	return nil, false
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

// key appends the memo key for one course to b: the course's currency
// and the value of every input, each tagged with its type and length so
// that different values never give the same key. ok is false when a
// value is missing or of a kind the key cannot hold; the template then
// runs (and reports what is missing).
func (m *memo) key(b []byte, data map[string]any, currency string, clause func(id string) (*Clause, bool), channel func() string) ([]byte, bool) {
	if m.inputs == nil {
		return b, false
	}
	b = append(b, currency...)
	for _, in := range m.inputs {
		b = append(b, 0)
		switch {
		case in.ref != "":
			t, ok := clause(in.ref)
			if !ok {
				return b, false // an error: not remembered
			}
			b = appendString(b, t.Number)
			b = appendString(b, t.Anchor)
		case in.channel:
			b = appendString(b, channel())
		case in.truth:
			v, ok := lookupPath(data, in.path)
			if !ok {
				return b, false
			}
			t, ok := template.IsTrue(v)
			if !ok {
				return b, false
			}
			if t {
				b = append(b, 'T')
			} else {
				b = append(b, 'F')
			}
		default:
			v, ok := lookupPath(data, in.path)
			if !ok {
				return b, false
			}
			if b, ok = appendValue(b, v); !ok {
				return b, false
			}
		}
	}
	return b, true
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

func appendString(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

// appendValue appends a data value to a key; false for a kind it does not
// know (maps: a template that prints a whole table is rare).
func appendValue(b []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		b = append(b, 'n')
	case string:
		b = append(b, 's')
		b = appendString(b, v)
	case int:
		b = append(b, 'i')
		b = strconv.AppendInt(b, int64(v), 10)
	case int64:
		b = append(b, 'I')
		b = strconv.AppendInt(b, v, 10)
	case bool:
		b = append(b, 'b')
		b = strconv.AppendBool(b, v)
	case *big.Rat:
		if v == nil {
			return append(b, "r-"...), true
		}
		// Numerator and denominator, as RatString gives them but
		// without making a string.
		b = append(b, 'r')
		b = v.Num().Append(b, 10)
		b = append(b, '/')
		b = v.Denom().Append(b, 10)
	case time.Time:
		b = append(b, 't')
		b = v.AppendFormat(b, time.RFC3339Nano)
		b = append(b, ' ')
		b = appendString(b, v.Location().String())
	case []string:
		b = append(b, 'L')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, '[')
		for _, x := range v {
			b = appendString(b, x)
			b = append(b, ',')
		}
		b = append(b, ']')
	case []any:
		b = append(b, 'l')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, '[')
		for _, x := range v {
			var ok bool
			if b, ok = appendValue(b, x); !ok {
				return b, false
			}
			b = append(b, ',')
		}
		b = append(b, ']')
	case map[string]any:
		// A deduction of .refund.deductions: its keys in order.
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, 'm')
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, '{')
		for _, k := range keys {
			b = appendString(b, k)
			var ok bool
			if b, ok = appendValue(b, v[k]); !ok {
				return b, false
			}
			b = append(b, ',')
		}
		b = append(b, '}')
	default:
		return b, false
	}
	return b, true
}

// get returns the entry of a key.
func (m *memo) get(key []byte) (*entry, bool) {
	m.mu.RLock()
	e, ok := m.entries[string(key)]
	m.mu.RUnlock()
	if !ok {
		m.misses.Add(1)
	}
	return e, ok
}

// put adds the entry of a key, or returns the one another course added
// first.
func (m *memo) put(key []byte, e *entry) *entry {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.entries[string(key)]; ok {
		return old
	}
	if m.n.Load() >= maxMemo {
		return e
	}
	m.entries[string(key)] = e
	m.n.Add(1)
	return e
}

// text returns the text of e for hole values vals, keyed by vkey: one
// string for the courses with the same values, while m keeps fewer than
// maxMemo texts.
func (m *memo) text(e *entry, vals []string, vkey []byte) string {
	if e.whole {
		return e.text
	}
	if e.unshared.Load() {
		return e.join(vals)
	}
	e.mu.Lock()
	if s, ok := e.texts[string(vkey)]; ok {
		e.mu.Unlock()
		e.found.Add(1)
		e.looked.Add(1)
		return s
	}
	e.mu.Unlock()
	if n := e.looked.Add(1); n >= sampleLookups && e.found.Load() < n/4 {
		e.unshared.Store(true)
	}
	s := e.join(vals)
	if m.n.Load() < maxMemo {
		e.mu.Lock()
		if old, ok := e.texts[string(vkey)]; ok {
			s = old
		} else {
			if e.texts == nil {
				e.texts = map[string]string{}
			}
			e.texts[string(vkey)] = s
			m.n.Add(1)
		}
		e.mu.Unlock()
	}
	return s
}

// join makes the text of e's parts with the holes' values.
func (e *entry) join(vals []string) string {
	n := 0
	for _, p := range e.parts {
		if p.hole >= 0 {
			n += len(vals[p.hole])
		} else {
			n += len(p.text)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range e.parts {
		if p.hole >= 0 {
			b.WriteString(vals[p.hole])
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
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
