package expr

import "strings"

// String returns the expression in canonical form: single spaces around
// binary operators, ", " between arguments, numbers as exact decimals and
// only the parentheses precedence needs. Parsing the result gives the same
// syntax tree, so String is also how formulas are shown to people.
func (e *Expr) String() string {
	var b strings.Builder
	writeNode(&b, e.root)
	return b.String()
}

func writeNode(b *strings.Builder, n *node) {
	switch n.op {
	case opNum:
		b.WriteString(RatString(n.num))
	case opStr:
		b.WriteString(quote(n.str))
	case opBool:
		if n.b {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case opVar:
		b.WriteString(n.str)
	case opNeg:
		b.WriteByte('-')
		writeOperand(b, n.args[0], precUnary)
	case opNot:
		b.WriteString("not ")
		writeOperand(b, n.args[0], precNot)
	case opMin, opMax, opIf:
		b.WriteString(opNames[n.op])
		b.WriteByte('(')
		for i, a := range n.args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeNode(b, a)
		}
		b.WriteByte(')')
	default: // binary, left-associative; comparisons do not chain
		p := n.prec()
		left := p
		if p == precCmp {
			left = p + 1
		}
		writeOperand(b, n.args[0], left)
		b.WriteByte(' ')
		b.WriteString(opNames[n.op])
		b.WriteByte(' ')
		writeOperand(b, n.args[1], p+1)
	}
}

// writeOperand writes n, in parentheses if it binds looser than min.
func writeOperand(b *strings.Builder, n *node, min int) {
	if n.prec() >= min {
		writeNode(b, n)
		return
	}
	b.WriteByte('(')
	writeNode(b, n)
	b.WriteByte(')')
}
