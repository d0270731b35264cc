package contract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/oferta-dev/oferta/generator/pos"
	"github.com/oferta-dev/oferta/generator/site"
)

// Problem is something wrong inside clause text or a formula, found while
// assembling. Lint turns each into a finding under Rule.
type Problem struct {
	Rule    string // "template/invalid", "template/undefined", "clause/unknown", "formula/invalid"
	Pos     site.Pos
	Message string
}

// textPos maps byte offsets in a template source to file positions.
type textPos struct {
	file string
	line int // line of the first character of the source
	col  int // column of the first character of the source (first line only)
	src  string
}

func (p textPos) at(off int) site.Pos {
	if off > len(p.src) {
		off = len(p.src)
	}
	before := p.src[:off]
	nl := strings.Count(before, "\n")
	lineStart := strings.LastIndexByte(before, '\n') + 1
	col := utf8.RuneCountInString(before[lineStart:]) + 1
	if nl == 0 {
		col += p.col - 1
	}
	return site.Pos{File: p.file, Line: p.line + nl, Col: col}
}

// lineCol returns the position of a 1-based line (and column) of the source.
func (p textPos) lineCol(line, col int) site.Pos {
	if col < 1 {
		col = 1
	}
	if line <= 1 {
		col += p.col - 1
	}
	return site.Pos{File: p.file, Line: p.line + line - 1, Col: col}
}

// The text/template package reports positions only inside error text, so
// this is the one place that reads them back out of a message.
var (
	parseErrRE = regexp.MustCompile(`^template: [^:]*:(\d+): (.*)$`)
	execErrRE  = regexp.MustCompile(`^template: [^:]*:(\d+):(\d+): executing "[^"]*" at <([^>]*)>: (.*)$`)
)

func parseProblem(where textPos, err error) Problem {
	msg := err.Error()
	if m := parseErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		// Point at the first action on that line, where the mistake usually is.
		col := 1
		lines := strings.Split(where.src, "\n")
		if line-1 < len(lines) {
			if i := strings.Index(lines[line-1], "{{"); i >= 0 {
				col = utf8.RuneCountInString(lines[line-1][:i]) + 1
			}
		}
		return Problem{Rule: "template/invalid", Pos: where.lineCol(line, col), Message: "the template does not parse: " + m[2]}
	}
	return Problem{Rule: "template/invalid", Pos: where.lineCol(1, 1), Message: "the template does not parse: " + msg}
}

func execProblem(where textPos, err error) Problem {
	msg := err.Error()
	if m := execErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		rule := "template/invalid"
		text := m[4]
		if strings.Contains(text, "map has no entry for key") {
			rule = "template/undefined"
			text = fmt.Sprintf("%s names data that does not exist", m[3])
		}
		if strings.Contains(text, "ref: clause") {
			rule = "clause/unknown"
			text = strings.TrimPrefix(text, "error calling ref: ")
		}
		// text/template counts the column in bytes from 0; ours are runes.
		if lines := strings.Split(where.src, "\n"); line >= 1 && line <= len(lines) {
			col = pos.Column(lines[line-1], col) - 1
		}
		return Problem{Rule: rule, Pos: where.lineCol(line, col+1), Message: text}
	}
	return Problem{Rule: "template/invalid", Pos: where.lineCol(1, 1), Message: msg}
}

