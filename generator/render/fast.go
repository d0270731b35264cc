package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// A page of a large site executes its layout thousands of times, and
// text/template spends most of that time on reflection: it looks every
// field up by name and calls every function, above all html/template's
// escapers, through reflect.Value.Call. A fastProg executes the same
// escaped parse trees with the field indices cached and the functions
// called directly.
//
// It is a shortcut, never a second meaning: it runs only what it does
// exactly as text/template and html/template do (the nodes, functions
// and values the default theme uses, and anything like them in a custom
// theme), and gives up — compiling a layout it cannot run, or at the
// first value it cannot handle while running — whenever it meets
// something else: a method, a map, a nil pointer, an error, a function
// it does not know. The renderer then executes the page with
// html/template as before (see layout.execute), so every page, every
// error message included, is what html/template makes of it.
// TestFastMatchesTemplate compares the two on every page kind.

// errUnsupported says that a layout uses what fastProg does not run.
var errUnsupported = errors.New("not supported by the fast executor")

// fastBail is the panic by which an execution gives up.
type fastBail struct{}

func bail() { panic(fastBail{}) }

// fastProg is the compiled templates of one layout, by name.
type fastProg struct {
	tmpls map[string]*fastTmpl
}

type fastTmpl struct {
	root fnode
}

type (
	fnode func(s *fstate, dot reflect.Value)
	fpipe func(s *fstate, dot reflect.Value) reflect.Value
	// fcmd evaluates a command; final is the value of the command before
	// it in the pipeline, when hasFinal.
	fcmd func(s *fstate, dot, final reflect.Value, hasFinal bool) reflect.Value
	// farg evaluates an argument of a function.
	farg func(s *fstate, dot reflect.Value) reflect.Value
)

type fvar struct {
	name  string
	value reflect.Value
}

// fstate is one execution.
type fstate struct {
	b     *bytes.Buffer
	vars  []fvar
	base  int // the first variable of the template executing
	depth int
}

// maxFastDepth bounds nested template calls; beyond it html/template
// reports the recursion.
const maxFastDepth = 1000

// execute runs template name with data into b. It reports false, with b
// as it was, when it gave up.
func (p *fastProg) execute(b *bytes.Buffer, name string, data any) (ok bool) {
	t := p.tmpls[name]
	if t == nil {
		return false
	}
	n := b.Len()
	s := &fstate{b: b}
	defer func() {
		// A bail, or a panic inside reflect on a value it did not
		// expect: html/template executes the page, and reports the
		// error if there is one.
		if r := recover(); r != nil {
			b.Truncate(n)
			ok = false
		}
	}()
	dot := reflect.ValueOf(data)
	s.vars = append(s.vars, fvar{"$", dot})
	t.root(s, dot)
	return true
}

// compileFast compiles the templates of set, which html/template has
// escaped.
func compileFast(set *template.Template, t func(string) (string, error)) (*fastProg, error) {
	p := &fastProg{tmpls: map[string]*fastTmpl{}}
	c := &fastCompiler{prog: p, t: t}
	for _, tm := range set.Templates() {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		p.tmpls[tm.Name()] = &fastTmpl{}
	}
	for _, tm := range set.Templates() {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		root, err := c.list(tm.Tree.Root)
		if err != nil {
			return nil, err
		}
		p.tmpls[tm.Name()].root = root
	}
	return p, nil
}

type fastCompiler struct {
	prog *fastProg
	t    func(string) (string, error)
}

func (c *fastCompiler) list(l *parse.ListNode) (fnode, error) {
	if l == nil {
		return nil, nil
	}
	var nodes []fnode
	for _, n := range l.Nodes {
		f, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if f != nil {
			nodes = append(nodes, f)
		}
	}
	switch len(nodes) {
	case 0:
		return func(*fstate, reflect.Value) {}, nil
	case 1:
		return nodes[0], nil
	}
	return func(s *fstate, dot reflect.Value) {
		for _, f := range nodes {
			f(s, dot)
		}
	}, nil
}

