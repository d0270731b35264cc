package expr

import "math/big"

// op is what a node does.
type op uint8

const (
	opNum op = iota
	opStr
	opBool
	opVar
	opNeg
	opNot
	opAdd
	opSub
	opMul
	opDiv
	opEq
	opNe
	opLt
	opLe
	opGt
	opGe
	opAnd
	opOr
	opMin
	opMax
	opIf
)

// opNames are the operators' names in String and in the JSON syntax tree.
// calc.js dispatches on the same names.
var opNames = [...]string{
	opNeg: "neg", opNot: "not",
	opAdd: "+", opSub: "-", opMul: "*", opDiv: "/",
	opEq: "==", opNe: "!=", opLt: "<", opLe: "<=", opGt: ">", opGe: ">=",
	opAnd: "and", opOr: "or",
	opMin: "min", opMax: "max", opIf: "if",
}

// node is one node of the syntax tree. A single struct rather than an
// interface per kind keeps evaluation a tight switch.
type node struct {
	op   op
	pos  int      // byte offset of the literal, name, operator or function name
	num  *big.Rat // opNum; never modified after parsing
	frac frac     // opNum: num in machine words, if it fits
	str  string   // opStr value, opVar name
	b    bool     // opBool
	args []*node  // operands, in order
}

// precedence levels, loosest first; used by the parser and by String.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCmp
	precAdd
	precMul
	precUnary
	precPrimary
)

func (n *node) prec() int {
	switch n.op {
	case opOr:
		return precOr
	case opAnd:
		return precAnd
	case opNot:
		return precNot
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return precCmp
	case opAdd, opSub:
		return precAdd
	case opMul, opDiv:
		return precMul
	case opNeg:
		return precUnary
	}
	return precPrimary
}