// checkTree walks a parsed template and reports every field that the data
// does not have and every `ref` to a clause id that the library does not
// have, including those in branches that this course does not take, so a
// lawyer sees a typo before any course happens to need that branch.
//
// It also counts the steps the template will take for this course against
// the contract's budget (see bounds.go): every node once for each time
// the loops around it run, with both branches of every if.
func checkTree(tree *parse.Tree, data map[string]any, clauseExists func(string) bool, where textPos, b *budget) []Problem {
	c := &checker{root: data, where: where, clauseExists: clauseExists, budget: b, mult: 1}
	var spent int
	if b != nil {
		spent = b.steps
	}
	c.list(tree.Root, data)
	if c.over {
		b.steps = spent // the clause does not run, so it spends nothing
	}
	sort.SliceStable(c.problems, func(i, j int) bool {
		a, b := c.problems[i].Pos, c.problems[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return c.problems
}

type checker struct {
	root         map[string]any
	where        textPos
	clauseExists func(string) bool
	problems     []Problem
	// budget is the contract's, and mult how many times the node being
	// checked runs: the product of the lengths of the lists that the
	// ranges around it loop over.
	budget *budget
	mult   int
	over   bool // the budget is spent; reported once
}

// step charges the budget for one node that runs mult times.
func (c *checker) step(n parse.Node, times int) {
	if c.budget == nil || c.over {
		return
	}
	c.budget.steps += times
	if c.budget.steps > maxContractSteps {
		c.over = true
		c.problems = append(c.problems, stepsProblem(n.Position(), c.where))
	}
}

// times is mult*n, saturating past the budget.
func times(mult, n int) int {
	if n != 0 && mult > (maxContractSteps+1)/n {
		return maxContractSteps + 1
	}
	return mult * n
}

func (c *checker) report(rule string, pos parse.Pos, format string, args ...any) {
	c.problems = append(c.problems, Problem{Rule: rule, Pos: c.where.at(int(pos)), Message: fmt.Sprintf(format, args...)})
}

// unknown marks a value whose shape the checker cannot follow.
type unknown struct{}

func (c *checker) list(l *parse.ListNode, dot any) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *checker) node(n parse.Node, dot any) {
	c.step(n, c.mult)
	switch n := n.(type) {
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot)
	case *parse.IfNode:
		c.pipe(n.Pipe, dot)
		c.list(n.List, dot)
		c.list(n.ElseList, dot)
	case *parse.WithNode:
		v := c.pipe(n.Pipe, dot)
		c.list(n.List, v)
		c.list(n.ElseList, dot)
	case *parse.RangeNode:
		reported := len(c.problems)
		v := c.pipe(n.Pipe, dot)
		var elem any = unknown{}
		count := 0
		switch list := v.(type) {
		case []any:
			count = len(list)
			if count > 0 {
				elem = list[0]
			}
		case map[string]any:
			count = len(list)
		default:
			if c.mult > 0 && len(c.problems) == reported {
				c.report("template/invalid", n.Position(), "range works only over a list of the data, such as {{ range .refund.deductions }}")
			}
			if c.mult > 0 {
				return
			}
		}
		saved := c.mult
		c.mult = times(c.mult, count)
		c.step(n, c.mult)
		c.list(n.List, elem)
		c.mult = saved
		c.list(n.ElseList, dot)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			c.pipe(n.Pipe, dot)
		}
	}
}

// pipe checks a pipeline and returns the value it yields when that is a
// plain data lookup.
func (c *checker) pipe(p *parse.PipeNode, dot any) any {
	if p == nil {
		return unknown{}
	}
	var last any = unknown{}
	for _, cmd := range p.Cmds {
		last = c.command(cmd, dot)
	}
	return last
}

func (c *checker) command(cmd *parse.CommandNode, dot any) any {
	if len(cmd.Args) >= 2 {
		if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "ref" {
			if s, ok := cmd.Args[1].(*parse.StringNode); ok && !c.clauseExists(s.Text) {
				c.report("clause/unknown", s.Position(), "ref names clause %q, which does not exist", s.Text)
			}
		}
	}
	var v any = unknown{}
	for i, a := range cmd.Args {
		r := c.arg(a, dot)
		if i == 0 {
			v = r
		}
	}
	if len(cmd.Args) != 1 {
		return unknown{}
	}
	return v
}

func (c *checker) arg(a parse.Node, dot any) any {
	switch a := a.(type) {
	case *parse.FieldNode:
		return c.lookup(dot, a.Ident, a.Position())
	case *parse.VariableNode:
		if len(a.Ident) > 0 && a.Ident[0] == "$" {
			return c.lookup(c.root, a.Ident[1:], a.Position())
		}
	case *parse.DotNode:
		return dot
	case *parse.PipeNode:
		return c.pipe(a, dot)
	case *parse.ChainNode:
		c.arg(a.Node, dot)
	}
	return unknown{}
}

// lookup follows a field path through the data, reporting the first key
// that does not exist.
func (c *checker) lookup(v any, path []string, pos parse.Pos) any {
	walked := ""
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return unknown{}
		}
		next, ok := m[key]
		if !ok {
			full := "." + strings.Join(path, ".")
			msg := fmt.Sprintf("%s names data that does not exist: there is no %q in %s", full, key, orRoot(walked))
			if sug := site.Suggest(key, keysOf(m)); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			c.report("template/undefined", pos, "%s", msg)
			return unknown{}
		}
		walked += "." + key
		v = next
	}
	return v
}

func orRoot(path string) string {
	if path == "" {
		return "the data (use .site, .seller, .course or .refund)"
	}
	return path
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
