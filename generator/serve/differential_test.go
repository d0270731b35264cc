package serve

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
	"github.com/oferta-dev/oferta/generator/synth"
)

// The differential test: after any sequence of edits, what the preview
// server serves at every path is byte for byte what a fresh full build
// of the same files writes (less the preview's script), and it serves
// nothing the build does not write.

// diffSite is a synthetic site under edit, with what the test has done
// to it.
type diffSite struct {
	t       *testing.T
	dir     string
	courses []string // course files, relative to dir
	extra   []string // clause files the test added
	added   []string // course files the test added
	n       int      // edits so far, to make each one different
	ever    map[string]bool
}

// edit is one change of the site's files; it returns the paths changed,
// relative to the site, as the watcher reports them.
type edit struct {
	name string
	do   func(d *diffSite, r *rand.Rand) []string
}

var edits = []edit{
	{"course", func(d *diffSite, r *rand.Rand) []string {
		f := d.courses[r.IntN(len(d.courses))]
		src := regexp.MustCompile(`(?m)^title = "(.*)"$`).ReplaceAllString(d.read(f), fmt.Sprintf(`title = "$1 (правка %d)"`, d.n))
		d.write(f, src)
		return []string{f}
	}},
	{"shared clause", func(d *diffSite, r *rand.Rand) []string {
		files, err := synth.EditSharedClause(d.dir, builtin, d.n)
		if err != nil {
			d.t.Fatal(err)
		}
		return files
	}},
	{"clause of some courses", func(d *diffSite, r *rand.Rand) []string {
		return []string{d.overrideClause("ru", "final/law.md", fmt.Sprintf("Правка %d: условие изменено.", d.n))}
	}},
	{"theme strings", func(d *diffSite, r *rand.Rand) []string {
		rel := "themes/default/i18n/ru.toml"
		src := d.themeFile("i18n/ru.toml")
		src = regexp.MustCompile(`(?m)^index_heading = ".*"$`).ReplaceAllString(src, fmt.Sprintf(`index_heading = "Курсы %d"`, d.n))
		d.write(rel, src)
		return []string{rel}
	}},
	{"theme layout", func(d *diffSite, r *rand.Rand) []string {
		rel := "themes/default/layouts/faq.html"
		d.write(rel, d.themeFile("layouts/faq.html")+fmt.Sprintf("{{/* edit %d */}}\n", d.n))
		return []string{rel}
	}},
	{"oferta.toml", func(d *diffSite, r *rand.Rand) []string {
		src := d.read("oferta.toml")
		src = regexp.MustCompile(`(?m)^phone = ".*"$`).ReplaceAllString(src, fmt.Sprintf(`phone = "+7 843 000-00-%02d"`, d.n%100))
		d.write("oferta.toml", src)
		return []string{"oferta.toml"}
	}},
	{"add a course", func(d *diffSite, r *rand.Rand) []string {
		// A Russian course without a twin: an English one alone is an
		// error under ru law.
		var from string
		for from == "" || strings.Contains(d.read(from), "\nlanguage = \"en\"\n") || strings.HasPrefix(d.read(from), "slug = ") {
			from = d.courses[r.IntN(len(d.courses))]
		}
		rel := path.Join(path.Dir(from), fmt.Sprintf("added-%d.toml", d.n))
		d.write(rel, d.read(from))
		d.courses = append(d.courses, rel)
		d.added = append(d.added, rel)
		return []string{rel}
	}},
	{"delete a course", func(d *diffSite, r *rand.Rand) []string {
		// A course the test added, or the English twin of a course.
		var list []string
		list = append(list, d.added...)
		for _, f := range d.courses {
			if strings.Contains(d.read(f), "\nlanguage = \"en\"\n") {
				list = append(list, f)
			}
		}
		if len(list) == 0 {
			return nil
		}
		rel := list[r.IntN(len(list))]
		d.courses = slices.DeleteFunc(d.courses, func(f string) bool { return f == rel })
		d.added = slices.DeleteFunc(d.added, func(f string) bool { return f == rel })
		if err := os.Remove(filepath.Join(d.dir, filepath.FromSlash(rel))); err != nil {
			d.t.Fatal(err)
		}
		return []string{rel}
	}},
	{"add a clause", func(d *diffSite, r *rand.Rand) []string {
		rel := fmt.Sprintf("clauses/ru/final/extra-%d.md", d.n)
		d.write(rel, fmt.Sprintf("+++\nid = \"final.extra%d\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"Дополнительное условие %d\"\nweight = %d\n+++\nИсполнитель отвечает на письма Клиента в течение {{ days .refund.review_days }}.\n", d.n, d.n, 40+d.n))
		d.extra = append(d.extra, rel)
		return []string{rel}
	}},
	{"delete a clause", func(d *diffSite, r *rand.Rand) []string {
		if len(d.extra) == 0 {
			return nil
		}
		i := r.IntN(len(d.extra))
		rel := d.extra[i]
		d.extra = slices.Delete(d.extra, i, i+1)
		if err := os.Remove(filepath.Join(d.dir, filepath.FromSlash(rel))); err != nil {
			d.t.Fatal(err)
		}
		return []string{rel}
	}},
}

