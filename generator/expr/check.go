package expr

import "fmt"

// Check reports the first variable that is not in known, as an *Error at
// the variable, suggesting the nearest known name when one is close
// ("unknown variable "prise"; did you mean "price"?"). Ties go to the name
// listed first in known.
func (e *Expr) Check(known []string) error {
	set := make(map[string]bool, len(known))
	for _, k := range known {
		set[k] = true
	}
	for _, v := range e.vars {
		if set[v.Name] {
			continue
		}
		msg := fmt.Sprintf("unknown variable %s", quoteShort(v.Name))
		if s := Suggest(v.Name, known); s != "" {
			msg += fmt.Sprintf("; did you mean %s?", quote(s))
		}
		return &Error{Offset: v.Offset, Line: v.Line, Col: v.Col, Msg: msg}
	}
	return nil
}

// Suggest returns the candidate nearest to name by edit distance, if it is
// near enough to be a likely typo, or "".
func Suggest(name string, candidates []string) string {
	limit := 1
	if len([]rune(name)) > 5 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := editDistance(name, c, bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b
// in runes: Levenshtein, with a swap of two neighbours counted as one edit
// ("prcie" → "price"). It returns early with a value ≥ bound once the
// distance cannot be below it.
func editDistance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= bound || -d >= bound {
		return bound
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
