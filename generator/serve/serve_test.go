package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

const smmTitle = "Наставничество по SMM: 8 недель"

// TestServeSaves saves a course file the three ways editors do and checks
// that each time the page is served with the new text and the open event
// stream was told to reload it.
func TestServeSaves(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	r := start(t, dir)
	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	const page = "/smm-mentoring/oferta/"
	if _, body := r.get(t, page); !strings.Contains(body, smmTitle) {
		t.Fatalf("%s does not show the course title before any edit", page)
	}
	saves := []struct {
		name string
		save func(data string)
	}{
		{"in place", func(data string) { sitetest.WriteFile(t, file, data) }},
		{"temporary file, then rename", func(data string) {
			tmp := filepath.Join(dir, "content", ".smm-mentoring.toml.tmp")
			sitetest.WriteFile(t, tmp, data)
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
		}},
		{"delete, then create", func(data string) {
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			sitetest.WriteFile(t, file, data)
		}},
	}
	orig := sitetest.ReadFile(t, file)
	for i, s := range saves {
		title := fmt.Sprintf("Наставничество по SMM: правка %d", i+1)
		mark := r.sse.mark()
		s.save(strings.Replace(orig, smmTitle, title, 1))
		waitFor(t, s.name+": the new title on "+page, func() bool {
			_, body := r.get(t, page)
			return strings.Contains(body, title)
		})
		waitFor(t, s.name+": a reload event for "+page, func() bool { return r.sse.reloadedSince(mark, page) })
	}
	if !strings.Contains(r.log.String(), "rebuilt 1 course") {
		t.Errorf("no progress line for a one-course rebuild in:\n%s", r.log)
	}
}

// TestServeCoursesComeAndGo adds a course file and removes it again.
func TestServeCoursesComeAndGo(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	r := start(t, dir)
	file := filepath.Join(dir, "content", "excel-evening.toml")
	sitetest.CopyFile(t, filepath.Join(dir, "content", "recorded-excel.toml"), file)
	for _, p := range []string{"/excel-evening/oferta/", "/excel-evening/faq/", "/excel-evening/refund/"} {
		waitFor(t, p+" to appear", func() bool { code, _ := r.get(t, p); return code == 200 })
	}
	_, index := r.get(t, "/")
	if !strings.Contains(index, "excel-evening/oferta/") {
		t.Error("the index does not link the new course")
	}
	mark := r.sse.mark()
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the removed course's page to be gone", func() bool { code, _ := r.get(t, "/excel-evening/oferta/"); return code == 404 })
	waitFor(t, "a reload event naming the removed page", func() bool { return r.sse.reloadedSince(mark, "/excel-evening/oferta/") })
	code, body := r.get(t, "/excel-evening/oferta/")
	if code != 404 || !strings.Contains(body, `id="oferta-reload"`) {
		t.Errorf("a missing page: status %d; it must be 404 and carry the reload script so that it comes back by itself", code)
	}
}