func newDiffSite(t *testing.T, courses int) *diffSite {
	syn, err := synth.Write(t.TempDir(), builtin, courses, 7)
	if err != nil {
		t.Fatal(err)
	}
	return &diffSite{t: t, dir: syn.Dir, courses: syn.Courses, ever: map[string]bool{}}
}

func (d *diffSite) read(rel string) string {
	return sitetest.ReadFile(d.t, filepath.Join(d.dir, filepath.FromSlash(rel)))
}

func (d *diffSite) write(rel, data string) {
	sitetest.WriteFile(d.t, filepath.Join(d.dir, filepath.FromSlash(rel)), data)
}

// themeFile is the site's copy of a theme file, or the built-in one.
func (d *diffSite) themeFile(name string) string {
	if data, err := os.ReadFile(filepath.Join(d.dir, "themes", "default", filepath.FromSlash(name))); err == nil {
		return string(data)
	}
	data, err := fs.ReadFile(builtin.Theme, name)
	if err != nil {
		d.t.Fatal(err)
	}
	return string(data)
}

// overrideClause writes the site's own copy of a built-in clause with a
// sentence added, and returns its path.
func (d *diffSite) overrideClause(l, name, sentence string) string {
	src, err := fs.ReadFile(builtin.Clauses, l+"/"+name)
	if err != nil {
		d.t.Fatal(err)
	}
	rel := "clauses/" + l + "/" + name
	d.write(rel, strings.TrimRight(string(src), "\n")+"\n\n"+sentence+"\n")
	return rel
}

var liveTag = regexp.MustCompile(`<script id="oferta-reload" [^>]*></script>\n`)

// compare builds the site afresh and compares every path with what s
// serves, and every path an earlier build had with a 404.
func (d *diffSite) compare(s *Server, after string) {
	t := d.t
	c, err := pipeline.Check(d.dir, builtin)
	if err != nil {
		t.Fatalf("after %s: the full build fails: %v", after, err)
	}
	draft := false
	for _, f := range c.Findings {
		draft = draft || f.Severity == lint.Error
	}
	if draft {
		t.Fatalf("after %s: the site has lint errors; the edits must keep it clean", after)
	}
	files, err := pipeline.Render(c, false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range files {
		want[f.Path] = f.Data
		d.ever[f.Path] = true
	}
	bad := 0
	for p := range d.ever {
		got, code := get(s, "/"+strings.TrimSuffix(p, "index.html"))
		w, ok := want[p]
		switch {
		case !ok && code != http.StatusNotFound:
			t.Errorf("after %s: %s is served (%d) but the build has no such file", after, p, code)
			bad++
		case ok && code != http.StatusOK:
			t.Errorf("after %s: %s answers %d", after, p, code)
			bad++
		case ok && !bytes.Equal(got, w):
			t.Errorf("after %s: %s differs from the full build's (%d bytes served, %d built)", after, p, len(got), len(w))
			bad++
		}
		if bad > 5 {
			t.FailNow()
		}
	}
	if bad > 0 {
		t.FailNow()
	}
}

// get returns the body the server answers path with, the preview's
// script taken out.
func get(s *Server, p string) ([]byte, int) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, p, nil)
	req.Host = "127.0.0.1:8090"
	s.ServeHTTP(rec, req)
	return liveTag.ReplaceAll(rec.Body.Bytes(), nil), rec.Code
}

