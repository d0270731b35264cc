package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

var testBuiltin = Builtin{Clauses: os.DirFS("../../clauses"), Theme: os.DirFS("../../themes/default")}

// loadSoon loads the site in dir, failing the test instead of hanging
// when loading does not end.
func loadSoon(t *testing.T, dir string) (*Site, error) {
	t.Helper()
	type result struct {
		s   *Site
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := Load(dir, testBuiltin)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(20 * time.Second):
		t.Fatal("Load did not return within 20 s")
		return nil, nil
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// wantError checks that err holds an error about file whose message
// contains each of parts.
func wantError(t *testing.T, err error, file string, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one about %s", file)
	}
	for _, e := range Errors(err) {
		if e.File != file {
			continue
		}
		msg := e.Error()
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(msg, p)
		}
		if ok {
			return
		}
	}
	t.Fatalf("no error about %s containing %q; got:\n%v", file, parts, err)
}

// outsideFile is a file outside every test site, with a secret in it.
func outsideFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLinksOutsideTheSiteAreRefused(t *testing.T) {
	course, err := os.ReadFile("../../content/smm-mentoring.toml")
	if err != nil {
		t.Fatal(err)
	}
	clause := "+++\nid = \"x.y\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"T\"\n+++\nSECRET\n"
	cases := []struct {
		name, file, content string
	}{
		{"course", "content/stolen.toml", string(course)},
		{"clause", "clauses/ru/stolen.md", clause},
		{"edition", "editions/2026-01-01/ru/smm-mentoring.md", "SECRET"},
		{"theme asset", "themes/default/assets/env.txt", "SECRET=1"},
		{"theme layout", "themes/default/layouts/base.html", "SECRET"},
	}
	for _, tc := range cases {
		for _, absolute := range []bool{true, false} {
			t.Run(tc.name, func(t *testing.T) {
				dir := sitetest.ExampleSite(t)
				target := outsideFile(t, "secret", tc.content)
				link := filepath.Join(dir, filepath.FromSlash(tc.file))
				if !absolute {
					rel, err := filepath.Rel(filepath.Dir(link), target)
					if err != nil {
						t.Fatal(err)
					}
					target = rel
				}
				symlink(t, target, link)
				_, err := loadSoon(t, dir)
				wantError(t, err, tc.file, "leads outside the site", "oferta reads only regular files inside the site")
			})
		}
	}
}

