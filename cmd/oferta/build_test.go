package main

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

func TestBuildExampleSite(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	tree := mustBuild(t, dir)
	for _, p := range []string{"index.html", "en/index.html", "sitemap.xml", "assets/style.css", "assets/calc.js"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	courses := map[string]string{ // folder → language
		"smm-mentoring": "ru", "group-copywriting": "ru", "recorded-excel": "ru", "english-speaking-club": "ru", "en/english-speaking-club": "en",
	}
	for folder, lang := range courses {
		for _, page := range []string{"oferta", "faq", "refund"} {
			p := folder + "/" + page + "/index.html"
			html, ok := tree[p]
			if !ok {
				t.Errorf("missing %s", p)
				continue
			}
			if !strings.Contains(html, `<html lang="`+lang+`"`) {
				t.Errorf("%s: no <html lang=%q>", p, lang)
			}
			if !strings.Contains(tree["sitemap.xml"], "https://school.example/"+folder+"/"+page+"/") {
				t.Errorf("sitemap.xml does not list %s", p)
			}
		}
		index := tree["index.html"]
		if lang == "en" {
			index = tree["en/index.html"]
		}
		slug := filepath.Base(folder)
		if !strings.Contains(index, slug+"/oferta/") || !strings.Contains(index, slug+"/faq/") || !strings.Contains(index, slug+"/refund/") {
			t.Errorf("the %s index does not link to all three pages of %s", lang, slug)
		}
	}
	// The contract is numbered and carries its edition date.
	contract := tree["smm-mentoring/oferta/index.html"]
	for _, want := range []string{"1.1.", "2026-12-01", "ИНН"} {
		if !strings.Contains(contract, want) {
			t.Errorf("smm-mentoring contract lacks %q", want)
		}
	}
	for _, p := range htmlPages(tree) {
		if strings.Contains(tree[p], "oferta-reload") || strings.Contains(tree[p], "EventSource") {
			t.Errorf("%s: built output must not carry the preview server's reload script", p)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	first := mustBuild(t, dir)
	second := mustBuild(t, dir)
	if len(first) != len(second) {
		t.Fatalf("builds differ in file count: %d vs %d", len(first), len(second))
	}
	for p, data := range first {
		if second[p] != data {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

// TestBadInputKeepsOutput checks, for each kind of malformed input, the
// exit code, a file:line:col message, and that the previous public/ stays
// byte for byte as it was.
func TestBadInputKeepsOutput(t *testing.T) {
	tests := []struct {
		name    string
		file    string // site-relative
		edit    func(string) string
		wantPos string // file:line:col
		wantMsg string
	}{
		{"malformed TOML", "content/smm-mentoring.toml", func(s string) string { return s + "\nbroken = [1,\n" }, "content/smm-mentoring.toml:", "array is incomplete"},
		{"unknown key", "content/smm-mentoring.toml", func(s string) string { return replaceKey(s, "price", "prise") }, "content/smm-mentoring.toml:", `unknown key "prise"; did you mean "price"?`},
		{"wrong type", "content/smm-mentoring.toml", func(s string) string { return replaceLine(s, "format", `format = 3`) }, "content/smm-mentoring.toml:", "format must be a string, not an integer"},
		{"missing required key", "content/smm-mentoring.toml", func(s string) string { return replaceLine(s, "format", "") }, "content/smm-mentoring.toml:1:1", `missing required key "format"`},
		{"slug leaving the output folder", "content/smm-mentoring.toml", func(s string) string { return `slug = "../../escape"` + "\n" + s }, "content/smm-mentoring.toml:1:1", `slug "../../escape" may hold only`},
		{"unknown key in oferta.toml", "oferta.toml", func(s string) string { return replaceKey(s, "jurisdiction", "jurisdicton") }, "oferta.toml:", `did you mean "jurisdiction"?`},
		{"bad value in oferta.toml", "oferta.toml", func(s string) string { return replaceLine(s, "jurisdiction", `jurisdiction = "us"`) }, "oferta.toml:", `jurisdiction = "us" is not allowed`},
		{"malformed clause front matter", "clauses/ru/extra/x.md", func(string) string { return "+++\nid = \"x\"\nkind = \n+++\nbody\n" }, "clauses/ru/extra/x.md:3:", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.ExampleSite(t)
			before := mustBuild(t, dir)
			path := filepath.Join(dir, filepath.FromSlash(tt.file))
			old, _ := os.ReadFile(path)
			sitetest.WriteFile(t, path, tt.edit(string(old)))
			code, _, stderr := run(t, "build", "-s", dir)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			prefix := filepath.Join(dir, filepath.FromSlash(tt.wantPos))
			posRE := regexp.MustCompile(`^` + regexp.QuoteMeta(filepath.Join(dir, tt.file)) + `:\d+:\d+: `)
			if !strings.HasPrefix(stderr, prefix) || !posRE.MatchString(stderr) {
				t.Errorf("stderr does not start with %s…:line:col:\n%s", prefix, stderr)
			}
			if !strings.Contains(stderr, tt.wantMsg) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantMsg, stderr)
			}
			after := sitetest.ReadTree(t, filepath.Join(dir, "public"))
			if len(after) != len(before) {
				t.Fatalf("public/ changed: %d files before, %d after", len(before), len(after))
			}
			for p, data := range before {
				if after[p] != data {
					t.Errorf("public/%s changed after a failed build", p)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary folders left behind: %v", leftovers)
			}
		})
	}
}

func replaceKey(s, key, with string) string {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `(\s*=)`)
	return re.ReplaceAllString(s, with+"$1")
}

func replaceLine(s, key, with string) string {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `\s*=.*$`)
	return re.ReplaceAllLiteralString(s, with)
}

// TestTitleIsLiteralText checks that markup in a course title is shown as
// text on every page, never interpreted as HTML or Markdown.
func TestTitleIsLiteralText(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	path := filepath.Join(dir, "content", "smm-mentoring.toml")
	old, _ := os.ReadFile(path)
	sitetest.WriteFile(t, path, replaceLine(string(old), "title", `title = "<script>alert(1)</script> *x*"`))
	tree := mustBuild(t, dir)
	const shown = "&lt;script&gt;alert(1)&lt;/script&gt; *x*"
	for _, p := range []string{"index.html", "smm-mentoring/oferta/index.html", "smm-mentoring/faq/index.html", "smm-mentoring/refund/index.html"} {
		html := tree[p]
		if strings.Contains(html, "<script>alert") {
			t.Errorf("%s: the title became markup", p)
		}
		if !strings.Contains(html, shown) {
			t.Errorf("%s: the title is not shown as literal text %q", p, shown)
		}
		if strings.Contains(html, "<em>x</em>") {
			t.Errorf("%s: *x* in the title became emphasis", p)
		}
	}
}

// TestNewSiteBuildsOutsideRepository runs `new site` in a folder that has
// no clauses or theme: the embedded library and theme must do.
func TestNewSiteBuildsOutsideRepository(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "school")
	if code, _, stderr := run(t, "new", "site", dir); code != 0 {
		t.Fatalf("new site exited %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "new", "course", "smm-basics", "-s", dir); code != 0 {
		t.Fatalf("new course exited %d: %s", code, stderr)
	}
	// The scaffold's sample seller and placeholders fail the build
	// (seller/sample, site/base-url-missing) until they are filled in.
	if code, _, _ := run(t, "build", "-s", dir); code != 1 {
		t.Errorf("build of the untouched scaffold: exit %d, want 1", code)
	}
	fillScaffold(t, dir)
	if code, stdout, stderr := run(t, "lint", "--strict", "-s", dir); code != 0 {
		t.Errorf("lint --strict of the filled-in scaffold: exit %d\n%s%s", code, stdout, stderr)
	}
	tree := mustBuild(t, dir)
	var pages []string
	for p := range tree {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for _, want := range []string{"index.html", "first-course/oferta/index.html", "first-course/faq/index.html", "first-course/refund/index.html", "smm-basics/oferta/index.html"} {
		if _, ok := tree[want]; !ok {
			t.Errorf("missing %s; have %v", want, pages)
		}
	}
	if code, _, _ := run(t, "new", "site", dir); code != 2 {
		t.Errorf("new site into a non-empty folder: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "new", "course", "Bad Slug", "-s", dir); code != 2 {
		t.Errorf("new course with a bad slug: exit %d, want 2", code)
	}
}

// TestSiteClauseReplacesBuiltin checks that a site clause with a built-in
// id replaces that clause's text in every course and changes nothing else.
func TestSiteClauseReplacesBuiltin(t *testing.T) {
	base := sitetest.ExampleSite(t)
	before := mustBuild(t, base)

	over := sitetest.ExampleSite(t)
	// A replacement of a statutory clause keeps what the law requires of it
	// (clause/statutory-override): here, that a claim is not required.
	const marker = "Этот пункт заменён юристом школы: претензию перед судом направлять не обязательно."
	sitetest.WriteFile(t, filepath.Join(over, "clauses", "ru", "override", "disputes.md"), `+++
id = "disputes.claims"
kind = "disputes"
section = "disputes"
title = "Претензии"
weight = 10
+++
`+marker+"\n")
	after := mustBuild(t, over)

	if len(after) != len(before) {
		t.Fatalf("file count changed: %d → %d", len(before), len(after))
	}
	changed := 0
	for p, old := range before {
		cur := after[p]
		if cur == old {
			continue
		}
		changed++
		if !strings.HasSuffix(p, "/oferta/index.html") || strings.HasPrefix(p, "en/") {
			t.Errorf("%s changed, but only Russian contracts use the replaced clause", p)
			continue
		}
		// Everything outside the replaced clause stays the same: the
		// difference starts and ends inside its block.
		mid := middle(old, cur)
		if !strings.Contains(mid, "заменён юристом") {
			t.Errorf("%s: the new text is not where the page changed", p)
		}
		if n := strings.Count(mid, `id="c-`); n > 1 {
			t.Errorf("%s: the change spans %d clauses, want one", p, n)
		}
	}
	if changed != 4 {
		t.Errorf("%d files changed, want the 4 Russian contracts", changed)
	}
}

// middle returns the part of b that differs from a, between their common
// prefix and common suffix.
func middle(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	j := 0
	for j < len(a)-i && j < len(b)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	// Widen to whole lines for readable checks.
	start := strings.LastIndex(b[:i], "\n") + 1
	return b[start : len(b)-j]
}

func TestCommandLine(t *testing.T) {
	if code, out, _ := run(t, "version"); code != 0 || !strings.HasPrefix(out, "oferta ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, stderr := run(t, "biuld"); code != 2 || !strings.Contains(stderr, `did you mean "build"?`) {
		t.Errorf("unknown command: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "help"); code != 0 {
		t.Errorf("help: exit %d, want 0", code)
	}
	if code, _, stderr := run(t, "build", "--nope"); code != 2 || !strings.Contains(stderr, "nope") {
		t.Errorf("unknown flag: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "build", "-s", filepath.Join(t.TempDir(), "missing")); code != 2 || !strings.Contains(stderr, "no oferta.toml") {
		t.Errorf("missing site: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "build", "-h"); code != 0 {
		t.Errorf("build -h: exit %d, want 0", code)
	}
	dir := sitetest.ExampleSite(t)
	if code, _, stderr := run(t, "build", "stray", "-s", dir); code != 2 || !strings.Contains(stderr, "stray") {
		t.Errorf("stray argument: exit %d, %q", code, stderr)
	}
	// Flags after a positional argument are parsed too.
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "-s", dir, "-q", "-d", dest); code != 0 {
		t.Fatalf("build -d: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Errorf("build -d did not write to %s: %v", dest, err)
	}
}

// TestExampleSchoolEditions builds the example school with its frozen
// editions: it is clean, the earlier edition keeps its archive page with
// its old text, and a changes page shows the difference.
func TestExampleSchoolEditions(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.CopyTree(t, filepath.Join(repoRoot, "editions"), filepath.Join(dir, "editions"))
	code, _, stderr := run(t, "lint", "-s", dir)
	if code != 0 {
		t.Fatalf("the example school does not lint clean: exit %d\n%s", code, stderr)
	}
	tree := mustBuild(t, dir)
	old, ok := tree["smm-mentoring/oferta/2026-09-01/index.html"]
	if !ok {
		t.Fatal("no archive page for the 2026-09-01 edition")
	}
	const nb = "\u00a0"
	if !strings.Contains(old, "14"+nb+"дней") || !strings.Contains(old, "2026-11-01") {
		t.Error("the archive page lacks its old review period or the date it stopped being in force")
	}
	cur := tree["smm-mentoring/oferta/index.html"]
	if !strings.Contains(cur, "2026-09-01/") || !strings.Contains(cur, "changes/") {
		t.Error("the contract in force does not link to the earlier edition and the changes")
	}
	if !strings.Contains(tree["smm-mentoring/oferta/changes/index.html"], "<del>14</del>") {
		t.Error("the changes page does not strike out the old review period")
	}
	if _, ok := tree["recorded-excel/oferta/changes/index.html"]; !ok {
		t.Error("no changes page for the recorded course")
	}
}

// TestBuildRefusesDangerousDestinations: the output folder is replaced
// whole, so it must never be the site, a folder above it, or one of the
// site's own folders.
func TestBuildRefusesDangerousDestinations(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	before := sitetest.ReadTree(t, dir)
	for _, dest := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "content"), filepath.Join(dir, "oferta.toml")} {
		code, _, stderr := run(t, "build", "-q", "-s", dir, "-d", dest)
		if code != 2 || !strings.Contains(stderr, "-d ") {
			t.Errorf("-d %s: exit %d, want 2: %s", dest, code, stderr)
		}
	}
	after := sitetest.ReadTree(t, dir)
	if len(after) != len(before) {
		t.Fatalf("the site changed: %d files before, %d after", len(before), len(after))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if code, _, stderr := run(t, "build", "-q", "-s", dir, "-d", filepath.Join(dir, "dist", "site")); code != 0 {
		t.Errorf("-d public/: exit %d: %s", code, stderr)
	}
}

// TestBuildRefusesAForeignFolder: -d pointing at a folder oferta did not
// write (a home folder, a project with .git) is refused with exit 2 and
// left exactly as it was; a folder oferta wrote is replaced, and so is an
// empty one.
func TestBuildRefusesAForeignFolder(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	home := t.TempDir()
	sitetest.WriteFile(t, filepath.Join(home, ".ssh", "id_ed25519"), "secret")
	sitetest.WriteFile(t, filepath.Join(home, "project", ".git", "HEAD"), "ref: refs/heads/main\n")
	for _, dest := range []string{home, filepath.Join(home, "project")} {
		before := sitetest.ReadTree(t, home)
		code, _, stderr := run(t, "build", "-q", "-s", dir, "-d", dest)
		if code != 2 || !strings.Contains(stderr, "refusing to replace "+dest) || !strings.Contains(stderr, ".oferta-output") {
			t.Errorf("-d %s: exit %d, want 2 and a refusal naming the marker:\n%s", dest, code, stderr)
		}
		if after := sitetest.ReadTree(t, home); !maps.Equal(before, after) {
			t.Errorf("-d %s: the folder changed", dest)
		}
	}
	// A public/ of an older oferta has no marker: refused too.
	old := filepath.Join(dir, "public")
	sitetest.WriteFile(t, filepath.Join(old, "index.html"), "built before the marker")
	if code, _, stderr := run(t, "build", "-q", "-s", dir); code != 2 || !strings.Contains(stderr, "older version of oferta") {
		t.Errorf("unmarked public/: exit %d, want 2 with advice:\n%s", code, stderr)
	}
	os.RemoveAll(old)
	empty := filepath.Join(home, "empty")
	os.Mkdir(empty, 0o755)
	if code, _, stderr := run(t, "build", "-q", "-s", dir, "-d", empty); code != 0 {
		t.Fatalf("-d an empty folder: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "build", "-q", "-s", dir, "-d", empty); code != 0 {
		t.Fatalf("-d a folder oferta wrote: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(empty, ".oferta-output")); err != nil {
		t.Errorf("no marker in the output: %v", err)
	}
}

// fillScaffold does what the scaffold's comments ask a new user to do:
// the seller's own details, the site's address and each course's texts
// instead of the samples.
func fillScaffold(t *testing.T, dir string) {
	t.Helper()
	fillScaffoldURL(t, dir, true)
}

// fillScaffoldURL is fillScaffold; with url false it leaves base_url as
// it is (a site made with --base-url has no placeholder to replace).
func fillScaffoldURL(t *testing.T, dir string, url bool) {
	t.Helper()
	replace := func(file string, pairs ...string) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("%s: the scaffold no longer has %q", file, pairs[i])
			}
			s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
		}
		sitetest.WriteFile(t, file, s)
	}
	if url {
		replace(filepath.Join(dir, "oferta.toml"),
			`base_url = "https://replace-with-your-site.invalid/"`, `base_url = "https://school.example/"`)
	}
	replace(filepath.Join(dir, "oferta.toml"),
		`title = "My school"`, `title = "Школа Соколовой"`,
		`"ИП Образцова Мария Ивановна"`, `"ИП Соколова Марина Андреевна"`,
		`"771234567859"`, `"165538412749"`,
		`"326774600123455"`, `"319169002845312"`,
		`"Россия, 101000, г. Москва, ул. Образцовая, д. 1"`, `"420111, г. Казань, ул. Учебная, д. 12"`)
	courses, err := filepath.Glob(filepath.Join(dir, "content", "*.toml"))
	if err != nil || len(courses) == 0 {
		t.Fatalf("no courses in the scaffold: %v", err)
	}
	for _, c := range courses {
		replace(c,
			`["6 live lessons", "homework review"]`, `["6 живых занятий", "проверка домашних заданий"]`,
			`"Who this course is for."`, `"Тем, кто ведёт соцсети своего проекта."`,
			`"What a student can expect to be able to do (no promises)."`, `"Вы составите контент-план на месяц; охваты и продажи мы не обещаем."`)
	}
}