func (c *fastCompiler) node(n parse.Node) (fnode, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *fstate, _ reflect.Value) { s.b.Write(text) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		if f, ok := c.escaped(n.Pipe); ok {
			return f, nil
		}
		p, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		if len(n.Pipe.Decl) > 0 {
			return func(s *fstate, dot reflect.Value) { p(s, dot) }, nil
		}
		return func(s *fstate, dot reflect.Value) { s.print(p(s, dot)) }, nil
	case *parse.IfNode:
		return c.ifWith(false, &n.BranchNode)
	case *parse.WithNode:
		return c.ifWith(true, &n.BranchNode)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.template(n)
	case *parse.ListNode:
		return c.list(n)
	}
	return nil, errUnsupported
}

// escaped compiles the most common action, a value and the escapers
// html/template put after it, {{.Title | _html_template_htmlescaper}},
// to print the escaped text without making a reflect.Value of each step.
func (c *fastCompiler) escaped(p *parse.PipeNode) (fnode, bool) {
	if len(p.Decl) > 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return nil, false
	}
	if _, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok {
		return nil, false
	}
	first, err := c.operand(p.Cmds[0].Args[0])
	if err != nil {
		return nil, false
	}
	var escs []func(string, contentKind) string
	for _, cmd := range p.Cmds[1:] {
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok || len(cmd.Args) != 1 || fastEscapers[id.Ident] == nil {
			return nil, false
		}
		escs = append(escs, fastEscapers[id.Ident])
	}
	return func(s *fstate, dot reflect.Value) {
		v := first(s, dot)
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
		str, k := valueString(v)
		for _, esc := range escs {
			str, k = esc(str, k), contentPlain
		}
		s.b.WriteString(str)
	}, true
}

func (c *fastCompiler) ifWith(with bool, b *parse.BranchNode) (fnode, error) {
	p, err := c.pipe(b.Pipe)
	if err != nil {
		return nil, err
	}
	list, err := c.list(b.List)
	if err != nil {
		return nil, err
	}
	elseList, err := c.list(b.ElseList)
	if err != nil {
		return nil, err
	}
	return func(s *fstate, dot reflect.Value) {
		mark := len(s.vars)
		val := p(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			bail()
		}
		if truth {
			if with {
				list(s, val)
			} else {
				list(s, dot)
			}
		} else if elseList != nil {
			elseList(s, dot)
		}
		s.vars = s.vars[:mark]
	}, nil
}

func (c *fastCompiler) rangeNode(r *parse.RangeNode) (fnode, error) {
	if len(r.Pipe.Decl) > 2 {
		return nil, errUnsupported
	}
	p, err := c.pipe(r.Pipe)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	elseList, err := c.list(r.ElseList)
	if err != nil {
		return nil, err
	}
	decl := r.Pipe.Decl
	assign := r.Pipe.IsAssign
	return func(s *fstate, dot reflect.Value) {
		mark0 := len(s.vars)
		val, _ := indirect(p(s, dot))
		mark := len(s.vars)
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			n := val.Len()
			if n == 0 {
				break
			}
			for i := 0; i < n; i++ {
				elem := val.Index(i)
				if len(decl) > 0 {
					if assign {
						if len(decl) > 1 {
							s.setVar(decl[0].Ident[0], reflect.ValueOf(i))
						} else {
							s.setVar(decl[0].Ident[0], elem)
						}
					} else {
						s.setTopVar(1, elem)
					}
				}
				if len(decl) > 1 {
					if assign {
						s.setVar(decl[1].Ident[0], elem)
					} else {
						s.setTopVar(2, reflect.ValueOf(i))
					}
				}
				body(s, elem)
				s.vars = s.vars[:mark]
			}
			s.vars = s.vars[:mark0]
			return
		case reflect.Invalid:
		default:
			bail() // maps, numbers, channels, functions: html/template
		}
		if elseList != nil {
			elseList(s, dot)
		}
		s.vars = s.vars[:mark0]
	}, nil
}