// TestServeNewClauseFolder creates a folder under clauses/ru/ while the
// server runs: clauses written into it must show up in the contracts.
func TestServeNewClauseFolder(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	if err := os.MkdirAll(filepath.Join(dir, "clauses", "ru"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := start(t, dir)
	folder := filepath.Join(dir, "clauses", "ru", "extra")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	clause := func(name, word string) string {
		return fmt.Sprintf("+++\nid = \"liability.%s\"\nkind = \"liability\"\nsection = \"liability\"\ntitle = \"Дополнительное условие\"\nweight = 90\n+++\nОсобое условие %s.\n", name, word)
	}
	sitetest.WriteFile(t, filepath.Join(folder, "first.md"), clause("first", "ЯНТАРЬ"))
	waitFor(t, "the first clause in the contract", func() bool {
		_, body := r.get(t, "/smm-mentoring/oferta/")
		return strings.Contains(body, "ЯНТАРЬ")
	})
	// Written once the folder is surely watched: only its watch sees this.
	sitetest.WriteFile(t, filepath.Join(folder, "second.md"), clause("second", "МАЛАХИТ"))
	waitFor(t, "the second clause in the contract", func() bool {
		_, body := r.get(t, "/group-copywriting/oferta/")
		return strings.Contains(body, "МАЛАХИТ")
	})
}

// TestServeBadEdit makes a course file invalid, then lint-invalid, and
// fixes it: the overlay data names file, line, column and message, the
// last good page stays served, and the overlay goes once the file is fixed.
func TestServeBadEdit(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	r := start(t, dir)
	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	orig := sitetest.ReadFile(t, file)
	const page = "/smm-mentoring/oferta/"
	_, good := r.get(t, page)

	// An unknown key: a load error.
	sitetest.WriteFile(t, file, "prise = 1\n"+strings.Replace(orig, smmTitle, "Новое название", 1))
	var st statusJSON
	waitFor(t, "the overlay for an unknown key", func() bool {
		st = r.status(t, page)
		return len(st.Errors) > 0
	})
	e := st.Errors[0]
	if e.File != "content/smm-mentoring.toml" || e.Line != 1 || e.Col != 1 || !strings.Contains(e.Message, `"prise"`) {
		t.Errorf("overlay error = %+v; want content/smm-mentoring.toml:1:1 about \"prise\"", e)
	}
	if !st.Stale {
		t.Error("status does not say that the pages are the last good ones")
	}
	if _, body := r.get(t, page); body != good {
		t.Error("after a bad edit the page is not the last good one")
	}
	// The status is published before the progress line is printed: wait
	// for the line rather than expect it at once.
	waitFor(t, "the error line in the progress output", func() bool {
		return strings.Contains(r.log.String(), "error: "+file+":1:1: ")
	})

	// A lint error: a payout deadline over the legal limit.
	sitetest.WriteFile(t, file, strings.Replace(orig, "[refund]\n", "[refund]\npayout_days = 30\n", 1))
	waitFor(t, "the overlay for a lint error", func() bool {
		st = r.status(t, page)
		return len(st.Errors) > 0 && st.Errors[0].Rule == "refund/payout-too-slow"
	})
	if e := st.Errors[0]; e.File != "content/smm-mentoring.toml" || e.Line == 0 || e.Col == 0 || e.Message == "" {
		t.Errorf("lint error in the overlay = %+v; want its file, line, column and message", e)
	}
	if _, body := r.get(t, page); body != good {
		t.Error("after an edit with a lint error the page is not the last good one")
	}

	// The fix.
	mark := r.sse.mark()
	sitetest.WriteFile(t, file, strings.Replace(orig, smmTitle, "Новое название", 1))
	waitFor(t, "the overlay to go", func() bool {
		st = r.status(t, page)
		return len(st.Errors) == 0
	})
	if st.Stale {
		t.Error("still stale after the fix")
	}
	if _, body := r.get(t, page); !strings.Contains(body, "Новое название") {
		t.Error("the fixed edit is not served")
	}
	waitFor(t, "a reload after the fix", func() bool { return r.sse.reloadedSince(mark, page) })
}

// TestServeFindingsPerCourse checks the panel's data: a course page gets
// its own findings and the site-wide ones, not other courses' findings.
func TestServeFindingsPerCourse(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	file := filepath.Join(dir, "content", "group-copywriting.toml")
	sitetest.WriteFile(t, file, strings.Replace(sitetest.ReadFile(t, file), "[refund]\n", "[refund]\nretention_percent = 5\n", 1))
	// A site-wide finding: the example school itself withholds no fee.
	cfg := filepath.Join(dir, "oferta.toml")
	sitetest.WriteFile(t, cfg, strings.Replace(sitetest.ReadFile(t, cfg), "bank_fee_percent = 0", "bank_fee_percent = 3", 1))
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	s.rebuild(context.Background(), nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	r := &running{url: ts.URL}
	group := r.status(t, "/group-copywriting/faq/")
	smm := r.status(t, "/smm-mentoring/faq/")
	if group.Course != "group-copywriting" || smm.Course != "smm-mentoring" {
		t.Fatalf("courses of pages: %q, %q", group.Course, smm.Course)
	}
	has := func(st statusJSON, rule, course string) bool {
		for _, f := range st.Findings {
			if f.Rule == rule && f.Course == course {
				return true
			}
		}
		return false
	}
	if !has(group, "refund/fixed-retention", "group-copywriting") {
		t.Errorf("the group course's panel lacks its refund/fixed-retention warning: %+v", group.Findings)
	}
	if has(smm, "refund/fixed-retention", "group-copywriting") {
		t.Error("another course's finding is in the smm course's panel")
	}
	if !has(smm, "refund/bank-fee", "") {
		t.Errorf("the site-wide refund/bank-fee warning is missing from a course panel: %+v", smm.Findings)
	}
	for _, f := range smm.Findings {
		if f.Course != "" && f.Course != "smm-mentoring" {
			t.Errorf("smm panel holds a finding of %s", f.Course)
		}
	}
}

// TestServeRebuildsOnlyTheEditedCourse edits one course's title and
// checks what the rebuild rendered: that course's pages and the index page
// of its language, nothing else (the sitemap lists the same paths).
func TestServeRebuildsOnlyTheEditedCourse(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	first := s.rebuild(context.Background(), nil)
	if !first.ok {
		t.Fatalf("first build: %+v", first.problems)
	}
	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	sitetest.WriteFile(t, file, strings.Replace(sitetest.ReadFile(t, file), smmTitle, "Наставничество по SMM: весна", 1))
	res := s.rebuild(context.Background(), []string{file})
	if !res.ok || res.assembled != 1 {
		t.Fatalf("rebuild: ok=%v assembled=%d problems=%v", res.ok, res.assembled, res.problems)
	}
	want := map[string]bool{
		"smm-mentoring/oferta/index.html": true, "smm-mentoring/faq/index.html": true, "smm-mentoring/refund/index.html": true,
		"smm-mentoring/widget/index.html": true, // the calculator widget: the title is in its <title>
		"index.html":                      true,
	}
	for _, p := range res.rendered {
		if !want[p] {
			t.Errorf("rendered %s, which the edit does not affect", p)
		}
		delete(want, p)
	}
	for p := range want {
		t.Errorf("did not render %s", p)
	}
	for _, p := range res.changed {
		if p == "en/index.html" || p == "sitemap.xml" {
			t.Errorf("%s has the same bytes but is reported as changed", p)
		}
	}
}

// TestServeHTTP checks what the handler serves: only files of the built
// site, with their types, the script only in HTML, and nothing else.
func TestServeHTTP(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	s.rebuild(context.Background(), nil)
	checked, err := pipeline.Check(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	files, err := pipeline.Render(checked, false)
	if err != nil {
		t.Fatal(err)
	}
	built := map[string][]byte{}
	for _, f := range files {
		built[f.Path] = f.Data
	}
	cases := []struct {
		method, target string
		code           int
		ctype          string
		file           string // the built file the body must be
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "index.html"},
		{"GET", "/smm-mentoring/oferta/", 200, "text/html; charset=utf-8", "smm-mentoring/oferta/index.html"},
		{"GET", "/smm-mentoring/oferta/index.html", 200, "text/html; charset=utf-8", "smm-mentoring/oferta/index.html"},
		{"GET", "/en/english-speaking-club/faq/", 200, "text/html; charset=utf-8", "en/english-speaking-club/faq/index.html"},
		{"GET", "/assets/style.css", 200, "text/css; charset=utf-8", "assets/style.css"},
		{"GET", "/assets/calc.js", 200, "text/javascript; charset=utf-8", "assets/calc.js"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "sitemap.xml"},
		{"HEAD", "/smm-mentoring/faq/", 200, "text/html; charset=utf-8", ""},
		{"GET", "/smm-mentoring/oferta", 302, "", ""},
		{"GET", "/smm-mentoring", 404, "", ""},
		{"GET", "/oferta.toml", 404, "", ""},
		{"GET", "/content/smm-mentoring.toml", 404, "", ""},
		{"GET", "/nope/", 404, "", ""},
		{"GET", "/../oferta.toml", 400, "", ""},
		{"GET", "/%2e%2e/oferta.toml", 400, "", ""},
		{"GET", "/smm-mentoring/../../oferta.toml", 400, "", ""},
		{"GET", "/./index.html", 400, "", ""},
		{"POST", "/", 405, "", ""},
	}
	for _, c := range cases {
		req := localRequest(c.method, c.target)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != c.code {
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, w.Code, c.code)
			continue
		}
		if c.ctype != "" && w.Header().Get("Content-Type") != c.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.target, w.Header().Get("Content-Type"), c.ctype)
		}
		if c.code == 302 && w.Header().Get("Location") != c.target+"/" {
			t.Errorf("%s: redirects to %q", c.target, w.Header().Get("Location"))
		}
		if c.file == "" {
			continue
		}
		body := w.Body.String()
		isHTML := strings.HasSuffix(c.file, ".html")
		if has := strings.Contains(body, `<script id="oferta-reload"`); has != isHTML {
			t.Errorf("%s: reload script injected = %v, want %v", c.target, has, isHTML)
		}
		// Without the injected script the body is the built file, byte for byte.
		if i := strings.Index(body, `<script id="oferta-reload"`); i >= 0 {
			j := strings.Index(body[i:], "</script>\n")
			body = body[:i] + body[i+j+len("</script>\n"):]
		}
		if body != string(built[c.file]) {
			t.Errorf("%s: the served bytes are not those of the built %s", c.target, c.file)
		}
	}
	// The script goes right before </body>.
	req := localRequest("GET", "/")
	req.Host = "127.0.0.1:8090"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if !strings.Contains(w.Body.String(), "</script>\n</body>") {
		t.Error("the reload script is not injected right before </body>")
	}
	for _, p := range []string{"/_oferta/live.js", "/_oferta/status?page=/"} {
		w := httptest.NewRecorder()
		req := localRequest("GET", p)
		req.Host = "[::1]:8090"
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d", p, w.Code)
		}
	}
}

