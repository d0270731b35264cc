package expr

import (
	"math/big"
	"unicode/utf8"
)

// Expr is a parsed expression. It is immutable and safe for concurrent use.
type Expr struct {
	src  string
	root *node
	vars []VarRef
}

// VarRef is one use of a variable in the source.
type VarRef struct {
	Name   string
	Offset int // byte offset of the name
	Line   int // 1-based
	Col    int // 1-based, in runes
}

// Parse parses src. Errors are *Error.
func Parse(src string) (*Expr, error) {
	if len(src) > MaxSource {
		return nil, errorAt(src, MaxSource, "formula longer than %d bytes", MaxSource)
	}
	if !utf8.ValidString(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRuneInString(src[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, errorAt(src, off, "invalid UTF-8")
	}
	p := &parser{lex: lexer{src: src}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tEOF {
		return nil, errorAt(src, p.tok.pos, "empty formula")
	}
	root, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, p.unexpected()
	}
	e := &Expr{src: src, root: root}
	e.vars = collectVars(root, nil)
	// Uses come out in source order, so one forward scan places them all.
	line, col, off := 1, 1, 0
	for i := range e.vars {
		for ; off < e.vars[i].Offset; off++ {
			switch c := src[off]; {
			case c == '\n':
				line, col = line+1, 1
			case c&0xC0 != 0x80: // not a UTF-8 continuation byte
				col++
			}
		}
		e.vars[i].Line, e.vars[i].Col = line, col
	}
	return e, nil
}

// MustParse is Parse for formulas written in Go source; it panics on error.
func MustParse(src string) *Expr {
	e, err := Parse(src)
	if err != nil {
		panic("expr.MustParse(" + quote(src) + "): " + err.Error())
	}
	return e
}

// Source returns the text the expression was parsed from.
func (e *Expr) Source() string { return e.src }

// Vars returns every use of a variable, in source order.
func (e *Expr) Vars() []VarRef { return append([]VarRef(nil), e.vars...) }

// collectVars lists the variables of n in source order: operands are
// stored left to right and unary operators precede their operand.
func collectVars(n *node, out []VarRef) []VarRef {
	if n.op == opVar {
		out = append(out, VarRef{Name: n.str, Offset: n.pos})
	}
	for _, a := range n.args {
		out = collectVars(a, out)
	}
	return out
}

type parser struct {
	lex   lexer
	tok   token // the current, not yet consumed token
	depth int
}

func (p *parser) advance() *Error {
	t, err := p.lex.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

func (p *parser) unexpected() *Error {
	return errorAt(p.lex.src, p.tok.pos, "unexpected %s", p.tok.describe())
}

// enter guards recursion: every level of nesting in the source passes here.
func (p *parser) enter() *Error {
	p.depth++
	if p.depth > MaxDepth {
		return errorAt(p.lex.src, p.tok.pos, "formula nested too deeply (more than %d levels)", MaxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) parseOr() (*node, *Error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.parseAnd()
	for err == nil && p.tok.kind == tOr {
		pos := p.tok.pos
		if err = p.advance(); err != nil {
			break
		}
		var y *node
		if y, err = p.parseAnd(); err == nil {
			x = &node{op: opOr, pos: pos, args: []*node{x, y}}
		}
	}
	return x, err
}

func (p *parser) parseAnd() (*node, *Error) {
	x, err := p.parseNot()
	for err == nil && p.tok.kind == tAnd {
		pos := p.tok.pos
		if err = p.advance(); err != nil {
			break
		}
		var y *node
		if y, err = p.parseNot(); err == nil {
			x = &node{op: opAnd, pos: pos, args: []*node{x, y}}
		}
	}
	return x, err
}

func (p *parser) parseNot() (*node, *Error) {
	if p.tok.kind != tNot {
		return p.parseCmp()
	}
	pos := p.tok.pos
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.parseNot()
	if err != nil {
		return nil, err
	}
	return &node{op: opNot, pos: pos, args: []*node{x}}, nil
}

var cmpOps = map[tokenKind]op{tEq: opEq, tNe: opNe, tLt: opLt, tLe: opLe, tGt: opGt, tGe: opGe}

func (p *parser) parseCmp() (*node, *Error) {
	x, err := p.parseAdd()
	if err != nil {
		return nil, err
	}
	o, ok := cmpOps[p.tok.kind]
	if !ok {
		return x, nil
	}
	pos := p.tok.pos
	if err := p.advance(); err != nil {
		return nil, err
	}
	y, err := p.parseAdd()
	if err != nil {
		return nil, err
	}
	if _, chained := cmpOps[p.tok.kind]; chained {
		return nil, errorAt(p.lex.src, p.tok.pos, "comparisons cannot be chained; join them with 'and'")
	}
	return &node{op: o, pos: pos, args: []*node{x, y}}, nil
}

func (p *parser) parseAdd() (*node, *Error) {
	x, err := p.parseMul()
	for err == nil && (p.tok.kind == tPlus || p.tok.kind == tMinus) {
		o, pos := opAdd, p.tok.pos
		if p.tok.kind == tMinus {
			o = opSub
		}
		if err = p.advance(); err != nil {
			break
		}
		var y *node
		if y, err = p.parseMul(); err == nil {
			x = &node{op: o, pos: pos, args: []*node{x, y}}
		}
	}
	return x, err
}

func (p *parser) parseMul() (*node, *Error) {
	x, err := p.parseUnary()
	for err == nil && (p.tok.kind == tStar || p.tok.kind == tSlash) {
		o, pos := opMul, p.tok.pos
		if p.tok.kind == tSlash {
			o = opDiv
		}
		if err = p.advance(); err != nil {
			break
		}
		var y *node
		if y, err = p.parseUnary(); err == nil {
			x = &node{op: o, pos: pos, args: []*node{x, y}}
		}
	}
	return x, err
}

func (p *parser) parseUnary() (*node, *Error) {
	if p.tok.kind != tMinus {
		return p.parsePrimary()
	}
	pos := p.tok.pos
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	return &node{op: opNeg, pos: pos, args: []*node{x}}, nil
}

// functions maps a function name to its op and number of arguments.
var functions = map[string]struct {
	op    op
	arity int
}{
	"min": {opMin, 2},
	"max": {opMax, 2},
	"if":  {opIf, 3},
}

func (p *parser) parsePrimary() (*node, *Error) {
	t := p.tok
	switch t.kind {
	case tNum:
		r, ok := new(big.Rat).SetString(t.text)
		if !ok { // the lexer admits only digits and one dot
			return nil, errorAt(p.lex.src, t.pos, "invalid number %s", t.text)
		}
		return &node{op: opNum, pos: t.pos, num: r, frac: fracOf(r)}, p.advance()
	case tStr:
		return &node{op: opStr, pos: t.pos, str: t.text}, p.advance()
	case tTrue, tFalse:
		return &node{op: opBool, pos: t.pos, b: t.kind == tTrue}, p.advance()
	case tLParen:
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tRParen {
			return nil, errorAt(p.lex.src, p.tok.pos, "expected ')' to close '(' at column %d, found %s",
				colOf(p.lex.src, t.pos), p.tok.describe())
		}
		return x, p.advance()
	case tIdent:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tLParen {
			return &node{op: opVar, pos: t.pos, str: t.text}, nil
		}
		return p.parseCall(t)
	}
	return nil, p.unexpected()
}

// parseCall parses the arguments of name(…); the current token is '('.
func (p *parser) parseCall(name token) (*node, *Error) {
	fn, ok := functions[name.text]
	if !ok {
		return nil, errorAt(p.lex.src, name.pos, "unknown function %s; the functions are min, max and if", quoteShort(name.text))
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	n := &node{op: fn.op, pos: name.pos}
	for {
		if p.tok.kind == tRParen && len(n.args) == 0 {
			break
		}
		a, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
		if p.tok.kind != tComma {
			break
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	if p.tok.kind != tRParen {
		return nil, errorAt(p.lex.src, p.tok.pos, "expected ',' or ')' in %s(…), found %s", name.text, p.tok.describe())
	}
	if len(n.args) != fn.arity {
		return nil, errorAt(p.lex.src, name.pos, "%s takes %d arguments, got %d", name.text, fn.arity, len(n.args))
	}
	return n, p.advance()
}

func colOf(src string, off int) int {
	_, col := position(src, off)
	return col
}
