package expr

// The fast evaluator computes in machine words (frac) what the big.Rat
// evaluator computes, for the formulas of real courses: amounts, counts and
// fractions whose every intermediate value fits in an int64. It never makes
// an error. On an overflow, a number too large for an int64, or anything
// the big.Rat evaluator reports as an error, it gives up, and Eval runs the
// big.Rat evaluator over the whole expression.
//
// The two therefore agree by construction. Each operation of the fast
// evaluator is the same exact rational operation, so when it succeeds it
// has the value big.Rat arithmetic gives, through the same short-circuits;
// and since it gives up wherever the big.Rat evaluator would fail, every
// error, with its message and position, still comes from one place.
//
// An operand that must be a number is evaluated by fastNum and one that
// must be a bool by fastBool, each returning just that: most of a formula
// is arithmetic, and passing a frac rather than a whole value up the tree
// is what makes the evaluator fast. fast, for a value of any kind, serves
// the operands of comparisons and the whole expression.

// fastValue is a value of the fast evaluator.
type fastValue struct {
	kind Kind
	b    bool
	frac frac
	str  string
}

// evalFast evaluates the expression in machine words; ok is false when it
// cannot, and then only the big.Rat evaluator can tell why.
func (e *Expr) evalFast(env Env) (v Value, ok bool) {
	ev := evaluator{src: e.src, env: env}
	fv, ok := ev.fast(e.root)
	if !ok {
		return Value{}, false
	}
	// A number is returned as a frac alone; Value.Num makes the big.Rat
	// only for a caller that wants one (see Value.Frac64).
	return Value{kind: fv.kind, b: fv.b, frac: fv.frac, str: fv.str}, true
}

// fast evaluates n, of any kind.
func (ev *evaluator) fast(n *node) (fastValue, bool) {
	switch n.op {
	case opStr:
		return fastValue{kind: String, str: n.str}, true
	case opVar:
		v, ok := ev.lookupFast(n)
		return fastValue{kind: v.kind, b: v.b, frac: v.frac, str: v.str}, ok
	case opIf:
		c, ok := ev.fastBool(n.args[0])
		if !ok {
			return fastValue{}, false
		}
		if c {
			return ev.fast(n.args[1])
		}
		return ev.fast(n.args[2])
	case opBool, opNot, opAnd, opOr, opEq, opNe, opLt, opLe, opGt, opGe:
		b, ok := ev.fastBool(n)
		return fastValue{kind: Boolean, b: b}, ok
	}
	// Every other operator gives a number.
	x, ok := ev.fastNum(n)
	return fastValue{kind: Number, frac: x}, ok
}

// lookupFast looks a variable up. ok is false when the big.Rat evaluator
// would fail, or when the variable is a number too large for a frac.
func (ev *evaluator) lookupFast(n *node) (Value, bool) {
	v, ok := ev.env.Lookup(n.str)
	// A number without a valid frac is too large, or missing (an error).
	return v, ok && v.kind != Invalid && (v.kind != Number || v.frac.valid())
}

// varNum is lookupFast for a variable that must be a number, the most
// frequent node of a formula. Returning the frac alone, not the Value,
// saves copying a Value on every lookup.
func (ev *evaluator) varNum(n *node) (frac, bool) {
	v, ok := ev.env.Lookup(n.str)
	// A missing number has no valid frac either: the zero frac.
	return v.frac, ok && v.kind == Number && v.frac.valid()
}

// fastNum evaluates n, which must be a number.
func (ev *evaluator) fastNum(n *node) (frac, bool) {
	switch n.op {
	case opNum:
		return n.frac, n.frac.valid()
	case opVar:
		return ev.varNum(n)
	case opNeg:
		x, ok := ev.fastNum(n.args[0])
		return x.neg(), ok
	case opAdd, opSub, opMul, opDiv:
		x, ok := ev.fastNum(n.args[0])
		if !ok {
			return frac{}, false
		}
		y, ok := ev.fastNum(n.args[1])
		if !ok {
			return frac{}, false
		}
		switch n.op {
		case opAdd:
			return x.add(y)
		case opSub:
			return x.sub(y)
		case opMul:
			return x.mul(y)
		}
		return x.quo(y) // not ok for a division by zero
	case opMin, opMax:
		x, ok := ev.fastNum(n.args[0])
		if !ok {
			return frac{}, false
		}
		y, ok := ev.fastNum(n.args[1])
		if !ok {
			return frac{}, false
		}
		c, ok := x.cmp(y)
		if keepsFirst(n.op, c) {
			return x, ok
		}
		return y, ok
	case opIf:
		c, ok := ev.fastBool(n.args[0])
		if !ok {
			return frac{}, false
		}
		if c {
			return ev.fastNum(n.args[1])
		}
		return ev.fastNum(n.args[2])
	}
	return frac{}, false // a bool or a string
}

// fastBool evaluates n, which must be a bool.
func (ev *evaluator) fastBool(n *node) (bool, bool) {
	switch n.op {
	case opBool:
		return n.b, true
	case opVar:
		v, ok := ev.lookupFast(n)
		return v.b, ok && v.kind == Boolean
	case opNot:
		b, ok := ev.fastBool(n.args[0])
		return !b, ok
	case opAnd, opOr:
		l, ok := ev.fastBool(n.args[0])
		if !ok || l == (n.op == opOr) {
			return l, ok
		}
		return ev.fastBool(n.args[1])
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return ev.fastCompare(n)
	case opIf:
		c, ok := ev.fastBool(n.args[0])
		if !ok {
			return false, false
		}
		if c {
			return ev.fastBool(n.args[1])
		}
		return ev.fastBool(n.args[2])
	}
	return false, false // a number or a string
}

func (ev *evaluator) fastCompare(n *node) (bool, bool) {
	l, ok := ev.fast(n.args[0])
	if !ok {
		return false, false
	}
	r, ok := ev.fast(n.args[1])
	if !ok || l.kind != r.kind {
		return false, false
	}
	var c int
	switch l.kind {
	case Number:
		if c, ok = l.frac.cmp(r.frac); !ok {
			return false, false
		}
	default: // String, Boolean
		if n.op != opEq && n.op != opNe {
			return false, false
		}
		if l.str != r.str || l.b != r.b {
			c = 1
		}
	}
	return holds(n.op, c), true
}
