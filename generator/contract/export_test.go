package contract

import (
	"strings"
	"text/template"
	"unsafe"
)

// SetMemo turns the clause memo on or off (see memo).
func SetMemo(on bool) { noMemo = !on }

// MemoTexts returns how many clause texts a's memos hold.
func MemoTexts(a *Assembler) int {
	n := 0
	for _, p := range a.parsed {
		for _, m := range []*memo{p.bodyMemo, p.answerMemo} {
			if m != nil {
				n += int(m.n.Load())
			}
		}
	}
	return n
}

// MemoInputs returns the data paths a clause template src reads, as the
// memo keys it; ok is false when the template is not memoized.
func MemoInputs(src string) (paths []string, ok bool) {
	t, err := template.New("clause").Funcs(parseFuncs()).Parse(src)
	if err != nil {
		panic(err)
	}
	inputs, ok := inputsOf(t.Tree)
	for _, in := range inputs {
		if in.path != nil {
			paths = append(paths, strings.Join(in.path, "."))
		}
	}
	return paths, ok
}

// MemoMisses returns, by clause id and language ("ru/final.law"), how
// many times a's memo of the clause's body found no text and the
// template ran.
func MemoMisses(a *Assembler) map[string]int64 {
	out := map[string]int64{}
	for c, p := range a.parsed {
		if p.bodyMemo != nil && p.bodyMemo.inputs != nil {
			out[c.Lang+"/"+c.ID] = p.bodyMemo.misses.Load()
		}
	}
	return out
}

// SameString reports whether a and b are the same string in memory, not
// only equal.
func SameString(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}
