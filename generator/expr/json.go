package expr

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON writes the syntax tree as data for the browser calculator:
//
//	{"op":"max","args":[{"num":"0"},{"op":"-","args":[{"var":"paid"},{"num":"0.03"}]}]}
//
// Leaves are {"num":"0.03"} (an exact decimal or "n/d" fraction),
// {"var":"price"}, {"str":"x"} and {"bool":true}; every other node is
// {"op":NAME,"args":[…]} with NAME one of + - * / neg not and or == != < <=
// > >= min max if. The output depends only on the tree, and strings are
// JSON-escaped (including < > &), so it can sit inside a <script> element.
func (e *Expr) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, e.root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, n *node) error {
	str := func(key, s string) error {
		b.WriteString(`{"` + key + `":`)
		q, err := json.Marshal(s)
		b.Write(q)
		b.WriteByte('}')
		return err
	}
	switch n.op {
	case opNum:
		return str("num", RatString(n.num))
	case opStr:
		return str("str", n.str)
	case opVar:
		return str("var", n.str)
	case opBool:
		if n.b {
			b.WriteString(`{"bool":true}`)
		} else {
			b.WriteString(`{"bool":false}`)
		}
		return nil
	}
	// json.Marshal escapes < and > in "<", "<=" as it does in strings, so
	// the bytes are the same whether or not a caller re-encodes them.
	name, err := json.Marshal(opNames[n.op])
	if err != nil {
		return err
	}
	b.WriteString(`{"op":`)
	b.Write(name)
	b.WriteString(`,"args":[`)
	for i, a := range n.args {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSON(b, a); err != nil {
			return err
		}
	}
	b.WriteString("]}")
	return nil
}
