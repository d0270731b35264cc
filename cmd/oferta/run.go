package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/site"
)

// Exit codes.
const (
	exitOK          = 0
	exitFindings    = 1   // lint errors (or warnings with --strict)
	exitBadInput    = 2   // malformed input or wrong usage
	exitInternal    = 3   // a bug in oferta: a recovered panic
	exitInterrupted = 130 // stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)
)

// command is one sub-command.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) int
}

// env is what a command may touch: no globals, so that tests run commands
// in-process.
type env struct {
	stdout, stderr io.Writer
	builtin        site.Builtin
	// terminal reports whether a writer is a terminal (replaced in tests);
	// getenv reads the environment.
	terminal func(io.Writer) bool
	getenv   func(string) string
	now      func() time.Time
}

func commands() []command {
	return []command{
		{"build", "lint, then write the site to public/", runBuild},
		{"lint", "check refund terms and clauses; --explain RULE tells why", runLint},
		{"calc", "the refund for one request, step by step", runCalc},
		{"kit", "the seller's texts for refund requests, never published", runKit},
		{"serve", "live preview that rebuilds on save", runServe},
		{"freeze", "record the current contracts and their refund terms as a dated edition", runFreeze},
		{"diff", "what the working tree changes against the latest edition", runDiff},
		{"export", "each course's contract and statement form as PDF or Word files", runExport},
		{"new", "scaffold a site (new site DIR) or a course (new course SLUG)", runNew},
		{"schema", "JSON Schemas of oferta.toml, courses and clauses, for editors", runSchema},
		{"version", "print the version", runVersion},
	}
}

// Run runs the oferta command line with args (without the program name).
// When ctx is done (Ctrl-C), the command stops, writes nothing and
// returns 130. A panic is a bug in oferta, never the user's input: it is
// reported with exit code 3.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runCommands(ctx, args, stdout, stderr, commands())
}

// runCommands is Run with the list of commands given, so that a test can
// add one that crashes.
func runCommands(ctx context.Context, args []string, stdout, stderr io.Writer, cmds []command) (code int) {
	defer func() {
		if p := recover(); p != nil {
			code = crashed(stderr, p, debug.Stack())
		}
	}()
	e := &env{stdout: stdout, stderr: stderr, builtin: site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}, terminal: writerIsTerminal, getenv: os.Getenv, now: time.Now}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitBadInput
		}
		return exitOK
	}
	if args[0] == "-version" || args[0] == "--version" {
		return runVersion(ctx, e, nil)
	}
	var names []string
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("oferta: unknown command %q", args[0])
	if s := site.Suggest(args[0], names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintln(stderr, msg)
	fmt.Fprintln(stderr, "Run 'oferta help' for the list of commands.")
	return exitBadInput
}

// crashed reports a recovered panic: a short message asking for a bug
// report, and the stack trace when OFERTA_DEBUG is set.
func crashed(stderr io.Writer, p any, stack []byte) int {
	fmt.Fprintf(stderr, "oferta: internal error: %v\n", p)
	fmt.Fprintf(stderr, "This is a bug in oferta %s, not a problem of your files. Please report it at %s with this message and the command you ran", toolVersion(), issuesURL)
	if os.Getenv("OFERTA_DEBUG") != "" {
		fmt.Fprintf(stderr, ":\n\n%s", stack)
	} else {
		fmt.Fprintln(stderr, " (run it again with OFERTA_DEBUG=1 to add the stack trace).")
	}
	return exitInternal
}

// issuesURL is where bugs are reported.
const issuesURL = lint.InformationURI + "/issues"

// inputError reports why a site could not be checked: interrupted
// (exit 130) or malformed (exit 2, with positions).
func inputError(ctx context.Context, e *env, dir string, err error) int {
	if ctx.Err() != nil {
		return interrupted(e)
	}
	return printErrors(e, dir, err)
}

// interrupted reports a command stopped by Ctrl-C or SIGTERM.
func interrupted(e *env) int {
	fmt.Fprintln(e.stderr, "oferta: interrupted; nothing was written")
	return exitInterrupted
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "oferta builds a public offer contract, a refund FAQ and a refund statement for every course.")
	fmt.Fprintln(w, "\nUsage: oferta <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'oferta <command> -h' for a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(e *env, name, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: oferta %s\n", usageLine)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
		if b.Len() > 0 {
			fmt.Fprint(e.stderr, "\nFlags:\n"+b.String())
		}
	}
	return fs
}

// parseArgs parses flags that may stand before or after the positional
// arguments ("calc smm --used 3" and "calc --used 3 smm").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at "--": everything after it is positional.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError prints a usage problem and returns exit code 2.
func usageError(e *env, fs *flag.FlagSet, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil && fs == nil {
		fmt.Fprintln(e.stderr, "oferta:", err)
	}
	return exitBadInput
}

// printErrors prints input errors with paths as the user can open them:
// relative to the current folder when the site was given with -s.
func printErrors(e *env, dir string, err error) int {
	for _, pe := range site.Errors(err) {
		file := pe.File
		if file != "" && dir != "." && dir != "" && !strings.HasPrefix(file, "builtin:") {
			file = filepath.Join(dir, file)
		}
		switch {
		case file == "":
			fmt.Fprintf(e.stderr, "oferta: %v\n", pe.Err)
		case pe.Line == 0:
			fmt.Fprintf(e.stderr, "%s: %v\n", file, pe.Err)
		default:
			fmt.Fprintf(e.stderr, "%s:%d:%d: %v\n", file, pe.Line, max(pe.Col, 1), pe.Err)
		}
	}
	return exitBadInput
}

// sitePath joins a site-relative path to the site folder for messages.
func sitePath(dir, rel string) string {
	if dir == "." || dir == "" || strings.HasPrefix(rel, "builtin:") {
		return rel
	}
	return filepath.Join(dir, rel)
}
