package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
)

var lintFormats = []string{"text", "json", "sarif", "github"}

func runLint(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "lint", "lint [-s DIR] [--format text|json|sarif|github] [--strict] [-o FILE]\n       oferta lint --explain RULE")
	dir := fs.String("s", ".", "the site `folder`")
	format := fs.String("format", "text", "output `format`: text, json, sarif or github (workflow commands)")
	strict := fs.Bool("strict", false, "fail (exit 1) on warnings too")
	outFile := fs.String("o", "", "write the findings to `FILE` instead of standard output")
	explain := fs.String("explain", "", "print what `RULE` checks, the law behind it and how to fix it")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "oferta lint: unexpected argument %q (the site folder is given with -s, a rule with --explain)\n", pos[0])
		return exitBadInput
	}
	if *explain != "" {
		return explainRule(e, *explain)
	}
	if !contains(lintFormats, *format) {
		msg := fmt.Sprintf("oferta lint: unknown format %q; use text, json, sarif or github", *format)
		if s := site.Suggest(*format, lintFormats); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		fmt.Fprintln(e.stderr, msg)
		return exitBadInput
	}

	checked, err := pipeline.CheckContext(ctx, *dir, e.builtin)
	if err != nil {
		return inputError(ctx, e, *dir, err)
	}
	// A layout that does not parse would stop build and serve; lint says
	// so too, at its file, line and column, so that CI that only lints
	// does not pass a site that cannot be built.
	if _, err := render.Compile(checked.Site.Theme, checked.Site.Config.Jurisdiction); err != nil {
		return inputError(ctx, e, *dir, err)
	}
	findings := checked.Findings
	var buf bytes.Buffer
	switch *format {
	case "text":
		err = lint.WriteText(&buf, relocate(*dir, findings))
	case "json":
		err = lint.WriteJSON(&buf, relocate(*dir, findings))
	case "github":
		err = lint.WriteGitHub(&buf, relocate(*dir, findings))
	case "sarif":
		// SARIF locations are relative to the site, whatever the current
		// folder: code-scanning tools resolve them against a checkout.
		err = lint.WriteSARIF(&buf, findings, toolVersion())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "oferta lint: %v\n", err)
		return exitBadInput
	}
	if ctx.Err() != nil {
		return interrupted(e)
	}
	if *outFile != "" {
		if err := os.WriteFile(*outFile, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintf(e.stderr, "oferta lint: %v\n", err)
			return exitBadInput
		}
	} else if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return exitBadInput
	}

	errs, warns := lint.Count(findings)
	failed := errs > 0 || (*strict && warns > 0)
	summary := countText(errs, warns)
	if *strict && warns > 0 && errs == 0 {
		summary += " (--strict: warnings fail)"
	}
	fmt.Fprintf(e.stderr, "oferta lint: %s\n", summary)
	if failed {
		return exitFindings
	}
	return exitOK
}

// explainRule prints a rule's name, its severity in each jurisdiction,
// what it runs over and its documentation. It first validates the rule
// list: a rule without its documentation is a bug of oferta (exit 3), not
// something the user can fix.
func explainRule(e *env, name string) int {
	if err := lint.Validate(lint.Rules); err != nil {
		fmt.Fprintf(e.stderr, "oferta lint: the rule list is broken (a bug of oferta, please report it):\n%v\n", err)
		return exitInternal
	}
	r, ok := lint.Lookup(name)
	if !ok {
		var names []string
		for _, r := range lint.Rules {
			names = append(names, r.Name)
		}
		msg := fmt.Sprintf("oferta lint: no rule %q", name)
		if s := suggestRules(name, names); len(s) > 0 {
			msg += "; did you mean " + orList(s) + "?"
		}
		fmt.Fprintln(e.stderr, msg)
		fmt.Fprintf(e.stderr, "Rules: %s\n", strings.Join(names, ", "))
		return exitBadInput
	}
	var sev []string
	for _, j := range site.Jurisdictions {
		switch s, ok := severityIn(r, j); {
		case !ok:
			sev = append(sev, j+": not checked")
		default:
			sev = append(sev, j+": "+s.String())
		}
	}
	how := fmt.Sprintf("Change it in oferta.toml with [lint] severity = { %q = \"warning\" }, or turn it off with [lint] disable = [{ rule = %q, reason = \"why it does not apply\" }].", r.Name, r.Name)
	if lint.Statutory(r.Name) {
		how = "It stands for a right the law gives and cannot be disabled or ignored; build with --draft to preview a site that breaks it."
	}
	fmt.Fprintf(e.stdout, "%s\n\nDefault severity: %s.\n%s\n%s\n\n%s\n",
		r.Name, strings.Join(sev, ", "), how, scopeText(r.Scope), strings.TrimSpace(r.Doc))
	return exitOK
}

// scopeText says what a rule of scope s looks at.
func scopeText(s lint.Scope) string {
	switch s {
	case lint.SiteScope:
		return "Checks the site as a whole (oferta.toml, the clause library), once."
	case lint.CourseScope:
		return "Checks each course's contract on its own."
	}
	return "Checks the site as a whole (oferta.toml, the clause library) and each course's contract."
}

// severityIn is a rule's default severity in a jurisdiction; ok is false
// where the rule does not apply.
func severityIn(r *lint.Rule, j string) (lint.Severity, bool) {
	if len(r.Jurisdictions) > 0 && !contains(r.Jurisdictions, j) {
		return 0, false
	}
	if s, ok := r.SeverityIn[j]; ok {
		return s, true
	}
	return r.DefaultSeverity, true
}

// toolVersion is the version SARIF output names: the one "oferta
// version" prints.
func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
