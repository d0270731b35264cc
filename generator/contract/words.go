package contract

import (
	"strconv"
	"sync"
)

// wordings keeps the refund rules in words (describeRule) that an
// assembler's contracts were given, by everything describeRule reads:
// courses that agree on their refund terms but for the price share one
// wording, and it is made once. The worked example, which depends on the
// price, is made for each course.
type wordings struct {
	mu sync.RWMutex
	m  map[string]*wording
}

// wording is a rule in words, plain and escaped for Markdown.
type wording struct{ plain, escaped Wording }

// maxWordings bounds the wordings an assembler keeps.
const maxWordings = 8192

// describe returns describe(k) and its text escaped for Markdown. k's
// Terms are those a.terms made for k's course.
func (a *Assembler) describe(k *Contract, buf []byte) (plain, escaped Wording, _ []byte) {
	if k.Terms == nil {
		return Wording{}, Wording{}, buf
	}
	key, ok := wordingKey(buf[:0], k)
	ok = ok && !noMemo
	var w *wording
	if ok {
		a.wordings.mu.RLock()
		w = a.wordings.m[string(key)]
		a.wordings.mu.RUnlock()
	}
	if w == nil {
		rule := describeRule(k)
		w = &wording{rule, Wording{Formula: escapeMarkdown(rule.Formula), Flat: escapeMarkdown(rule.Flat)}}
		if ok {
			a.wordings.mu.Lock()
			if len(a.wordings.m) < maxWordings {
				a.wordings.m[string(key)] = w
			}
			a.wordings.mu.Unlock()
		}
	}
	plain, escaped = w.plain, w.escaped
	plain.Example = describeExample(k)
	escaped.Example = escapeMarkdown(plain.Example)
	return plain, escaped, key
}

// wordingKey appends to b everything describeRule reads of k: the
// course's language (its phrases and its library's formulas), unit,
// currency and refund settings but the price, which a.terms makes the
// terms of (the policy's formula is that of the clause t.PolicyID of the
// language's library). ok is false for values it
// cannot hold.
func wordingKey(b []byte, k *Contract) ([]byte, bool) {
	t := k.Terms
	if t == nil {
		return b, false
	}
	c := k.Course
	r := c.Refund
	b = appendString(b, c.Language)
	b = appendString(b, c.Duration.Unit)
	b = appendString(b, c.Currency)
	b = appendString(b, t.PolicyID) // with the language, the formulas
	b = strconv.AppendInt(b, int64(t.Total), 10)
	for _, v := range []any{r.BankFeePercent, r.RetentionPercent} {
		b = append(b, ',')
		var ok bool
		if b, ok = appendValue(b, v); !ok {
			return b, false
		}
	}
	b = append(b, 'd')
	b = strconv.AppendInt(b, int64(len(r.Deductions)), 10)
	for _, d := range r.Deductions {
		b = appendString(b, d.Name)
		var ok bool
		if b, ok = appendValue(b, d.Amount); !ok {
			return b, false
		}
	}
	return b, true
}
