package contract

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
