package contract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// hostileSite is the example school's settings and one course with n
// items in includes and a long for_whom, plus a site clause with body.
func hostileSite(t *testing.T, n int, body string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) { sitetest.WriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), data) }
	cfg, err := os.ReadFile("../../oferta.toml")
	if err != nil {
		t.Fatal(err)
	}
	write("oferta.toml", string(cfg))
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%q", fmt.Sprint("пункт ", i))
	}
	write("content/smm.toml", `title = "SMM"
format = "personal"
price = 80000
includes = [`+strings.Join(items, ", ")+`]
for_whom = "`+strings.Repeat("очень длинный текст ", 5000)+`"
results = "Стратегия"
[duration]
unit = "week"
count = 8
[refund]
policy = "prorata"
`)
	write("clauses/ru/final/hostile.md", "+++\nid = \"final.hostile\"\nkind = \"final\"\nsection = \"final\"\ntitle = \"Враждебный пункт\"\nweight = 99\n+++\nТекст.\n"+body+"\n")
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	s, err := site.Load(dir, builtin)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// assembleSoon assembles the site's course, failing the test rather than
// hanging when a template does not end.
func assembleSoon(t *testing.T, s *site.Site) (library []contract.Problem, k *contract.Contract) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		a := contract.New(s)
		library = a.Problems()
		k = a.Assemble(s.Courses[0])
	}()
	select {
	case <-done:
		return library, k
	case <-time.After(30 * time.Second):
		t.Fatal("assembling did not end within 30 s")
		return nil, nil
	}
}

func TestHostileTemplatesAreFindings(t *testing.T) {
	const file = "clauses/ru/final/hostile.md"
	cases := []struct {
		name, body string
		items      int
		pos        string // line:col
		want       string
	}{
		{"range over an integer", "{{ range 1000000000 }}x{{ end }}", 0, "9:10", "range works only over a list of the data"},
		{"range over a variable set to an integer", "{{ $n := 1000000000 }}{{ range $n }}x{{ end }}", 0, "9:32", "range works only over a list"},
		{"nested loops over a long list", "A\n{{ range .course.includes }}{{ range $.course.includes }}x{{ end }}{{ end }}", 300, "10:38", "would take more than 50000 steps"},
		{"a loop that writes too much", "{{ range .course.includes }}{{ $.course.for_whom }}{{ end }}", 300, "8:1", "longer than 256 KB"},
		{"define", "{{ define \"loop\" }}{{ template \"loop\" }}{{ end }}{{ template \"loop\" }}", 0, "9:20", "{{ define \"loop\" }} is not allowed in a clause"},
		{"template", "{{ define \"loop\" }}{{ template \"loop\" }}{{ end }}{{ template \"loop\" }}", 0, "9:62", "{{ template \"loop\" }} is not allowed in a clause"},
		{"block", "{{ block \"b\" . }}x{{ end }}", 0, "9:", "is not allowed in a clause"},
		{"printf", "{{ printf \"%1000000000d\" 1 }}", 0, "9:4", "printf is not available in clause templates"},
		{"doubling", "{{ $x := \"ab\" }}{{ range .course.includes }}{{ $x = html $x }}{{ end }}", 100, "9:53", "html is not available"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := hostileSite(t, tc.items, tc.body)
			library, k := assembleSoon(t, s)
			var found bool
			var all []string
			for _, p := range append(library, k.Problems...) {
				all = append(all, fmt.Sprintf("%s: %s [%s]", p.Pos, p.Message, p.Rule))
				if p.Rule == "template/invalid" && strings.HasPrefix(p.Pos.String(), file+":"+tc.pos) && strings.Contains(p.Message, tc.want) {
					found = true
				} else if !strings.HasPrefix(p.Pos.String(), file) {
					t.Errorf("a clause other than the hostile one has a problem: %s: %s", p.Pos, p.Message)
				}
			}
			if !found {
				t.Fatalf("no template/invalid at %s:%s saying %q; got:\n%s", file, tc.pos, tc.want, strings.Join(all, "\n"))
			}
			// The rest of the contract is there, and small.
			size := 0
			for _, c := range k.Clauses {
				size += len(c.Markdown)
			}
			if len(k.Clauses) < 10 || size > 1<<20 {
				t.Errorf("%d clauses, %d bytes of text", len(k.Clauses), size)
			}
		})
	}
}

// TestLoopsWithinBoundsRun checks that an honest loop over the course's
// lists still runs.
func TestLoopsWithinBoundsRun(t *testing.T) {
	s := hostileSite(t, 20, "{{ range $i, $x := .course.includes }}{{ if $i }}, {{ end }}{{ $x }}{{ end }}.")
	library, k := assembleSoon(t, s)
	if len(library) > 0 || len(k.Problems) > 0 {
		t.Fatalf("problems: %v %v", library, k.Problems)
	}
	c, ok := k.Clause("final.hostile")
	if !ok || !strings.Contains(c.Markdown, "пункт 0, пункт 1") || !strings.Contains(c.Markdown, "пункт 19.") {
		t.Errorf("the loop gave %q", c.Markdown)
	}
}