func newDiffServer(t *testing.T, d *diffSite) *Server {
	s, err := New(Options{Dir: d.dir, Builtin: builtin})
	if err != nil {
		t.Fatal(err)
	}
	s.hosts.Store(newHostSet(nil, []string{"127.0.0.1:8090"}))
	if res := s.rebuild(context.Background(), nil); len(res.problems) > 0 {
		t.Fatalf("first build: %v", res.problems)
	}
	d.compare(s, "the first build")
	return s
}

// run applies the named edits, one rebuild after each group (edits
// joined by "+" are saved together, as one debounced rebuild sees them).
func (d *diffSite) run(s *Server, r *rand.Rand, steps ...string) {
	for _, step := range steps {
		var changed []string
		for _, name := range strings.Split(step, "+") {
			i := slices.IndexFunc(edits, func(e edit) bool { return e.name == name })
			if i < 0 {
				d.t.Fatalf("no edit %q", name)
			}
			d.n++
			for _, p := range edits[i].do(d, r) {
				changed = append(changed, filepath.Join(d.dir, filepath.FromSlash(p)))
			}
		}
		// A clause edit shows a preview first: what it serves of the
		// courses' pages must be what the build then makes.
		previewed := map[string][]byte{}
		s.afterPreview = func() {
			for p := range d.ever {
				if strings.Contains(p, "/oferta/") || strings.Contains(p, "/faq/") {
					if body, code := get(s, "/"+strings.TrimSuffix(p, "index.html")); code == http.StatusOK {
						previewed[p] = body
					}
				}
			}
		}
		res := s.rebuild(context.Background(), changed)
		s.afterPreview = nil
		if len(res.problems) > 0 {
			d.t.Fatalf("after %s: %v", step, res.problems)
		}
		d.compare(s, step)
		for p, body := range previewed {
			if got, _ := get(s, "/"+strings.TrimSuffix(p, "index.html")); !bytes.Equal(got, body) {
				d.t.Fatalf("after %s: the preview served %s other than the build makes", step, p)
			}
		}
	}
}

// TestServedEqualsFullBuild runs hand-written sequences of edits.
func TestServedEqualsFullBuild(t *testing.T) {
	for _, steps := range [][]string{
		{"shared clause", "course", "shared clause"},
		{"clause of some courses", "clause of some courses", "course+clause of some courses"},
		{"add a course", "shared clause", "delete a course", "course"},
		{"add a clause", "shared clause", "delete a clause", "add a clause+course"},
		{"theme strings", "shared clause", "theme layout", "oferta.toml", "clause of some courses"},
		{"delete a course+shared clause", "add a course+add a clause", "oferta.toml+course"},
	} {
		t.Run(strings.Join(steps, ","), func(t *testing.T) {
			d := newDiffSite(t, 6)
			s := newDiffServer(t, d)
			d.run(s, rand.New(rand.NewPCG(1, 2)), steps...)
		})
	}
}

// TestServedEqualsFullBuildRandom runs random sequences of edits from a
// fixed seed.
func TestServedEqualsFullBuildRandom(t *testing.T) {
	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	for seed := range uint64(rounds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			d := newDiffSite(t, 6)
			s := newDiffServer(t, d)
			var steps []string
			for range 10 {
				step := edits[r.IntN(len(edits))].name
				if r.IntN(4) == 0 {
					step += "+" + edits[r.IntN(len(edits))].name
				}
				steps = append(steps, step)
			}
			t.Logf("edits: %q", steps)
			d.run(s, r, steps...)
		})
	}
}