// TestServeNotASite: a folder without oferta.toml is refused up front.
func TestServeNotASite(t *testing.T) {
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "missing")} {
		if _, err := New(Options{Dir: dir, Builtin: builtin}); err == nil || !strings.Contains(err.Error(), "oferta") {
			t.Errorf("New(%s) = %v; want an error that it is not an oferta site", dir, err)
		}
	}
}

// TestServeBrokenFromTheStart starts on a site whose oferta.toml does not
// load: pages say so, and the site appears once the file is fixed.
func TestServeBrokenFromTheStart(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	cfgFile := filepath.Join(dir, "oferta.toml")
	cfg := sitetest.ReadFile(t, cfgFile)
	sitetest.WriteFile(t, cfgFile, cfg+"\nunknown_setting = 1\n")
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	res := s.rebuild(context.Background(), nil)
	if res.ok || len(res.problems) == 0 || res.problems[0].File != "oferta.toml" {
		t.Fatalf("first build of a broken site: ok=%v problems=%+v", res.ok, res.problems)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, localRequest("GET", "/smm-mentoring/oferta/"))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `id="oferta-reload"`) {
		t.Errorf("before any good build: status %d; want 503 with the reload script", w.Code)
	}
	sitetest.WriteFile(t, cfgFile, cfg)
	if res := s.rebuild(context.Background(), []string{cfgFile}); !res.ok {
		t.Fatalf("after the fix: %+v", res.problems)
	}
	w = httptest.NewRecorder()
	s.ServeHTTP(w, localRequest("GET", "/smm-mentoring/oferta/"))
	if w.Code != http.StatusOK {
		t.Errorf("after the fix: status %d", w.Code)
	}
}