func (c *fastCompiler) template(n *parse.TemplateNode) (fnode, error) {
	t, ok := c.prog.tmpls[n.Name]
	if !ok {
		return nil, errUnsupported
	}
	var p fpipe
	if n.Pipe != nil {
		var err error
		if p, err = c.pipe(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *fstate, dot reflect.Value) {
		if s.depth >= maxFastDepth || t.root == nil {
			bail()
		}
		var d reflect.Value
		if p != nil {
			d = p(s, dot)
		}
		base := s.base
		s.base = len(s.vars)
		s.vars = append(s.vars, fvar{"$", d})
		s.depth++
		t.root(s, d)
		s.depth--
		s.vars = s.vars[:s.base]
		s.base = base
	}, nil
}

func (c *fastCompiler) pipe(p *parse.PipeNode) (fpipe, error) {
	if p == nil {
		return nil, errUnsupported
	}
	cmds := make([]fcmd, len(p.Cmds))
	for i, cmd := range p.Cmds {
		f, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		cmds[i] = f
	}
	decl := p.Decl
	assign := p.IsAssign
	return func(s *fstate, dot reflect.Value) reflect.Value {
		var value reflect.Value
		for i, cmd := range cmds {
			value = cmd(s, dot, value, i > 0)
			if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
				value = value.Elem()
			}
		}
		for _, v := range decl {
			if assign {
				s.setVar(v.Ident[0], value)
			} else {
				s.vars = append(s.vars, fvar{v.Ident[0], value})
			}
		}
		return value
	}, nil
}

// noArgs is a command of one word that takes no argument.
func noArgs(f farg) fcmd {
	return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
		if hasFinal {
			bail()
		}
		return f(s, dot)
	}
}

func (c *fastCompiler) command(cmd *parse.CommandNode) (fcmd, error) {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.function(id.Ident, cmd.Args[1:])
	}
	if len(cmd.Args) != 1 {
		return nil, errUnsupported // arguments to a method, or an error
	}
	f, err := c.operand(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	return noArgs(f), nil
}

// operand compiles a word that is not a function: a field chain, a
// variable, a parenthesized pipeline or a constant. It is what
// text/template evaluates for a command of one word and, since
// operands that are not constants must be valid values there, for an
// argument of a builtin function.
func (c *fastCompiler) operand(n parse.Node) (farg, error) {
	switch n := n.(type) {
	case *parse.FieldNode:
		chain := newFieldChain(n.Ident)
		return func(s *fstate, dot reflect.Value) reflect.Value { return chain.eval(dot) }, nil
	case *parse.ChainNode:
		p, ok := n.Node.(*parse.PipeNode)
		if !ok {
			return nil, errUnsupported
		}
		inner, err := c.pipe(p)
		if err != nil {
			return nil, err
		}
		chain := newFieldChain(n.Field)
		return func(s *fstate, dot reflect.Value) reflect.Value { return chain.eval(inner(s, dot)) }, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return func(s *fstate, _ reflect.Value) reflect.Value { return s.varValue(name) }, nil
		}
		chain := newFieldChain(n.Ident[1:])
		return func(s *fstate, _ reflect.Value) reflect.Value { return chain.eval(s.varValue(name)) }, nil
	case *parse.PipeNode:
		p, err := c.pipe(n)
		if err != nil {
			return nil, err
		}
		return farg(p), nil
	case *parse.DotNode:
		return func(_ *fstate, dot reflect.Value) reflect.Value { return dot }, nil
	case *parse.BoolNode:
		v := reflect.ValueOf(n.True)
		return func(*fstate, reflect.Value) reflect.Value { return v }, nil
	case *parse.StringNode:
		v := reflect.ValueOf(n.Text)
		return func(*fstate, reflect.Value) reflect.Value { return v }, nil
	case *parse.NumberNode:
		// What text/template's idealConstant makes an int; floats,
		// complex numbers and overflows stay with it.
		if !n.IsInt || n.IsComplex || strings.ContainsAny(n.Text, ".eEpP") && !isHexInt(n.Text) && !isRuneInt(n.Text) || int64(int(n.Int64)) != n.Int64 {
			return nil, errUnsupported
		}
		v := reflect.ValueOf(int(n.Int64))
		return func(*fstate, reflect.Value) reflect.Value { return v }, nil
	}
	return nil, errUnsupported
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// valueArg is an argument of a builtin taking reflect.Values (eq, and,
// index, …): an invalid value there is an error.
func (c *fastCompiler) valueArg(n parse.Node) (farg, error) {
	f, err := c.operand(n)
	if err != nil {
		if id, ok := n.(*parse.IdentifierNode); ok {
			// A function without arguments: {{and .X true}} has none,
			// but {{eq (f) 1}} comes as a pipe; a bare identifier is
			// a call with no arguments.
			cmd, err := c.function(id.Ident, nil)
			if err != nil {
				return nil, err
			}
			f = func(s *fstate, dot reflect.Value) reflect.Value { return cmd(s, dot, reflect.Value{}, false) }
		} else {
			return nil, err
		}
	}
	switch n.(type) {
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		return f, nil
	}
	return func(s *fstate, dot reflect.Value) reflect.Value {
		v := f(s, dot)
		if !v.IsValid() {
			bail()
		}
		return v
	}, nil
}

