package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/site"
)

// Languages are the languages of every synthetic site, the default first.
var Languages = []string{"ru", "en"}

// SharedClause is a clause that every course's contract includes, in
// both languages, and whose text differs from course to course (it names
// the course): the worst case for a clause edit in the preview server.
const SharedClause = "definitions.terms"

// Site is a written synthetic site.
type Site struct {
	Dir string
	// Courses are the course files, relative to Dir with forward
	// slashes, in the order they were generated (course 0 first).
	Courses []string
}

// config is oferta.toml. The seller's tax ids pass their check digits, so
// the site lints clean.
const config = `# A synthetic school written by generator/synth for benchmarks.
title = "Синтетическая школа"
base_url = "https://bench.example/"
languages = ["ru", "en"]
jurisdiction = "ru"
currency = "RUB"
edition = 2026-11-01

[seller]
name = "Индивидуальный предприниматель Соколова Марина Андреевна"
kind = "ip"
inn = "165538412749"
ogrn = "319169002845312"
address = "420111, Республика Татарстан, г. Казань, ул. Учебная, д. 12, офис 3"
email = "hello@bench.example"
phone = "+7 843 000-00-00"

[refund]
review_days = 10
payout_days = 10
bank_fee_percent = 3
channel = "email"
`

// Write writes oferta.toml and n courses into dir, which may exist. The
// clause ids the courses name are taken from the built-in library, so
// they always exist.
func Write(dir string, builtin site.Builtin, n int, seed uint64) (*Site, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(filepath.Join(dir, "content")); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "oferta.toml"), []byte(config), 0o644); err != nil {
		return nil, err
	}
	s, err := site.Load(dir, builtin)
	if err != nil {
		return nil, fmt.Errorf("synth: the built-in library does not load: %w", err)
	}
	lib := newLibrary(s)
	out := &Site{Dir: dir}
	write := func(file, text string) error {
		full := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(text), 0o644)
	}
	for i := 0; i < n; i++ {
		file, text := course(i, seed, lib, "")
		if err := write(file, text); err != nil {
			return nil, err
		}
		out.Courses = append(out.Courses, file)
		if strings.Contains(text, "\nlanguage = \"en\"\n") {
			// A course sold under Russian law also exists in Russian
			// (ЗоЗПП art. 8): its Russian text, under the same slug.
			twin, ru := course(i, seed, lib, "ru")
			slug := strings.TrimSuffix(path.Base(twin), ".toml")
			twin = strings.TrimSuffix(twin, ".toml") + "-ru.toml"
			if err := write(twin, fmt.Sprintf("slug = %q\n", slug)+ru); err != nil {
				return nil, err
			}
			out.Courses = append(out.Courses, twin)
		}
	}
	return out, nil
}

// EditCourse changes the title of a course written by Write; edit makes
// each call's title different. The title is the file's first line, or
// its second after the slug line of a Russian twin.
func EditCourse(dir, file string, edit int) error {
	full := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(full)
	if err != nil {
		return err
	}
	lines := strings.SplitN(string(src), "\n", 3)
	for i := 0; i < len(lines)-1 && i < 2; i++ {
		if l := lines[i]; strings.HasPrefix(l, "title = \"") && strings.HasSuffix(l, "\"") {
			lines[i] = strings.TrimSuffix(l, "\"") + fmt.Sprintf(" (правка %d)\"", edit)
			return os.WriteFile(full, []byte(strings.Join(lines, "\n")), 0o644)
		}
	}
	return fmt.Errorf("synth: %s does not start with its title", file)
}

// EditSharedClause writes the site's own copy of SharedClause in every
// language, replacing the built-in one. edit 0 writes the built-in text
// unchanged; any other value adds a sentence that differs per edit.
// It returns the files written, relative to dir.
func EditSharedClause(dir string, builtin site.Builtin, edit int) ([]string, error) {
	var files []string
	for _, l := range Languages {
		src, name, err := findClause(builtin.Clauses, l, SharedClause)
		if err != nil {
			return nil, err
		}
		text := strings.TrimRight(src, "\n") + "\n"
		if edit != 0 {
			text += fmt.Sprintf("\nEdit %d: the wording of this clause was changed.\n", edit)
		}
		rel := path.Join("clauses", l, name)
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			return nil, err
		}
		files = append(files, rel)
	}
	return files, nil
}