// TestServeDraftUntilClean starts on a site with a lint error: there is no
// good build to keep, so the pages are served as a draft with the
// overlay, until the error is fixed.
func TestServeDraftUntilClean(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	file := filepath.Join(dir, "content", "smm-mentoring.toml")
	orig := sitetest.ReadFile(t, file)
	sitetest.WriteFile(t, file, strings.Replace(orig, "[refund]\n", "[refund]\npayout_days = 30\n", 1))
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	if res := s.rebuild(context.Background(), nil); res.ok || len(res.problems) == 0 {
		t.Fatalf("first build with a lint error: ok=%v problems=%v", res.ok, res.problems)
	}
	sn := s.snap.Load()
	if !sn.draft || served(sn, "smm-mentoring/oferta/index.html") == nil || len(sn.problems) == 0 {
		t.Fatalf("want draft pages with problems; draft=%v problems=%v", sn.draft, sn.problems)
	}
	sitetest.WriteFile(t, file, orig)
	if res := s.rebuild(context.Background(), []string{file}); !res.ok || len(res.changed) == 0 {
		t.Fatalf("after the fix: ok=%v changed=%d problems=%v", res.ok, len(res.changed), res.problems)
	}
	if sn := s.snap.Load(); sn.draft || len(sn.problems) != 0 {
		t.Errorf("after the fix: draft=%v problems=%v", sn.draft, sn.problems)
	}
}

