package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// freezeForKit freezes every contract of dir as the edition of its
// oferta.toml. When oferta freeze refuses for a lint error that has
// nothing to do with the kit (it prints why), the test writes the
// edition as freeze would, so that the kit's texts are still checked.
func freezeForKit(t *testing.T, dir string) {
	t.Helper()
	code, _, stderr := run(t, "freeze", "-s", dir)
	if code == 0 {
		return
	}
	t.Logf("oferta freeze refused, the test freezes by hand: %s", stderr)
	checked, err := pipeline.Check(dir, site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	date := checked.Site.Config.Edition
	for _, k := range checked.Contracts {
		base := filepath.Join(dir, "editions", date.Format("2006-01-02"), k.Lang, k.Course.Slug)
		sitetest.WriteFile(t, base+".md", string(edition.FromContract(k, date).Marshal()))
		if terms := edition.TermsFromContract(k, date); terms != nil {
			sitetest.WriteFile(t, base+".toml", string(terms.Marshal()))
		}
	}
}

// kitCheckout runs oferta kit on dir and returns each course's
// checkout.md by course path, failing when a course has none.
func kitCheckout(t *testing.T, dir string, courses ...string) map[string]string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "kit")
	if code, _, stderr := run(t, "kit", "-s", dir, "-d", dest); code != 0 {
		t.Fatalf("kit -s %s: exit %d: %s", dir, code, stderr)
	}
	tree := sitetest.ReadTree(t, dest)
	out := map[string]string{}
	for _, c := range courses {
		md, ok := tree[c+"/checkout.md"]
		if !ok {
			t.Errorf("%s: the kit lacks %s/checkout.md", dir, c)
			continue
		}
		if !strings.Contains(tree["index.html"], c+"/checkout.md") {
			t.Errorf("%s: index.html has no section for %s/checkout.md", dir, c)
		}
		out[c] = md
	}
	var n int
	for p := range tree {
		if strings.HasSuffix(p, "/checkout.md") {
			n++
		}
	}
	if n != len(courses) {
		t.Errorf("%s: %d checkout texts, want one for each of %d courses", dir, n, len(courses))
	}
	return out
}

// body is what a kit file gives to copy: the part after the note.
func body(md string) string {
	_, after, _ := strings.Cut(md, "\n---\n")
	return after
}

// Every course of an EU site (eu, de, ro) gets its checkout texts in its
// language, naming the edition in force and the address where it is;
// while no edition is frozen that is the contract's address, and the
// texts do not call it permanent.
func TestKitCheckoutEU(t *testing.T) {
	t.Setenv("OFERTA_TODAY", "2026-12-05")
	for _, c := range []struct {
		dir, base, edition, permanent string
		courses                       []string
	}{
		{filepath.Join("testdata", "eu-school"), "https://school.example/", "edition of 1\u00a0November 2026", "stays available, unchanged, at its permanent address",
			[]string{"smm-mentoring", "group-copywriting", "recorded-excel"}},
		{filepath.Join(repoRoot, "examples", "de"), "https://sprachschule.example/", "Fassung vom 1.\u00a0Dezember 2026", "unverändert unter ihrer dauerhaften Adresse",
			[]string{"deutsch-b1", "aussprache"}},
		{filepath.Join(repoRoot, "examples", "ro"), "https://scoala-tei.example/", "versiunea din 1\u00a0decembrie 2026", "la adresa sa permanentă",
			[]string{"engleza-b1", "pronuntie"}},
	} {
		dir := sitetest.Copy(t, c.dir)
		date := "2026-12-01"
		if strings.Contains(c.edition, "November") {
			date = "2026-11-01"
		}
		// Not frozen: the contract's address, no promise that it stays.
		for course, md := range kitCheckout(t, dir, c.courses...) {
			text := body(md)
			contract := c.base + course + "/oferta/"
			for _, w := range []string{c.edition + ", " + contract + "\n", c.base + course + "/withdraw/"} {
				if !strings.Contains(text, w) {
					t.Errorf("%s/%s: unfrozen: checkout.md lacks %q:\n%s", c.dir, course, w, md)
				}
			}
			if strings.Contains(text, c.permanent) || strings.Contains(text, "/oferta/"+date+"/") {
				t.Errorf("%s/%s: unfrozen: checkout.md names a permanent address:\n%s", c.dir, course, md)
			}
			if !strings.Contains(md, "oferta freeze") {
				t.Errorf("%s/%s: unfrozen: the note does not say to freeze", c.dir, course)
			}
		}
		// Frozen: the edition's permanent address, in the header, the
		// confirmation e-mail for a ticked and an unticked box.
		freezeForKit(t, dir)
		for course, md := range kitCheckout(t, dir, c.courses...) {
			url := c.base + course + "/oferta/" + date + "/"
			text := body(md)
			if got := strings.Count(text, url); got < 3 {
				t.Errorf("%s/%s: the edition's address %s appears %d times, want the header and both confirmations:\n%s", c.dir, course, url, got, md)
			}
			if got := strings.Count(text, c.permanent+" "+url); got != 2 {
				t.Errorf("%s/%s: %d confirmations say %q with the address, want 2", c.dir, course, got, c.permanent)
			}
			if !strings.Contains(text, c.edition) {
				t.Errorf("%s/%s: checkout.md lacks %q", c.dir, course, c.edition)
			}
			if strings.Contains(md, "oferta freeze") {
				t.Errorf("%s/%s: frozen, yet the note asks to freeze", c.dir, course)
			}
		}
	}
}

