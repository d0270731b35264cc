package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp/syntax"
	"strconv"
	"strings"
	"testing"
	"time"

	"rsc.io/script"
	"rsc.io/script/scripttest"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestScripts runs the CLI cases in testdata/script on rsc.io/script, the
// Go team's script engine (cmd/go's tests use it). Each archive holds a
// site's files and, in its comment, a script that runs in the site's
// folder ($WORK). Besides the engine's commands (stdout, stderr, grep and
// exists take a regular expression; cmp compares files; "help" in a script
// lists them all) there are:
//
//	oferta ARGS…  run oferta in a process of its own (this test binary,
//	              which TestMain turns into oferta); it fails unless
//	              oferta exits 0, so "! oferta" expects a failure
//	exit N        the last oferta exited with code N
//
// A "!" means what it says: the command must fail. A command used wrongly
// (exit with no number, a pattern that does not compile) fails the test
// even after "!".
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			dir, ar := sitetest.Txtar(t, file)
			runScript(t, t, dir, file, string(ar.Comment))
		})
	}
}

// runScript runs a script in dir; failures go to report, which is t
// except where a test checks that a script fails.
func runScript(t *testing.T, report testing.TB, dir, file, text string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := script.NewState(ctx, dir, os.Environ())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Setenv("WORK", dir); err != nil {
		t.Fatal(err)
	}
	scripttest.Run(report, scriptEngine(report), s, file, strings.NewReader(text))
}

// scriptEngine returns an engine with the default commands, oferta and
// exit, each checked for misuse (see strictCmd).
func scriptEngine(t testing.TB) *script.Engine {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	code := -1 // the last oferta's exit code; -1 before the first
	cmds := scripttest.DefaultCmds()
	cmds["oferta"] = script.Command(
		script.CmdUsage{Summary: "run oferta in a process of its own; it fails unless oferta exits 0", Args: "args...", Async: true},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			var stdout, stderr bytes.Buffer
			cmd := exec.CommandContext(s.Context(), exe, args...)
			cmd.Dir = s.Getwd()
			cmd.Env = append(s.Environ(), "OFERTA_TEST_MAIN=1")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
			cmd.WaitDelay = 5 * time.Second
			if err := cmd.Start(); err != nil {
				return nil, err
			}
			return func(*script.State) (string, string, error) {
				err := cmd.Wait()
				code = cmd.ProcessState.ExitCode()
				return stdout.String(), stderr.String(), err
			}, nil
		})
	cmds["exit"] = script.Command(
		script.CmdUsage{Summary: "check the exit code of the last oferta", Args: "N"},
		func(s *script.State, args ...string) (script.WaitFunc, error) {
			if len(args) != 1 {
				return nil, script.ErrUsage
			}
			want, err := strconv.Atoi(args[0])
			if err != nil || want < 0 || want > 255 {
				return nil, fmt.Errorf("%w: exit code %q is not a number from 0 to 255", script.ErrUsage, args[0])
			}
			if code < 0 {
				return nil, fmt.Errorf("%w: no oferta has run yet", script.ErrUsage)
			}
			if code != want {
				return nil, fmt.Errorf("oferta exited %d, want %d", code, want)
			}
			return nil, nil
		})
	for name, c := range cmds {
		cmds[name] = strictCmd{t, c}
	}
	return &script.Engine{Cmds: cmds, Conds: scripttest.DefaultConds(), Quiet: !testing.Verbose()}
}

// strictCmd fails the test when a command is used wrongly: the engine
// counts any error as the failure that "!" asks for, so "! exit x" or
// "! stdout '['" would otherwise pass without checking anything.
type strictCmd struct {
	t testing.TB
	script.Cmd
}

func (c strictCmd) Run(s *script.State, args ...string) (script.WaitFunc, error) {
	wait, err := c.Cmd.Run(s, args...)
	var re *syntax.Error
	if errors.Is(err, script.ErrUsage) || errors.As(err, &re) {
		c.t.Errorf("%s %s: %v", c.Usage().Summary, strings.Join(args, " "), err)
	}
	return wait, err
}

// errorLog is a testing.TB that records errors instead of failing.
type errorLog struct {
	testing.TB
	errs []string
}

func (l *errorLog) Errorf(format string, args ...any) {
	l.errs = append(l.errs, fmt.Sprintf(format, args...))
}

func (l *errorLog) Fatalf(format string, args ...any) {
	l.Errorf(format, args...)
	l.TB.FailNow()
}

func (l *errorLog) Log(args ...any) {} // the script's log, which only the failing test needs

// TestScriptsCanFail: a script whose oferta exits with another code than
// it says, or with a failure where none is expected (or none where one
// is), fails; so does a misused command, with or without "!".
func TestScriptsCanFail(t *testing.T) {
	for _, c := range []struct{ script, want string }{
		{"oferta version\nexit 1\n", "oferta exited 0, want 1"},
		{"! oferta lint -s missing\nexit 1\n", "oferta exited 2, want 1"},
		{"oferta lint -s missing\n", "exit status 2"},
		{"! oferta version\n", "unexpected success"},
		{"oferta version\nexit\n", "invalid usage"},
		{"oferta version\nexit one\n", `exit code "one" is not a number`},
		{"oferta version\n! exit one\n", `exit code "one" is not a number`},
		{"exit 0\n", "no oferta has run yet"},
		{"oferta version\n! stdout '['\n", "missing closing ]"},
		{"oferta version\nstdout 'no such text'\n", "no match for"},
		{"oferta nonsense\nexit 2\n", "exit status 2"},
	} {
		log := &errorLog{TB: t}
		runScript(t, log, t.TempDir(), "case.txtar", c.script)
		if all := strings.Join(log.errs, "\n"); !strings.Contains(all, c.want) {
			t.Errorf("script:\n%sgave errors:\n%s\nwant one saying %q", c.script, all, c.want)
		}
	}
	// The same commands, used right, pass.
	log := &errorLog{TB: t}
	runScript(t, log, t.TempDir(), "case.txtar", "oferta version\nexit 0\n! oferta lint -s missing\nexit 2\nstderr 'missing'\n! exit 1\n")
	if len(log.errs) > 0 {
		t.Errorf("a right script fails:\n%s", strings.Join(log.errs, "\n"))
	}
}