// stringArg is an argument of a function whose parameter is a string.
func (c *fastCompiler) stringArg(n parse.Node) (farg, error) {
	if s, ok := n.(*parse.StringNode); ok {
		v := reflect.ValueOf(s.Text)
		return func(*fstate, reflect.Value) reflect.Value { return v }, nil
	}
	switch n.(type) {
	case *parse.BoolNode, *parse.NumberNode, *parse.NilNode, *parse.IdentifierNode:
		return nil, errUnsupported
	}
	f, err := c.operand(n)
	if err != nil {
		return nil, err
	}
	return func(s *fstate, dot reflect.Value) reflect.Value {
		v := f(s, dot)
		if !v.IsValid() || v.Type() != stringType {
			bail()
		}
		return v
	}, nil
}

// anyArg is an argument of a function whose parameter is any (printf's).
func (c *fastCompiler) anyArg(n parse.Node) (farg, error) {
	if _, ok := n.(*parse.IdentifierNode); ok {
		return nil, errUnsupported
	}
	return c.operand(n)
}

var stringType = reflect.TypeFor[string]()

// function compiles a call of the function name with args.
func (c *fastCompiler) function(name string, args []parse.Node) (fcmd, error) {
	if strings.HasPrefix(name, "_html_template_") {
		esc := fastEscapers[name]
		if esc == nil || len(args) > 0 {
			return nil, errUnsupported
		}
		return func(s *fstate, _, final reflect.Value, hasFinal bool) reflect.Value {
			if !hasFinal {
				bail()
			}
			return reflect.ValueOf(esc(valueString(final)))
		}, nil
	}
	switch name {
	case "and", "or":
		if len(args) == 0 {
			return nil, errUnsupported
		}
		fs, err := c.args(args, c.valueArg)
		if err != nil {
			return nil, err
		}
		or := name == "or"
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			var v reflect.Value
			for _, f := range fs {
				v = f(s, dot)
				if truth(v) == or {
					return v
				}
			}
			return v
		}, nil
	case "not":
		fs, err := c.args(args, c.valueArg)
		if err != nil || len(fs) != 1 {
			return nil, errUnsupported
		}
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			return reflect.ValueOf(!truth(fs[0](s, dot)))
		}, nil
	case "eq", "ne", "lt", "le", "gt", "ge":
		fs, err := c.args(args, c.valueArg)
		if err != nil || len(fs) < 2 || name != "eq" && len(fs) != 2 {
			return nil, errUnsupported
		}
		cmp := name
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			a := fs[0](s, dot)
			switch cmp {
			case "eq":
				for _, f := range fs[1:] {
					if compare(a, f(s, dot)) == 0 {
						return reflect.ValueOf(true)
					}
				}
				return reflect.ValueOf(false)
			case "ne":
				return reflect.ValueOf(compare(a, fs[1](s, dot)) != 0)
			}
			if c := compare(a, fs[1](s, dot)); c == 2 {
				bail() // unordered: bools
			} else {
				switch cmp {
				case "lt":
					return reflect.ValueOf(c < 0)
				case "le":
					return reflect.ValueOf(c <= 0)
				case "gt":
					return reflect.ValueOf(c > 0)
				default:
					return reflect.ValueOf(c >= 0)
				}
			}
			panic("not reached")
		}, nil
	case "index":
		fs, err := c.args(args, c.valueArg)
		if err != nil || len(fs) != 2 {
			return nil, errUnsupported
		}
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			item := indirectInterface(fs[0](s, dot))
			x := indirectInterface(fs[1](s, dot))
			item, isNil := indirect(item)
			if isNil || item.Kind() != reflect.Slice && item.Kind() != reflect.Array {
				bail()
			}
			var i int64
			switch x.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				i = x.Int()
			default:
				bail()
			}
			if i < 0 || i >= int64(item.Len()) {
				bail()
			}
			return item.Index(int(i))
		}, nil
	case "len":
		fs, err := c.args(args, c.valueArg)
		if err != nil || len(fs) != 1 {
			return nil, errUnsupported
		}
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			item, isNil := indirect(fs[0](s, dot))
			if isNil {
				bail()
			}
			switch item.Kind() {
			case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(item.Len())
			}
			bail()
			return reflect.Value{}
		}, nil
	case "printf":
		if len(args) == 0 {
			return nil, errUnsupported
		}
		format, err := c.stringArg(args[0])
		if err != nil {
			return nil, err
		}
		rest, err := c.args(args[1:], c.anyArg)
		if err != nil {
			return nil, err
		}
		return func(s *fstate, dot, _ reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				bail()
			}
			f := format(s, dot).String()
			vals := make([]any, len(rest))
			for i, a := range rest {
				if v := a(s, dot); v.IsValid() {
					vals[i] = v.Interface()
				}
			}
			return reflect.ValueOf(fmt.Sprintf(f, vals...))
		}, nil
	case "nb", "cssString", "t":
		return c.stringFunc(name, args, 1)
	case "endsWith":
		return c.stringFunc(name, args, 2)
	}
	return nil, errUnsupported
}