// The kit names the edition in force, not a scheduled one: before the
// scheduled day the texts give the edition in force and its address, say
// when to take them again, and after that day they give the new one.
func TestKitCheckoutScheduledEdition(t *testing.T) {
	t.Setenv("OFERTA_TODAY", "2026-12-05")
	eu := sitetest.Copy(t, filepath.Join("testdata", "eu-school"))
	if code, _, stderr := run(t, "freeze", "-s", eu); code != 0 {
		t.Fatalf("freeze: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "freeze", "-s", eu, "--date", "2027-01-15"); code != 0 {
		t.Fatalf("freeze --date: exit %d: %s", code, stderr)
	}
	ru := exampleSiteWithEditions(t) // editions of 2026-09-01, 2026-11-01 and 2026-12-01
	for _, c := range []struct {
		name, dir, today, inForce, coming, wantDate, wantComing string
		courses                                                 []string
	}{
		{"eu before", eu, "2026-12-05", "2026-11-01", "2027-01-15", "edition of 1\u00a0November 2026", "A new edition comes into force on 15\u00a0January 2027",
			[]string{"smm-mentoring", "group-copywriting", "recorded-excel"}},
		{"eu after", eu, "2027-01-15", "2027-01-15", "", "edition of 15\u00a0January 2027", "", []string{"smm-mentoring", "group-copywriting", "recorded-excel"}},
		{"ru before", ru, "2026-11-20", "2026-11-01", "2026-12-01", "в редакции от 1\u00a0ноября 2026\u00a0г.", "1\u00a0декабря 2026\u00a0г. вступает в силу новая редакция",
			[]string{"smm-mentoring", "group-copywriting", "recorded-excel", "english-speaking-club", "en/english-speaking-club"}},
		{"ru after", ru, "2026-12-01", "2026-12-01", "", "в редакции от 1\u00a0декабря 2026\u00a0г.", "", []string{"smm-mentoring", "group-copywriting", "recorded-excel", "english-speaking-club", "en/english-speaking-club"}},
	} {
		t.Setenv("OFERTA_TODAY", c.today)
		for course, md := range kitCheckout(t, c.dir, c.courses...) {
			url := "https://school.example/" + course + "/oferta/" + c.inForce + "/"
			text := body(md)
			if c.name == "ru before" && course == "english-speaking-club" {
				// Its first edition is of 2026-12-01: with nothing
				// earlier, the site shows it as in force, and so does the
				// kit.
				url = "https://school.example/" + course + "/oferta/2026-12-01/"
				if !strings.Contains(body(md), "в редакции от 1\u00a0декабря 2026\u00a0г. и принимаю их: "+url) {
					t.Errorf("%s, %s:\n%s", c.name, course, md)
				}
				continue
			}
			want := c.wantDate
			if strings.HasPrefix(course, "en/") {
				want = map[string]string{"2026-11-01": "edition of 1\u00a0November 2026", "2026-12-01": "edition of 1\u00a0December 2026"}[c.inForce]
			}
			if !strings.Contains(text, want) || !strings.Contains(text, url) {
				t.Errorf("%s, %s: checkout.md lacks %q or %s:\n%s", c.name, course, want, url, md)
			}
			if c.coming != "" && strings.Contains(text, "/oferta/"+c.coming+"/") {
				t.Errorf("%s, %s: the text names the coming edition of %s:\n%s", c.name, course, c.coming, md)
			}
			if c.wantComing != "" && !strings.HasPrefix(course, "en/") && !strings.Contains(md, c.wantComing) {
				t.Errorf("%s, %s: the note does not say when a new edition comes (%q):\n%s", c.name, course, c.wantComing, md)
			}
			if c.wantComing == "" && (strings.Contains(md, "new edition comes") || strings.Contains(md, "вступает в силу новая")) {
				t.Errorf("%s, %s: the note announces an edition that is in force:\n%s", c.name, course, md)
			}
		}
	}
}

// The ru acceptance checkbox reads as a sentence and is the last line to
// copy; every kit text of Russian law that names the contract names the
// edition in force and its permanent address.
func TestKitTextsNameEdition(t *testing.T) {
	t.Setenv("OFERTA_TODAY", "2026-12-05")
	dir := exampleSiteWithEditions(t)
	dest := filepath.Join(t.TempDir(), "kit")
	if code, _, stderr := run(t, "kit", "-s", dir, "-d", dest); code != 0 {
		t.Fatalf("kit: exit %d: %s", code, stderr)
	}
	tree := sitetest.ReadTree(t, dest)
	want := map[string]string{
		"smm-mentoring/checkout.md":            "Я ознакомился(-ась) с условиями договора-оферты в редакции от 1\u00a0декабря 2026\u00a0г. и принимаю их: https://school.example/smm-mentoring/oferta/2026-12-01/\n",
		"en/english-speaking-club/checkout.md": "I have read the terms of the offer contract in the edition of 1\u00a0December 2026 and accept them: https://school.example/en/english-speaking-club/oferta/2026-12-01/\n",
	}
	for p, w := range want {
		if body(tree[p]) != "\n"+w {
			t.Errorf("%s: the text to copy is %q, want %q", p, body(tree[p]), w)
		}
	}
	named := 0
	for p, md := range tree {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		course := strings.TrimSuffix(p, "/"+filepath.Base(p))
		url := "https://school.example/" + course + "/oferta/2026-12-01/"
		text := body(md)
		if strings.Contains(text, " договора") || strings.Contains(text, "of the contract") || strings.Contains(text, "the contract in") {
			named++
			if !strings.Contains(text, url) {
				t.Errorf("%s names the contract without the edition's address %s:\n%s", p, url, text)
			}
		}
	}
	if named < 15 {
		t.Errorf("only %d kit texts name the contract; the test would prove little", named)
	}
	// Without frozen editions, the contract's address and the edition
	// date of oferta.toml.
	plain := sitetest.ExampleSite(t)
	if _, err := os.Stat(filepath.Join(plain, "editions")); err == nil {
		t.Fatal("exampleSite has editions")
	}
	md := kitCheckout(t, plain, "smm-mentoring", "group-copywriting", "recorded-excel", "english-speaking-club", "en/english-speaking-club")["smm-mentoring"]
	if !strings.Contains(body(md), "в редакции от 1\u00a0декабря 2026\u00a0г. и принимаю их: https://school.example/smm-mentoring/oferta/\n") || !strings.Contains(md, "oferta freeze") {
		t.Errorf("unfrozen: %s", md)
	}
}

// A course of an EU site in a language without checkout texts stops the
// kit with a message naming the course and the languages that have them,
// rather than a kit that silently lacks its texts.
func TestKitCheckoutMissingLanguage(t *testing.T) {
	dir := sitetest.Copy(t, filepath.Join("testdata", "eu-school"))
	cfg := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, cfg, strings.Replace(string(data), `languages = ["en"]`, `languages = ["en", "ru"]`, 1))
	course, err := os.ReadFile(filepath.Join(repoRoot, "content", "smm-mentoring.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.WriteFile(t, filepath.Join(dir, "content", "ru", "smm-ru.toml"), "language = \"ru\"\n"+string(course))
	dest := filepath.Join(t.TempDir(), "kit")
	code, _, stderr := run(t, "kit", "-s", dir, "-d", dest)
	if code != exitBadInput || !strings.Contains(stderr, `content/ru/smm-ru.toml: there are no EU checkout texts in language "ru" (they exist in: de, en, ro)`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("the kit was written without the course's checkout texts")
	}
}
