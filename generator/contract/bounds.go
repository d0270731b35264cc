package contract

import (
	"errors"
	"fmt"
	"sort"
	"text/template"
	"text/template/parse"
)

// A clause library may come from a stranger's pull request, and its
// templates run for every course: a template must not be able to hang a
// build or fill its memory. Three bounds hold them:
//
//   - When a clause is parsed, what could loop or grow without bound is
//     refused: {{ template }}, {{ define }} and {{ block }} (recursion),
//     {{ range }} over anything but a list of the data (an integer would
//     loop as often as it says), and the builtins that make text longer
//     than their arguments (print, printf, println, html, js, urlquery)
//     or call what they are given (call).
//   - Before a template runs for a course, the checker that looks for
//     undefined data also counts its steps: every node, as often as the
//     loops around it run, with the lists' lengths for this course. A
//     contract may take maxContractSteps in all; a clause that would go
//     past that does not run.
//   - What a template writes goes through a writer that fails past
//     maxClauseOutput, or past what is left of maxContractOutput.
//
// Each is a template/invalid problem at the clause, and the rest of the
// contract, and of the lint, goes on.
const (
	maxContractSteps  = 50000
	maxClauseOutput   = 256 << 10
	maxContractOutput = 2 << 20
)

// budget is what one contract's templates have spent so far.
type budget struct {
	steps int
	out   int
}

// forbiddenFuncs are Go's template builtins that clause templates may
// not call, with the reason.
var forbiddenFuncs = map[string]string{
	"print":    "makes text of any length",
	"printf":   "makes text of any length",
	"println":  "makes text of any length",
	"html":     "makes text longer than it is given",
	"js":       "makes text longer than it is given",
	"urlquery": "makes text longer than it is given",
	"call":     "calls functions",
}

// staticProblems refuses what a clause template may not contain, whatever
// the course.
func staticProblems(t *template.Template, at textPos) []Problem {
	w := &staticWalker{at: at}
	var defined []*template.Template
	for _, d := range t.Templates() {
		if d != t && d.Tree != nil {
			defined = append(defined, d)
		}
	}
	sort.Slice(defined, func(i, j int) bool { return defined[i].Name() < defined[j].Name() })
	for _, d := range defined {
		w.report(d.Tree.Root.Position(), "{{ define %q }} is not allowed in a clause: a clause is one template, with no templates of its own", d.Name())
	}
	if t.Tree != nil {
		w.list(t.Tree.Root)
	}
	sort.SliceStable(w.problems, func(i, j int) bool {
		a, b := w.problems[i].Pos, w.problems[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return w.problems
}

type staticWalker struct {
	at       textPos
	problems []Problem
}

func (w *staticWalker) report(pos parse.Pos, format string, args ...any) {
	w.problems = append(w.problems, Problem{Rule: "template/invalid", Pos: w.at.at(int(pos)), Message: fmt.Sprintf(format, args...)})
}

func (w *staticWalker) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		w.node(n)
	}
}

func (w *staticWalker) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ActionNode:
		w.pipe(n.Pipe)
	case *parse.IfNode:
		w.pipe(n.Pipe)
		w.list(n.List)
		w.list(n.ElseList)
	case *parse.WithNode:
		w.pipe(n.Pipe)
		w.list(n.List)
		w.list(n.ElseList)
	case *parse.RangeNode:
		if !dataPath(n.Pipe) {
			w.report(n.Position(), "range works only over a list of the data, such as {{ range .refund.deductions }}")
		}
		w.pipe(n.Pipe)
		w.list(n.List)
		w.list(n.ElseList)
	case *parse.TemplateNode:
		w.report(n.Position(), "{{ template %q }} is not allowed in a clause: a clause cannot run other templates", n.Name)
	}
}

// dataPath reports whether a range's pipeline is one plain value: a
// field of the data, a variable, or dot.
func dataPath(p *parse.PipeNode) bool {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	switch p.Cmds[0].Args[0].(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode:
		return true
	}
	return false
}

func (w *staticWalker) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			w.arg(a)
		}
	}
}

func (w *staticWalker) arg(a parse.Node) {
	switch a := a.(type) {
	case *parse.IdentifierNode:
		if why, ok := forbiddenFuncs[a.Ident]; ok {
			w.report(a.Position(), "%s is not available in clause templates (it %s); use the clause helpers such as money, days and plural", a.Ident, why)
		}
	case *parse.PipeNode:
		w.pipe(a)
	case *parse.ChainNode:
		w.arg(a.Node)
	}
}

// errTooLong is what limitWriter fails with.
var errTooLong = errors.New("text too long")

// limitWriter appends to a buffer and fails once more than max bytes were
// written, which stops the template.
type limitWriter struct {
	buf interface {
		Write([]byte) (int, error)
		Len() int
	}
	max int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.max {
		return 0, errTooLong
	}
	return w.buf.Write(p)
}

// stepsProblem and outputProblem are the problems of a template that
// goes past a bound.
func stepsProblem(pos parse.Pos, at textPos) Problem {
	return Problem{Rule: "template/invalid", Pos: at.at(int(pos)),
		Message: fmt.Sprintf("the loops of this clause would take more than %d steps for this course's contract; loop over shorter lists or nest fewer loops", maxContractSteps)}
}

func outputProblem(at textPos, clauseLimit bool) Problem {
	msg := fmt.Sprintf("the text of this clause would be longer than %d KB for this course; a clause may give at most that", maxClauseOutput>>10)
	if !clauseLimit {
		msg = fmt.Sprintf("with this clause the contract of this course would be longer than %d MB, which a contract may not be", maxContractOutput>>20)
	}
	return Problem{Rule: "template/invalid", Pos: at.lineCol(1, 1), Message: msg}
}