func (c *fastCompiler) args(args []parse.Node, kind func(parse.Node) (farg, error)) ([]farg, error) {
	fs := make([]farg, len(args))
	for i, a := range args {
		f, err := kind(a)
		if err != nil {
			return nil, err
		}
		fs[i] = f
	}
	return fs, nil
}

// stringFunc compiles a call of one of the layouts' own functions, whose
// n parameters are strings (see Theme.funcs).
func (c *fastCompiler) stringFunc(name string, args []parse.Node, n int) (fcmd, error) {
	fs, err := c.args(args, c.stringArg)
	if err != nil || len(fs) > n {
		return nil, errUnsupported
	}
	t := c.t
	return func(s *fstate, dot, final reflect.Value, hasFinal bool) reflect.Value {
		var in [2]string
		k := 0
		for _, f := range fs {
			in[k] = f(s, dot).String()
			k++
		}
		if hasFinal {
			if !final.IsValid() || final.Type() != stringType || k == n {
				bail()
			}
			in[k] = final.String()
			k++
		}
		if k != n {
			bail()
		}
		switch name {
		case "nb":
			return reflect.ValueOf(noBreak(in[0]))
		case "cssString":
			return reflect.ValueOf(cssString(in[0]))
		case "endsWith":
			return reflect.ValueOf(strings.HasSuffix(in[0], in[1]))
		default:
			if t == nil {
				bail()
			}
			str, err := t(in[0])
			if err != nil {
				bail()
			}
			return reflect.ValueOf(str)
		}
	}, nil
}

