package expr

import "math/big"

// Env gives variables their values.
type Env interface {
	Lookup(name string) (Value, bool)
}

// MapEnv is an Env backed by a map.
type MapEnv map[string]Value

// Lookup implements Env.
func (m MapEnv) Lookup(name string) (Value, bool) {
	v, ok := m[name]
	return v, ok
}

// Eval evaluates the expression. Errors are *Error at the operator, name or
// function concerned: an unknown variable, a type mismatch, a division by
// zero. The returned number, if any, belongs to the caller.
//
// Most formulas are evaluated in machine words (see fast.go), several times
// faster than with big.Rat; any that cannot be, because a value does not
// fit in an int64 or the formula fails, is evaluated again with big.Rat.
// The result is the same exact value, or the same error, either way.
func (e *Expr) Eval(env Env) (Value, error) {
	if v, ok := e.evalFast(env); ok {
		return v, nil
	}
	return e.evalRat(env)
}

// evalRat evaluates the expression with big.Rat: the reference evaluator,
// and the only one that reports errors.
func (e *Expr) evalRat(env Env) (Value, error) {
	ev := evaluator{src: e.src, env: env}
	v, owned, err := ev.eval(e.root)
	if err != nil {
		return Value{}, err
	}
	if v.kind == Number && !owned {
		// Never hand out a literal's or the environment's rational.
		v.num = new(big.Rat).Set(v.num)
	}
	if v.kind == Number {
		v.frac = fracOf(v.num)
	}
	return v, nil
}

type evaluator struct {
	src string
	env Env
}

func (ev *evaluator) errorf(n *node, format string, args ...any) *Error {
	return errorAt(ev.src, n.pos, format, args...)
}

// eval returns a node's value and whether its rational is a fresh
// intermediate that may be overwritten. Reusing those for the next
// operation, instead of allocating a new big.Rat per operator, roughly
// halves the allocations of a formula.
func (ev *evaluator) eval(n *node) (v Value, owned bool, err *Error) {
	switch n.op {
	case opNum:
		return Value{kind: Number, num: n.num}, false, nil
	case opStr:
		return Value{kind: String, str: n.str}, false, nil
	case opBool:
		return Value{kind: Boolean, b: n.b}, false, nil
	case opVar:
		v, ok := ev.env.Lookup(n.str)
		if !ok {
			return Value{}, false, ev.errorf(n, "unknown variable %s", quoteShort(n.str))
		}
		if v.missing() {
			return Value{}, false, ev.errorf(n, "variable %s has no value", quoteShort(n.str))
		}
		if v.kind == Number && v.num == nil {
			// A result of Eval passed back in: its rational is made now,
			// and is this evaluation's own.
			v.num = v.frac.rat()
			return v, true, nil
		}
		return v, false, nil
	case opNeg:
		x, owned, err := ev.number(n, n.args[0])
		if err != nil {
			return Value{}, false, err
		}
		dst := x
		if !owned {
			dst = new(big.Rat)
		}
		return Value{kind: Number, num: dst.Neg(x)}, true, nil
	case opNot:
		b, err := ev.boolean(n, n.args[0])
		return Value{kind: Boolean, b: !b}, false, err
	case opAnd, opOr:
		l, err := ev.boolean(n, n.args[0])
		if err != nil || l == (n.op == opOr) {
			return Value{kind: Boolean, b: l}, false, err
		}
		r, err := ev.boolean(n, n.args[1])
		return Value{kind: Boolean, b: r}, false, err
	case opAdd, opSub, opMul, opDiv:
		return ev.arith(n)
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return ev.compare(n)
	case opMin, opMax:
		x, xo, err := ev.number(n, n.args[0])
		if err != nil {
			return Value{}, false, err
		}
		y, yo, err := ev.number(n, n.args[1])
		if err != nil {
			return Value{}, false, err
		}
		if keepsFirst(n.op, x.Cmp(y)) {
			return Value{kind: Number, num: x}, xo, nil
		}
		return Value{kind: Number, num: y}, yo, nil
	case opIf:
		c, err := ev.boolean(n, n.args[0])
		if err != nil {
			return Value{}, false, err
		}
		if c {
			return ev.eval(n.args[1])
		}
		return ev.eval(n.args[2])
	}
	return Value{}, false, ev.errorf(n, "internal error: unknown operator %d", n.op)
}

