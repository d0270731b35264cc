package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestScripts runs the whole-site cases in testdata/script. Each archive
// holds a site's files and, in its comment, a script:
//
//	run ARGS…          run oferta; $SITE is the site folder
//	exit N             the last run's exit code
//	stdout TEXT        the last run's stdout contains TEXT (! for "does not")
//	stderr TEXT        likewise for stderr
//	exists PATH        a file exists below $SITE (! for "does not")
//	contains PATH TEXT the file contains TEXT (! for "does not")
//
// Lines starting with # are comments.
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range ar.Files {
				writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
			}
			runScript(t, dir, string(ar.Comment))
		})
	}
}

func runScript(t *testing.T, dir, script string) {
	var code int
	var stdout, stderr string
	ran := false
	for n, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		neg := false
		if rest, ok := strings.CutPrefix(line, "! "); ok {
			neg, line = true, rest
		}
		verb, arg, _ := strings.Cut(line, " ")
		arg = strings.ReplaceAll(arg, "$SITE", dir)
		where := "line " + strconv.Itoa(n+1) + ": " + line
		check := func(ok bool, detail string) {
			t.Helper()
			if ok == neg {
				t.Errorf("%s\n%s", where, detail)
			}
		}
		switch verb {
		case "run":
			code, stdout, stderr = run(t, strings.Fields(arg)...)
			ran = true
		case "exit":
			want, _ := strconv.Atoi(arg)
			if code != want {
				t.Errorf("%s: got exit %d\nstdout:\n%s\nstderr:\n%s", where, code, stdout, stderr)
			}
		case "stdout":
			check(strings.Contains(stdout, arg), "stdout:\n"+stdout)
		case "stderr":
			check(strings.Contains(stderr, arg), "stderr:\n"+stderr)
		case "exists":
			_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(arg)))
			check(err == nil, "")
		case "contains":
			path, text, _ := strings.Cut(arg, " ")
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			check(strings.Contains(string(data), text), "")
		default:
			t.Fatalf("%s: unknown verb %q", where, verb)
		}
	}
	if !ran {
		t.Fatal("the script runs nothing")
	}
}