// compare compares two values as text/template's eq and lt do: -1, 0, 1,
// or 2 for equal-or-not values without an order (bools: 0 or 2). It gives
// up on everything else.
func compare(a, b reflect.Value) int {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka != kb || ka == 0 {
		bail()
	}
	switch ka {
	case reflect.Bool:
		if a.Bool() == b.Bool() {
			return 0
		}
		return 2
	case reflect.Int:
		x, y := a.Int(), b.Int()
		return cmp3(x < y, x == y)
	case reflect.Uint:
		x, y := a.Uint(), b.Uint()
		return cmp3(x < y, x == y)
	default:
		x, y := a.String(), b.String()
		return cmp3(x < y, x == y)
	}
}

func cmp3(less, equal bool) int {
	switch {
	case less:
		return -1
	case equal:
		return 0
	}
	return 1
}

// basicKind is text/template's classes of comparable values: Bool, Int,
// Uint and String stand for theirs; 0 for the others.
func basicKind(v reflect.Value) reflect.Kind {
	switch v.Kind() {
	case reflect.Bool:
		return reflect.Bool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return reflect.Uint
	case reflect.String:
		return reflect.String
	}
	return 0
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// isTrue is text/template's truth of if and with.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

// indirect is text/template's: through pointers and interfaces to the
// value, or to the nil one on the way.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func (s *fstate) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	bail()
	return reflect.Value{}
}

func (s *fstate) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	bail()
}

func (s *fstate) setTopVar(n int, v reflect.Value) {
	s.vars[len(s.vars)-n].value = v
}

// print prints the value of an action: after html/template's escapers,
// always a string.
func (s *fstate) print(v reflect.Value) {
	if v.Kind() != reflect.String || v.Type().NumMethod() != 0 {
		bail()
	}
	s.b.WriteString(v.String())
}

// A fieldChain is .A.B.C, each field's index cached for the last type
// it was looked up in.
type fieldChain []*fieldRef

type fieldRef struct {
	name  string
	cache atomic.Pointer[fieldIndex]
}

type fieldIndex struct {
	typ   reflect.Type
	index []int // through embedded structs when longer than one
}

func newFieldChain(idents []string) fieldChain {
	c := make(fieldChain, len(idents))
	for i, id := range idents {
		c[i] = &fieldRef{name: id}
	}
	return c
}

func (c fieldChain) eval(v reflect.Value) reflect.Value {
	for _, f := range c {
		v = f.eval(v)
	}
	return v
}

// eval is text/template's evalField for an exported field of a struct
// (through pointers) that is not also a method; it gives up on the rest.
func (f *fieldRef) eval(v reflect.Value) reflect.Value {
	v, isNil := indirect(v)
	if isNil || v.Kind() != reflect.Struct {
		bail()
	}
	t := v.Type()
	x := f.cache.Load()
	if x == nil || x.typ != t {
		x = lookupField(t, f.name)
		f.cache.Store(x)
	}
	if len(x.index) == 1 {
		return v.Field(x.index[0])
	}
	v, err := v.FieldByIndexErr(x.index)
	if err != nil {
		bail() // a nil embedded pointer
	}
	return v
}

func lookupField(t reflect.Type, name string) *fieldIndex {
	if _, ok := t.MethodByName(name); ok {
		bail()
	}
	if _, ok := reflect.PointerTo(t).MethodByName(name); ok {
		bail()
	}
	sf, ok := t.FieldByName(name)
	if !ok || !sf.IsExported() {
		bail()
	}
	return &fieldIndex{typ: t, index: sf.Index}
}
