package pipeline_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

// The statutory model texts are kept as the law words them in
// testdata/statutory (with their source). TestStatutoryTexts fills them in
// the way their Gestaltungshinweise / instrucțiuni de completare say for
// an online course and compares them, line by line, with the library's
// clauses as the sister example sites render them. An edit to a
// statutory clause, or a mistaken edit to the official text, fails here.

// statutory reads a testdata/statutory file: its "== name" sections, each
// a list of lines, comments (#) and blank lines left out.
func statutory(t *testing.T, name string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "statutory", name))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "== "):
			section = strings.TrimPrefix(line, "== ")
		default:
			out[section] = append(out[section], line)
		}
	}
	return out
}

var mdEscape = regexp.MustCompile(`\\(.)`)

// clauseLines renders a clause of the contract as the reader sees it: one
// line per paragraph or list item, without emphasis marks, list dashes or
// Markdown escapes.
func clauseLines(t *testing.T, k *contract.Contract, id string) []string {
	t.Helper()
	for _, cl := range k.Clauses {
		if cl.Source.ID != id {
			continue
		}
		var lines []string
		for _, para := range strings.Split(cl.Markdown, "\n\n") {
			for _, item := range strings.Split(para, "\n- ") {
				s := strings.TrimPrefix(strings.TrimSpace(item), "- ")
				s = strings.ReplaceAll(s, "**", "")
				s = mdEscape.ReplaceAllString(s, "$1")
				s = strings.Join(strings.Fields(s), " ")
				if s != "" {
					lines = append(lines, s)
				}
			}
		}
		return lines
	}
	t.Fatalf("%s/%s: no clause %s in the contract", k.Lang, k.Course.Slug, id)
	return nil
}

// replace replaces old with new in s and fails when old is not there, so
// that a change to the official file cannot silently skip a slot.
func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("statutory text: %q not found in %q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

func exampleContract(t *testing.T, dir, slug string) *contract.Contract {
	t.Helper()
	checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range checked.Contracts {
		if k.Course.Slug == slug {
			return k
		}
	}
	t.Fatalf("%s: no course %s", dir, slug)
	return nil
}

func compareLines(t *testing.T, what string, want, got []string) {
	t.Helper()
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Errorf("%s, line %d differs from the statutory text:\n  law:     %s\n  library: %s", what, i+1, w, g)
		}
	}
}

func TestStatutoryTextsDE(t *testing.T) {
	for _, slug := range []string{"deutsch-b1", "aussprache"} {
		k := exampleContract(t, "../../examples/de", slug)
		seller := k.Site.Config.Seller
		withdrawURL := k.Site.Config.BaseURL + slug + "/withdraw/"

		a1 := statutory(t, "de-anlage-1.txt")
		var want []string
		for _, line := range a1["Muster"] {
			switch line {
			case "[5]": // goods only
				continue
			case "[6]": // a service: the Dienstleistungen variant, the rest struck
				line = replace(t, a1["Gestaltungshinweis 6"][0], " oder Lieferung von Wasser/Gas/Strom/Fernwärme [Unzutreffendes streichen]", "")
			}
			if strings.Contains(line, "[1]") {
				line = replace(t, line, "[1].", a1["Gestaltungshinweis 1 a"][0])
			}
			if strings.Contains(line, "[2]") {
				// Gestaltungshinweis 2: name, address, phone and e-mail.
				line = replace(t, line, "[2]", seller.Name+", "+seller.Address+", Telefon: "+seller.Phone+", E-Mail: "+seller.Email)
				line = replace(t, line, "[3]", replace(t, a1["Gestaltungshinweis 3"][0], "[Internet-Adresse einfügen]", withdrawURL))
			}
			line = strings.Replace(line, " [4]", "", 1) // goods only
			want = append(want, line)
		}
		compareLines(t, "Anlage 1 EGBGB ("+slug+")", want, clauseLines(t, k, "refund.ground.withdrawal-de"))

		a2 := statutory(t, "de-anlage-2.txt")
		want = nil
		for _, line := range a2["Muster"] {
			if strings.HasPrefix(line, "An [") {
				line = "An " + seller.Name + ", " + seller.Address + ", E-Mail: " + seller.Email + ":"
			}
			want = append(want, line)
		}
		compareLines(t, "Anlage 2 EGBGB ("+slug+")", want, clauseLines(t, k, "refund.process.model-form-de"))
	}
}

func TestStatutoryTextsRO(t *testing.T) {
	for _, slug := range []string{"engleza-b1", "pronuntie"} {
		k := exampleContract(t, "../../examples/ro", slug)
		seller := k.Site.Config.Seller
		withdrawURL := k.Site.Config.BaseURL + slug + "/withdraw/"

		a := statutory(t, "ro-anexa-1-a.txt")
		var want []string
		for _, line := range a["Muster"] {
			switch line {
			case "[5]": // goods only
				continue
			case "[6]": // a service: the services variant, the rest struck
				line = replace(t, a["Punctul 6"][0], " sau a furnizării de apă/gaz/electricitate/încălzire centralizată [se elimină mențiunea inutilă]", "")
			}
			if strings.Contains(line, "[1]") {
				line = replace(t, line, "[1]", a["Punctul 1 a"][0])
			}
			if strings.Contains(line, "[2]") {
				// Point 2: name, address, phone and e-mail (no fax).
				line = replace(t, line, "[2]", "("+seller.Name+", "+seller.Address+", telefon: "+seller.Phone+", e-mail: "+seller.Email+")")
				line = replace(t, line, " [3]", ". "+replace(t, a["Punctul 3"][0], "[introduceți adresa de internet]", withdrawURL))
			}
			if strings.Contains(line, " [4]") {
				line = replace(t, line, " [4]", ".") // goods only; the marker's sentence ends
			}
			want = append(want, line)
		}
		got := clauseLines(t, k, "refund.ground.withdrawal-ro")
		compareLines(t, "OUG 34/2014 Anexa 1 A ("+slug+")", want, got)

		b := statutory(t, "ro-anexa-1-b.txt")
		want = nil
		for _, line := range b["Muster"] {
			if strings.HasPrefix(line, "Către [") {
				line = "Către " + seller.Name + ", " + seller.Address + ", e-mail: " + seller.Email + ":"
			}
			want = append(want, line)
		}
		compareLines(t, "OUG 34/2014 Anexa 1 B ("+slug+")", want, clauseLines(t, k, "refund.process.model-form-ro"))
	}
}
