package main

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

// TestMain lets a test run this binary as the oferta command itself:
// with OFERTA_TEST_MAIN=1 it is main, with the arguments it was given.
func TestMain(m *testing.M) {
	// The build date is fixed, so that which edition is in force, and so
	// every page, does not depend on the day the tests run; a test may
	// override it with t.Setenv.
	if _, ok := os.LookupEnv("OFERTA_TODAY"); !ok {
		os.Setenv("OFERTA_TODAY", "2026-12-01")
	}
	if os.Getenv("OFERTA_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// startOferta starts oferta in a process of its own.
func startOferta(t *testing.T, stderr *bytes.Buffer, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OFERTA_TEST_MAIN=1")
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// waitForTemp waits until a build writing into dest has written a few
// files into its temporary folder, that is, it is half-way.
func waitForTemp(t *testing.T, cmd *exec.Cmd, dest string, exited <-chan error) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("the build ended (%v) before it could be interrupted; the synthetic site is too small", err)
		default:
		}
		tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.new-*"))
		if len(tmps) == 1 {
			if entries, _ := os.ReadDir(tmps[0]); len(entries) >= 10 {
				return tmps[0]
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatal("the build wrote no temporary folder in 2 minutes")
	return ""
}

// largeSite writes a synthetic school of n courses into dir.
func largeSite(t *testing.T, dir string, n int) {
	t.Helper()
	if _, err := synth.Write(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}, n, 1); err != nil {
		t.Fatal(err)
	}
}

// TestInterruptedBuildKeepsThePreviousOutput: SIGINT half-way through a
// build of a large site stops it: exit 130, the previous output byte for
// byte, no temporary folder left.
func TestInterruptedBuildKeepsThePreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site")
	}
	dir := t.TempDir()
	largeSite(t, dir, 3)
	before := mustBuild(t, dir)
	largeSite(t, dir, 1500)
	dest := filepath.Join(dir, "public")

	var stderr bytes.Buffer
	cmd := startOferta(t, &stderr, "build", "-q", "-s", dir)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	waitForTemp(t, cmd, dest, exited)
	sent := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-exited:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("the build did not stop within a minute of SIGINT")
	}
	t.Logf("stopped %s after SIGINT", time.Since(sent).Round(time.Millisecond))
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Fatalf("exit: %v, want %d\n%s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say it was interrupted: %q", stderr.String())
	}
	if after := sitetest.ReadTree(t, dest); !maps.Equal(before, after) {
		t.Errorf("the previous output changed: %d files before, %d after", len(before), len(after))
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(tmps) > 0 {
		t.Errorf("temporary folders left: %v", tmps)
	}
}

// TestNextBuildRemovesAKilledBuildsFolder: a build killed outright
// (SIGKILL, no chance to clean up) leaves its temporary folder; the next
// build removes it, and the output is never missing.
func TestNextBuildRemovesAKilledBuildsFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site")
	}
	dir := t.TempDir()
	largeSite(t, dir, 3)
	before := mustBuild(t, dir)
	largeSite(t, dir, 1500)
	dest := filepath.Join(dir, "public")

	var stderr bytes.Buffer
	cmd := startOferta(t, &stderr, "build", "-q", "-s", dir)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	tmp := waitForTemp(t, cmd, dest, exited)
	cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the killed build left no temporary folder (%v): nothing to test", err)
	}
	if after := sitetest.ReadTree(t, dest); !maps.Equal(before, after) {
		t.Errorf("the killed build changed the output")
	}
	largeSite(t, dir, 3)
	mustBuild(t, dir)
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(tmps) > 0 {
		t.Errorf("the next build left the stale folders: %v", tmps)
	}
}

// TestCancelledCommandsExit130: every command that reads the site stops
// when its context ends, with exit 130 and nothing written.
func TestCancelledCommandsExit130(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	before := mustBuild(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"build", "-q", "-s", dir},
		{"lint", "-s", dir, "-o", filepath.Join(dir, "lint.txt")},
		{"calc", "smm-mentoring", "--used", "1", "-s", dir},
		{"freeze", "--force", "-s", dir},
		{"diff", "-s", dir},
	} {
		var out, errb bytes.Buffer
		if code := Run(ctx, args, &out, &errb); code != exitInterrupted {
			t.Errorf("%s: exit %d, want %d\n%s", args[0], code, exitInterrupted, errb.String())
		}
	}
	if after := sitetest.ReadTree(t, filepath.Join(dir, "public")); !maps.Equal(before, after) {
		t.Error("the output changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "lint.txt")); err == nil {
		t.Error("lint wrote its report")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(tmps) > 0 {
		t.Errorf("temporary folders left: %v", tmps)
	}
}

// TestCrashExits3: a panic inside oferta is a bug report (exit 3), not
// "bad input" (2). (A panic in the goroutines that build courses in
// parallel reaches the command's goroutine: see generator/internal/par.)
func TestCrashExits3(t *testing.T) {
	crash := command{name: "crash", run: func(ctx context.Context, e *env, args []string) int {
		panic("injected")
	}}
	var out, errb bytes.Buffer
	code := runCommands(context.Background(), []string{"crash"}, &out, &errb, append(commands(), crash))
	if code != exitInternal {
		t.Fatalf("exit %d, want %d", code, exitInternal)
	}
	msg := errb.String()
	for _, want := range []string{"internal error: injected", "bug in oferta " + toolVersion(), "report it"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message does not say %q:\n%s", want, msg)
		}
	}
}