// findClause finds the built-in file of a clause id in one language.
func findClause(clauses fs.FS, l, id string) (src, name string, err error) {
	want := fmt.Sprintf("id = %q", id)
	err = fs.WalkDir(clauses, l, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || name != "" {
			return err
		}
		b, err := fs.ReadFile(clauses, p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), want+"\n") {
			src, name = string(b), strings.TrimPrefix(p, l+"/")
		}
		return nil
	})
	if err == nil && name == "" {
		err = fmt.Errorf("synth: no built-in clause %q in %q", id, l)
	}
	return src, name, err
}

// library is what courses may name, by language: short names of the
// clauses a course picks by id.
type library struct {
	alternatives, grounds, conditions map[string][]string
}

func newLibrary(s *site.Site) *library {
	lib := &library{alternatives: map[string][]string{}, grounds: map[string][]string{}, conditions: map[string][]string{}}
	for _, l := range Languages {
		for _, c := range s.Library.Lang(l).Clauses {
			if !c.AppliesTo(s.Config.Jurisdiction) {
				continue
			}
			switch c.Kind {
			case "alternative":
				lib.alternatives[l] = append(lib.alternatives[l], strings.TrimPrefix(c.ID, "refund.alternative."))
			case "refund-ground":
				lib.grounds[l] = append(lib.grounds[l], strings.TrimPrefix(c.ID, "refund.ground."))
			case "eligibility":
				lib.conditions[l] = append(lib.conditions[l], strings.TrimPrefix(c.ID, "refund.condition."))
			}
		}
	}
	return lib
}

// course returns the file name and text of course i; in, when set,
// writes it in that language (the same draws otherwise).
func course(i int, seed uint64, lib *library, in string) (file, text string) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	l := "ru"
	if r.IntN(4) == 0 {
		l = "en"
	}
	if in != "" {
		l = in
	}
	w := texts[l]
	topic := topics[r.IntN(len(topics))]
	slug := fmt.Sprintf("%s-%05d", topic.slug, i)

	dir := "content/"
	if r.IntN(10) >= 3 {
		dir += topic.category + "/"
		if r.IntN(10) < 3 {
			dir += []string{"beginner/", "advanced/"}[r.IntN(2)]
		}
	}
	file = dir + slug + ".toml"

	format := site.Formats[r.IntN(len(site.Formats))]
	unit, count := duration(r, format)
	dur, _ := lang.Units(l, count, unit)
	name := topic.ru
	if l == "en" {
		name = topic.en
	}

	var b strings.Builder
	kv := func(key string, v any) { fmt.Fprintf(&b, "%s = %s\n", key, value(v)) }
	kv("title", fmt.Sprintf("%s: %s, %s", name, w.formats[format], dur))
	kv("format", format)
	if l != "ru" {
		kv("language", l)
	}
	kv("price", price(r, l, &b))
	if r.IntN(10) < 6 {
		start := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(180))
		fmt.Fprintf(&b, "start = %s\n", start.Format("2006-01-02"))
	}
	kv("includes", pick(r, w.includes, 2+r.IntN(4)))
	kv("for_whom", w.forWhom[r.IntN(len(w.forWhom))])
	kv("results", w.results[r.IntN(len(w.results))])

	b.WriteString("\n[duration]\n")
	kv("unit", unit)
	kv("count", count)

	b.WriteString("\n[refund]\n")
	policy := "prorata"
	if r.IntN(100) < 35 {
		policy = "flat"
	}
	kv("policy", policy)
	if g := []int{0, 0, 0, 7, 14, 30}[r.IntN(6)]; g > 0 {
		kv("guarantee_days", g)
	}
	retention := policy == "flat" && r.IntN(100) < 15
	if retention {
		kv("retention_percent", 5*(1+r.IntN(2)))
	}
	if r.IntN(10) == 0 {
		kv("bank_fee_percent", 0)
	}
	if r.IntN(4) == 0 {
		kv("review_days", 5+r.IntN(6))
		kv("payout_days", 3+r.IntN(8))
	}
	switch r.IntN(10) {
	case 0, 1:
		kv("channel", "form")
	case 2:
		kv("channel", "messenger")
	case 3:
		kv("channel", "post")
	}
	if r.IntN(5) == 0 {
		kv("grounds", pick(r, lib.grounds[l], 1+r.IntN(len(lib.grounds[l]))))
	}
	if r.IntN(7) == 0 {
		kv("conditions", pick(r, lib.conditions[l], 1+r.IntN(len(lib.conditions[l]))))
	}
	var alts []string
	for _, a := range lib.alternatives[l] {
		if a == "change-group" && format == "recorded" {
			continue
		}
		alts = append(alts, a)
	}
	if k := r.IntN(4); k > 0 {
		kv("alternatives", pick(r, alts, min(k, len(alts))))
	}
	if r.IntN(10) < 3 {
		for _, d := range pick(r, w.deductions, 1+r.IntN(2)) {
			b.WriteString("\n[[refund.deductions]]\n")
			kv("name", d)
			kv("amount", deduction(r, l))
		}
	}
	for _, q := range pickFAQ(r, w.faq, r.IntN(4)) {
		b.WriteString("\n[[faq]]\n")
		kv("question", q.question)
		kv("answer", q.answer)
	}
	if retention {
		b.WriteString("\n[lint]\n")
		fmt.Fprintf(&b, "ignore = [{ rule = \"refund/fixed-retention\", reason = %s }]\n", value(w.retentionReason))
	}
	return file, b.String()
}