func TestFoldersLinkedFromOutsideAreRefused(t *testing.T) {
	for _, folder := range []string{"content/more", "clauses/ru", "editions", "themes/default/assets"} {
		t.Run(folder, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			outside := t.TempDir()
			if err := os.WriteFile(filepath.Join(outside, "x.toml"), []byte("title = 1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			symlink(t, outside, filepath.Join(dir, filepath.FromSlash(folder)))
			_, err := loadSoon(t, dir)
			if folder == "content/more" {
				// WalkDir does not enter a linked folder: nothing is read.
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantError(t, err, folder, "a link that leads outside the site")
		})
	}
}

func TestLinksInsideTheSiteAreFollowed(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	shared := filepath.Join(dir, "shared", "course.toml")
	sitetest.CopyFile(t, filepath.Join(dir, "content", "smm-mentoring.toml"), shared)
	symlink(t, "../shared/course.toml", filepath.Join(dir, "content", "relative.toml"))
	symlink(t, shared, filepath.Join(dir, "content", "absolute.toml"))
	// A theme whose style sheet is a link to another file of the site.
	css := filepath.Join(dir, "design", "style.css")
	sitetest.WriteFile(t, css, "body{}")
	symlink(t, "../../../design/style.css", filepath.Join(dir, "themes", "default", "assets", "style.css"))
	s, err := loadSoon(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, c := range s.Courses {
		found[c.File] = true
	}
	if !found["content/relative.toml"] || !found["content/absolute.toml"] {
		t.Errorf("linked courses not loaded: %v", found)
	}
	f, ok := s.Theme.Asset("assets/style.css")
	if !ok || string(f.Data) != "body{}" {
		t.Errorf("linked asset: %q, %v", f.Data, ok)
	}
}

func TestNamedPipeIsRefused(t *testing.T) {
	for _, file := range []string{"content/x.toml", "oferta.toml", "clauses/ru/x.md", "themes/default/assets/x.css", "editions/2026-01-01/ru/x.md"} {
		t.Run(file, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			p := filepath.Join(dir, filepath.FromSlash(file))
			os.Remove(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			_, err := loadSoon(t, dir)
			wantError(t, err, file, "not a regular file (a named pipe); oferta reads only regular files inside the site")
		})
	}
}

func TestDeviceIsRefused(t *testing.T) {
	t.Run("link to /dev/zero", func(t *testing.T) {
		dir := sitetest.ExampleSite(t)
		symlink(t, "/dev/zero", filepath.Join(dir, "content", "zero.toml"))
		_, err := loadSoon(t, dir)
		wantError(t, err, "content/zero.toml", "leads outside the site")
	})
	t.Run("device inside the site", func(t *testing.T) {
		dir := sitetest.ExampleSite(t)
		dev := filepath.Join(dir, "zero")
		// /dev/zero is character device 1, 5.
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|5); err != nil {
			t.Skipf("cannot make a device here: %v", err)
		}
		symlink(t, "../zero", filepath.Join(dir, "content", "zero.toml"))
		_, err := loadSoon(t, dir)
		wantError(t, err, "content/zero.toml", "not a regular file (a character device)")
	})
}

func TestLargeFileIsRefusedWithoutReadingIt(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	p := filepath.Join(dir, "content", "big.toml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file of 4 GB: reading it whole would take that much memory.
	if err := f.Truncate(4 << 30); err != nil {
		t.Skip(err)
	}
	f.Close()
	var before, after runtimeMem
	before.read()
	_, err = loadSoon(t, dir)
	after.read()
	wantError(t, err, "content/big.toml", "oferta reads files of at most 1048576 bytes")
	if mb := after.mb(before); mb > 100 {
		t.Errorf("loading allocated %d MB", mb)
	}
}

func TestInvalidUTF8HasAPosition(t *testing.T) {
	cases := []struct {
		file, content, want string
	}{
		{"content/bad.toml", "title = \"ok\"\n# a comment \xff here\n", "content/bad.toml:2:13: invalid UTF-8 (the byte 0xff)"},
		{"oferta.toml", "title = \"Школа\xe2\x28\"", "oferta.toml:%d:15: invalid UTF-8"},
		{"clauses/ru/bad.md", "+++\nid = \"x.bad\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"T\"\n+++\nТекст\nещё \xc3 текст\n", "clauses/ru/bad.md:8:5: invalid UTF-8 (the byte 0xc3)"},
		{"themes/default/layouts/base.html", "<p>\n  \xfe</p>\n", "themes/default/layouts/base.html:2:3: invalid UTF-8"},
		{"themes/default/i18n/ru.toml", "a = \"\xff\"\n", "themes/default/i18n/ru.toml:1:6: invalid UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			p := filepath.Join(dir, filepath.FromSlash(tc.file))
			content := tc.content
			if tc.file == "oferta.toml" {
				// Keep the example's settings; break its title.
				old, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				content = replaceLine(t, string(old), "title =", tc.content)
			}
			sitetest.WriteFile(t, p, content)
			want := tc.want
			if strings.Contains(want, "%d") {
				want = fmt.Sprintf(want, 1+strings.Count(content[:strings.Index(content, tc.content)], "\n"))
			}
			_, err := loadSoon(t, dir)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("got %v, want %q", err, want)
			}
		})
	}
}

// replaceLine replaces the line of src that starts with prefix.
func replaceLine(t *testing.T, src, prefix, with string) string {
	t.Helper()
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = with
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return ""
}