// TestServeRereadsFilesOfAFailedRebuild: a rebuild that fails keeps the
// files it was told about, so a later rebuild, told only of its own
// change, still reads them.
func TestServeRereadsFilesOfAFailedRebuild(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	if first := s.rebuild(context.Background(), nil); !first.ok {
		t.Fatalf("first build: %+v", first.problems)
	}
	smm := filepath.Join(dir, "content", "smm-mentoring.toml")
	group := filepath.Join(dir, "content", "group-copywriting.toml")
	groupOrig := sitetest.ReadFile(t, group)
	sitetest.WriteFile(t, smm, strings.Replace(sitetest.ReadFile(t, smm), smmTitle, "Наставничество по SMM: осень", 1))
	sitetest.WriteFile(t, group, strings.Replace(groupOrig, "[refund]\n", "[refund]\npayout_days = 30\n", 1))
	if res := s.rebuild(context.Background(), []string{smm, group}); res.ok {
		t.Fatal("a rebuild with a lint error published its pages")
	}
	sitetest.WriteFile(t, group, groupOrig)
	res := s.rebuild(context.Background(), []string{group})
	if !res.ok {
		t.Fatalf("rebuild after the fix: %+v", res.problems)
	}
	page := string(served(s.snap.Load(), "smm-mentoring/oferta/index.html"))
	if !strings.Contains(page, "Наставничество по SMM: осень") {
		t.Error("the course edited during the failed rebuild is served with its old title")
	}
}

// TestServeClauseEditPreview saves a clause every course includes: the
// page a browser shows is served with the change while the site is
// still being checked (its panel says "lint: checking"), and once the
// check is done the panel says "lint: up to date" and the page is the
// same.
func TestServeClauseEditPreview(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	if _, err := synth.EditSharedClause(dir, builtin, 0); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	s.rebuild(context.Background(), nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	r := &running{url: ts.URL}
	const page = "/smm-mentoring/oferta/"
	before := r.status(t, page)
	if before.Lint != "up to date" {
		t.Fatalf("after the first build the panel says lint: %q", before.Lint)
	}
	files, err := synth.EditSharedClause(dir, builtin, 1)
	if err != nil {
		t.Fatal(err)
	}
	var during statusJSON
	var body string
	s.afterPreview = func() {
		during = r.status(t, page)
		_, body = r.get(t, page)
	}
	res := s.rebuild(context.Background(), files)
	if !res.ok {
		t.Fatalf("rebuild: %v", res.problems)
	}
	if during.Lint != "checking" || during.Version == before.Version || !strings.Contains(body, "Edit 1:") {
		t.Fatalf("during the check: lint %q, version changed %v, page has the edit %v", during.Lint, during.Version != before.Version, strings.Contains(body, "Edit 1:"))
	}
	after := r.status(t, page)
	if after.Lint != "up to date" || after.Version != during.Version {
		t.Errorf("after the check: lint %q, version %s, want %s", after.Lint, after.Version, during.Version)
	}
}