// duration picks a unit and count that suit the format.
func duration(r *rand.Rand, format string) (string, int) {
	switch format {
	case "recorded":
		if r.IntN(3) == 0 {
			return "month", 1 + r.IntN(12)
		}
		return "lesson", 10 + r.IntN(39)
	case "group":
		if r.IntN(2) == 0 {
			return "week", 4 + r.IntN(9)
		}
		return "lesson", 8 + r.IntN(17)
	}
	switch r.IntN(3) {
	case 0:
		return "day", 14 + r.IntN(47)
	case 1:
		return "month", 1 + r.IntN(6)
	}
	return "week", 4 + r.IntN(13)
}

// price writes the currency of an English course when it is not the
// site's, and returns the price: a whole number of roubles, or a decimal
// string with cents.
func price(r *rand.Rand, l string, b *strings.Builder) any {
	if l == "en" && r.IntN(10) < 7 {
		fmt.Fprintf(b, "currency = %s\n", value([]string{"EUR", "USD"}[r.IntN(2)]))
		if r.IntN(2) == 0 {
			return fmt.Sprintf("%d.99", 49+r.IntN(1450))
		}
		return 50 * (1 + r.IntN(30))
	}
	if r.IntN(10) == 0 {
		return fmt.Sprintf("%d.50", 1900+100*r.IntN(2480))
	}
	return 1900 + 100*r.IntN(2480)
}

// deduction is a documented cost, small against any price.
func deduction(r *rand.Rand, l string) any {
	if l == "en" {
		return 5 + r.IntN(20)
	}
	return 100 * (3 + r.IntN(15))
}

// pick returns k different items of list in list order.
func pick(r *rand.Rand, list []string, k int) []string {
	idx := r.Perm(len(list))[:k]
	sort.Ints(idx)
	out := make([]string, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

func pickFAQ(r *rand.Rand, list []faq, k int) []faq {
	idx := r.Perm(len(list))[:k]
	sort.Ints(idx)
	out := make([]faq, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// value writes a TOML value: a basic string, an integer or a list of
// strings. The texts here hold no control characters.
func value(v any) string {
	switch x := v.(type) {
	case string:
		return `"` + tomlEscaper.Replace(x) + `"`
	case int:
		return fmt.Sprint(x)
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = value(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	panic(fmt.Sprintf("synth: no TOML form for %T", v))
}

var tomlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
