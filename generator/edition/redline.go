package edition

import (
	"regexp"
	"strings"
	"unicode"
)

// Kinds of clause changes.
const (
	Added   = "added"
	Removed = "removed"
	Moved   = "moved"   // same text, another place in the contract
	Changed = "changed" // other words (the title or the text)
)

// Change is what happened to one clause between two texts.
type Change struct {
	Kind      string
	ID        string
	Title     string // the newer title
	OldNumber string // "" when added
	NewNumber string // "" when removed
	// Words is the word-by-word redline of the title and text: for
	// Changed, both sides; for Added only insertions, for Removed only
	// deletions.
	Words []Word
	// TitleWords is the redline of the title when it changed (nil when it
	// did not), and BodyWords that of the text alone: a page shows the
	// title once, in its heading, and the text below it.
	TitleWords, BodyWords []Word
}

// Word is one piece of a redline.
type Word struct {
	Op   byte // '=' kept, '+' inserted, '-' deleted
	Text string
}

// Compare returns the clause changes from old to new, in the order of the
// new text, with removed clauses after the clause that preceded them.
func Compare(old, cur *Doc) []Change {
	oldClauses, newClauses := old.Clauses(), cur.Clauses()
	oldByID := map[string]Clause{}
	for _, c := range oldClauses {
		oldByID[c.ID] = c
	}
	newByID := map[string]Clause{}
	for _, c := range newClauses {
		newByID[c.ID] = c
	}
	// Clauses in both texts whose relative order changed, or that went to
	// another section, have moved.
	var oldCommon, newCommon []string
	for _, c := range oldClauses {
		if _, ok := newByID[c.ID]; ok {
			oldCommon = append(oldCommon, c.ID)
		}
	}
	for _, c := range newClauses {
		if _, ok := oldByID[c.ID]; ok {
			newCommon = append(newCommon, c.ID)
		}
	}
	inOrder := map[string]bool{}
	for _, id := range lcs(oldCommon, newCommon) {
		inOrder[id] = true
	}

	var out []Change
	removedAfter := map[string][]Change{} // by the id of the preceding old clause
	prev := ""
	for _, c := range oldClauses {
		if _, ok := newByID[c.ID]; !ok {
			removedAfter[prev] = append(removedAfter[prev], Change{Kind: Removed, ID: c.ID, Title: c.Title, OldNumber: c.Number,
				Words: []Word{{Op: '-', Text: c.Title + "\n\n" + c.Body}}, BodyWords: []Word{{Op: '-', Text: c.Body}}})
			continue
		}
		prev = c.ID
	}
	out = append(out, removedAfter[""]...)
	for _, c := range newClauses {
		o, ok := oldByID[c.ID]
		switch {
		case !ok:
			out = append(out, Change{Kind: Added, ID: c.ID, Title: c.Title, NewNumber: c.Number,
				Words: []Word{{Op: '+', Text: c.Title + "\n\n" + c.Body}}, BodyWords: []Word{{Op: '+', Text: c.Body}}})
		case o.Title != c.Title || o.Body != c.Body:
			ch := Change{Kind: Changed, ID: c.ID, Title: c.Title, OldNumber: o.Number, NewNumber: c.Number,
				Words: Words(o.Title+"\n\n"+o.Body, c.Title+"\n\n"+c.Body)}
			if o.Title != c.Title {
				ch.TitleWords = Words(o.Title, c.Title)
			}
			if o.Body != c.Body {
				ch.BodyWords = Words(o.Body, c.Body)
			}
			out = append(out, ch)
		case !inOrder[c.ID] || o.Section != c.Section:
			out = append(out, Change{Kind: Moved, ID: c.ID, Title: c.Title, OldNumber: o.Number, NewNumber: c.Number})
		}
		if ok {
			out = append(out, removedAfter[c.ID]...)
		}
	}
	return out
}

// Words returns a word-by-word redline of two texts.
func Words(a, b string) []Word {
	x, y := tokens(a), tokens(b)
	// The longest common subsequence table is quadratic; clause texts are
	// short, but a pathological pair falls back to "all replaced".
	if len(x)*len(y) > 4_000_000 {
		return merge([]Word{{'-', a}, {'+', b}})
	}
	common := lcs(x, y)
	var out []Word
	i, j := 0, 0
	for _, t := range common {
		for x[i] != t {
			out = append(out, Word{'-', x[i]})
			i++
		}
		for y[j] != t {
			out = append(out, Word{'+', y[j]})
			j++
		}
		out = append(out, Word{'=', t})
		i++
		j++
	}
	for ; i < len(x); i++ {
		out = append(out, Word{'-', x[i]})
	}
	for ; j < len(y); j++ {
		out = append(out, Word{'+', y[j]})
	}
	return merge(absorb(out))
}

// absorb turns a kept single word squeezed between two changes into a
// deletion and an insertion, so that a rewritten sentence reads as one
// change rather than a salad of scraps ("[-Исполнитель-]{+Само+} по …").
func absorb(ws []Word) []Word {
	changed := func(i int) bool { return i >= 0 && i < len(ws) && ws[i].Op != '=' }
	out := make([]Word, 0, len(ws))
	for i := 0; i < len(ws); {
		if ws[i].Op != '=' {
			out = append(out, ws[i])
			i++
			continue
		}
		// The run of kept tokens from i.
		j := i
		words := 0
		for j < len(ws) && ws[j].Op == '=' {
			if strings.TrimSpace(ws[j].Text) != "" {
				words++
			}
			j++
		}
		if words <= 1 && changed(i-1) && changed(j) {
			for k := i; k < j; k++ {
				out = append(out, Word{'-', ws[k].Text}, Word{'+', ws[k].Text})
			}
		} else {
			out = append(out, ws[i:j]...)
		}
		i = j
	}
	return out
}

// tokens splits text into runs of spaces and runs of other characters, so
// that a redline keeps the original spacing and a changed word does not
// take its neighbour's space with it.
func tokens(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > start && sp != inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// merge joins neighbouring pieces with the same operation, and puts
// deletions before insertions inside a run of changes.
func merge(ws []Word) []Word {
	var out []Word
	for i := 0; i < len(ws); {
		if ws[i].Op == '=' {
			out = appendWord(out, ws[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for i < len(ws) && ws[i].Op != '=' {
			if ws[i].Op == '-' {
				del.WriteString(ws[i].Text)
			} else {
				ins.WriteString(ws[i].Text)
			}
			i++
		}
		if del.Len() > 0 {
			out = appendWord(out, Word{'-', del.String()})
		}
		if ins.Len() > 0 {
			out = appendWord(out, Word{'+', ins.String()})
		}
	}
	return out
}

func appendWord(out []Word, w Word) []Word {
	if n := len(out); n > 0 && out[n-1].Op == w.Op {
		out[n-1].Text += w.Text
		return out
	}
	return append(out, w)
}

// lcs returns a longest common subsequence of two string slices.
func lcs(a, b []string) []string {
	n, m := len(a), len(b)
	// Rolling rows would save memory but lose the path; texts are small.
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else if t[i+1][j] >= t[i][j+1] {
				t[i][j] = t[i+1][j]
			} else {
				t[i][j] = t[i][j+1]
			}
		}
	}
	var out []string
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

var mdLink = regexp.MustCompile(`\[([^\]]*)\]\((#[^)\s]*)\)`)

// Plain shows a piece of clause Markdown for reading: in-page links as
// their text ("[8.4](#c-…)" → "8.4") and escaped punctuation without its
// backslash ("hello\@school\.example" → "hello@school.example").
func Plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