// number evaluates arg, an operand of op, which must be a number.
func (ev *evaluator) number(op, arg *node) (*big.Rat, bool, *Error) {
	v, owned, err := ev.eval(arg)
	if err != nil {
		return nil, false, err
	}
	if v.kind != Number {
		return nil, false, ev.errorf(op, "%s needs a number, got %s", opName(op), v.kind)
	}
	return v.num, owned, nil
}

// boolean evaluates arg, an operand of op, which must be a bool.
func (ev *evaluator) boolean(op, arg *node) (bool, *Error) {
	v, _, err := ev.eval(arg)
	if err != nil {
		return false, err
	}
	if v.kind != Boolean {
		return false, ev.errorf(op, "%s needs a bool (true or false), got %s", opName(op), v.kind)
	}
	return v.b, nil
}

func opName(n *node) string {
	switch n.op {
	case opNeg:
		return "'-'"
	case opMin, opMax, opIf:
		return opNames[n.op] + "(…)"
	}
	return "'" + opNames[n.op] + "'"
}

func (ev *evaluator) arith(n *node) (Value, bool, *Error) {
	l, lo, err := ev.eval(n.args[0])
	if err != nil {
		return Value{}, false, err
	}
	r, ro, err := ev.eval(n.args[1])
	if err != nil {
		return Value{}, false, err
	}
	if l.kind != Number || r.kind != Number {
		return Value{}, false, ev.errorf(n, "%s needs numbers, got %s and %s", opName(n), l.kind, r.kind)
	}
	var dst *big.Rat
	switch {
	case lo:
		dst = l.num
	case ro:
		dst = r.num
	default:
		dst = new(big.Rat)
	}
	switch n.op {
	case opAdd:
		dst.Add(l.num, r.num)
	case opSub:
		dst.Sub(l.num, r.num)
	case opMul:
		dst.Mul(l.num, r.num)
	case opDiv:
		if r.num.Sign() == 0 {
			return Value{}, false, ev.errorf(n, "division by zero")
		}
		dst.Quo(l.num, r.num)
	}
	return Value{kind: Number, num: dst}, true, nil
}

func (ev *evaluator) compare(n *node) (Value, bool, *Error) {
	l, _, err := ev.eval(n.args[0])
	if err != nil {
		return Value{}, false, err
	}
	r, _, err := ev.eval(n.args[1])
	if err != nil {
		return Value{}, false, err
	}
	if l.kind != r.kind {
		return Value{}, false, ev.errorf(n, "cannot compare %s with %s", l.kind, r.kind)
	}
	var c int
	switch l.kind {
	case Number:
		c = l.num.Cmp(r.num)
	case String, Boolean:
		if n.op != opEq && n.op != opNe {
			return Value{}, false, ev.errorf(n, "%s compares numbers only; use == or != for a %s", opName(n), l.kind)
		}
		if l.str != r.str || l.b != r.b {
			c = 1
		}
	}
	return Value{kind: Boolean, b: holds(n.op, c)}, false, nil
}

// holds reports whether comparison o holds between two values that
// compare as c (-1, 0 or +1).
func holds(o op, c int) bool {
	switch o {
	case opEq:
		return c == 0
	case opNe:
		return c != 0
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	case opGe:
		return c >= 0
	}
	return false
}

// keepsFirst reports whether min or max (o) of x and y, which compare as c,
// is x. On a tie it is x, whose rational the big.Rat evaluator then reuses.
func keepsFirst(o op, c int) bool {
	return c < 0 == (o == opMin) || c == 0
}
