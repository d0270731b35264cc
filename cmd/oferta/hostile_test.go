package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// These tests play a stranger whose pull request holds a hostile site:
// each command must answer in bounded time and memory, with the error at
// its place, and publish nothing from outside the site.

// runSoon is run, failing the test instead of hanging when the command
// does not end.
func runSoon(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := Run(context.Background(), args, &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(60 * time.Second):
		t.Fatalf("oferta %s did not end within 60 s", strings.Join(args, " "))
		return 0, "", ""
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func TestLinkedThemeAssetIsNotPublished(t *testing.T) {
	for _, target := range []string{"/etc/passwd", "/proc/self/environ"} {
		t.Run(target, func(t *testing.T) {
			if _, err := os.Stat(target); err != nil {
				t.Skip(err)
			}
			dir := sitetest.ExampleSite(t)
			link(t, target, filepath.Join(dir, "themes", "default", "assets", "leak.txt"))
			code, _, stderr := runSoon(t, "build", "-s", dir)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			want := filepath.Join(dir, "themes/default/assets/leak.txt") + ": a link that leads outside the site"
			if !strings.Contains(stderr, want) || !strings.Contains(stderr, "oferta reads only regular files inside the site") {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("public/ was written: %v", err)
			}
		})
	}
}

func TestFilesLinkedFromOutsideAreRefused(t *testing.T) {
	outside := t.TempDir()
	course, err := os.ReadFile(filepath.Join(repoRoot, "content", "smm-mentoring.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(outside, "course.toml"), strings.Replace(string(course), "Наставничество", "СЕКРЕТ", 1))
	sitetest.WriteFile(t, filepath.Join(outside, "clause.md"), "+++\nid = \"final.secret\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"СЕКРЕТ\"\n+++\nСЕКРЕТ\n")
	for _, tc := range []struct{ file, target string }{
		{"content/stolen.toml", "course.toml"},
		{"clauses/ru/final/stolen.md", "clause.md"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			link(t, filepath.Join(outside, tc.target), filepath.Join(dir, filepath.FromSlash(tc.file)))
			for _, cmd := range []string{"build", "lint"} {
				code, stdout, stderr := runSoon(t, cmd, "-s", dir)
				if code != 2 {
					t.Errorf("%s: exit %d, want 2; stderr:\n%s", cmd, code, stderr)
				}
				if want := filepath.Join(dir, filepath.FromSlash(tc.file)) + ": a link that leads outside the site"; !strings.Contains(stderr, want) {
					t.Errorf("%s: stderr lacks %q:\n%s", cmd, want, stderr)
				}
				if strings.Contains(stdout, "СЕКРЕТ") {
					t.Errorf("%s printed the linked file", cmd)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("public/ was written: %v", err)
			}
		})
	}
}

func TestPipesAndDevicesAreRefusedAtOnce(t *testing.T) {
	t.Run("named pipe", func(t *testing.T) {
		dir := sitetest.ExampleSite(t)
		if err := syscall.Mkfifo(filepath.Join(dir, "content", "x.toml"), 0o644); err != nil {
			t.Skip(err)
		}
		for _, cmd := range []string{"build", "lint"} {
			code, _, stderr := runSoon(t, cmd, "-s", dir)
			want := filepath.Join(dir, "content/x.toml") + ": not a regular file (a named pipe); oferta reads only regular files inside the site"
			if code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("%s: exit %d, want 2 and %q; stderr:\n%s", cmd, code, want, stderr)
			}
		}
	})
	t.Run("/dev/zero", func(t *testing.T) {
		dir := sitetest.ExampleSite(t)
		link(t, "/dev/zero", filepath.Join(dir, "content", "zero.toml"))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, _, stderr := runSoon(t, "lint", "-s", dir)
		runtime.ReadMemStats(&after)
		if code != 2 || !strings.Contains(stderr, filepath.Join(dir, "content/zero.toml")+": a link that leads outside the site") {
			t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 200 {
			t.Errorf("lint allocated %d MB", mb)
		}
	})
}

func TestDeepNestingIsRejectedFast(t *testing.T) {
	deep := "title = \"x\"\nincludes = [\n" + strings.Repeat("[\n", 40000) + strings.Repeat("]\n", 40000) + "]\n"
	for _, cmd := range []string{"build", "lint"} {
		dir := sitetest.ExampleSite(t)
		sitetest.WriteFile(t, filepath.Join(dir, "content", "deep.toml"), deep)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, _, stderr := runSoon(t, cmd, "-s", dir)
		runtime.ReadMemStats(&after)
		want := filepath.Join(dir, "content/deep.toml") + ":34:1: values are nested more than 32 levels deep"
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, want 2 and %q; stderr:\n%s", cmd, code, want, stderr)
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 100 {
			t.Errorf("%s allocated %d MB", cmd, mb)
		}
	}
}

func TestInvalidUTF8IsAnErrorAtItsPlace(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "clauses", "ru", "final", "bad.md"), "+++\nid = \"final.bad\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"Т\"\n+++\nТекст\nещё \xc3 текст\n")
	code, _, stderr := runSoon(t, "build", "-s", dir)
	want := filepath.Join(dir, "clauses/ru/final/bad.md") + ":8:5: invalid UTF-8"
	if code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 2 and %q; stderr:\n%s", code, want, stderr)
	}
}

func TestLoopingClauseIsAFinding(t *testing.T) {
	for _, tc := range []struct{ name, body, pos, want string }{
		{"range over an integer", "{{ range 1000000000 }}x{{ end }}", ":7:10: error: range works only over a list of the data", ""},
		{"nested loops", "{{ range .course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}{{ range $.course.includes }}x{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}", ":7:", "steps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			file := filepath.Join(dir, "clauses", "ru", "final", "loop.md")
			sitetest.WriteFile(t, file, "+++\nid = \"final.loop\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"Цикл\"\n+++\n"+tc.body+"\n")
			code, stdout, stderr := runSoon(t, "lint", "-s", dir)
			if code != 1 || !strings.Contains(stdout, file+tc.pos) || !strings.Contains(stdout, tc.want) || !strings.Contains(stdout, "[template/invalid]") {
				t.Fatalf("exit %d, want 1 and a template/invalid finding at %s%s; stdout:\n%s\nstderr:\n%s", code, file, tc.pos, stdout, stderr)
			}
			code, _, _ = runSoon(t, "build", "-s", dir)
			if code != 1 {
				t.Errorf("build: exit %d, want 1", code)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("public/ was written: %v", err)
			}
		})
	}
}
