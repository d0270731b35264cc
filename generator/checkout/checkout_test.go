package checkout_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/checkout"
	"github.com/oferta-dev/oferta/generator/site"
)

func euSchool(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Load(filepath.Join("..", "..", "cmd", "oferta", "testdata", "eu-school"), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestForNamesEditionAndAddress: every course's confirmation e-mail, ticked
// or not, names the edition in force and its permanent address; the
// checkbox is the express request for services and the acknowledgement of
// losing the right for recorded lessons.
func TestForNamesEditionAndAddress(t *testing.T) {
	s := euSchool(t)
	inForce := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if len(s.Courses) != 3 {
		t.Fatalf("%d courses", len(s.Courses))
	}
	for _, c := range s.Courses {
		tx, err := checkout.For(s, c, inForce)
		if err != nil {
			t.Fatal(err)
		}
		url := "https://school.example/" + c.Slug + "/oferta/2026-11-01/"
		if tx.EditionURL != url {
			t.Errorf("%s: edition URL %q", c.Slug, tx.EditionURL)
		}
		for name, mail := range map[string]string{"requested": tx.Requested, "not requested": tx.NotRequested} {
			for _, s := range []string{"edition of 1\u00a0November 2026", url, "https://school.example/" + c.Slug + "/withdraw/", c.Title, "+372 600 0000"} {
				if !strings.Contains(mail, s) {
					t.Errorf("%s, %s: the confirmation lacks %q:\n%s", c.Slug, name, s, mail)
				}
			}
		}
		want := "I expressly request that Sokolova Learning OÜ begin the course"
		if c.Format == "recorded" {
			want = "I acknowledge that I thereby lose my right of withdrawal once access is opened"
			if !strings.Contains(tx.Requested, "you acknowledged that you thereby lose your right of withdrawal") {
				t.Errorf("%s: the confirmation does not repeat the acknowledgement:\n%s", c.Slug, tx.Requested)
			}
		} else if !strings.Contains(tx.Requested, "You expressly requested that we begin the course") {
			t.Errorf("%s: the confirmation does not repeat the request:\n%s", c.Slug, tx.Requested)
		}
		if !strings.Contains(tx.Checkbox, want) {
			t.Errorf("%s: checkbox %q lacks %q", c.Slug, tx.Checkbox, want)
		}
		if !strings.Contains(tx.Ack, "received your withdrawal") || !strings.Contains(tx.Ack, "[date and time of receipt]") || !strings.Contains(tx.Ack, "no later than 14 days") {
			t.Errorf("%s: acknowledgement:\n%s", c.Slug, tx.Ack)
		}
		for _, s := range []string{tx.Checkbox, tx.Requested, tx.NotRequested, tx.Ack, url, "edition of 1\u00a0November 2026"} {
			if !strings.Contains(tx.Kit, s) {
				t.Errorf("%s: the kit file lacks %q", c.Slug, s)
			}
		}
		if strings.Contains(tx.NotRequested, "expressly") {
			t.Errorf("%s: the confirmation for an unticked box speaks of a request:\n%s", c.Slug, tx.NotRequested)
		}
	}
}

// TestForRefusesRussianLaw: the texts serve EU law only.
func TestForRefusesRussianLaw(t *testing.T) {
	s := euSchool(t)
	s.Config.Jurisdiction = "ru"
	if _, err := checkout.For(s, s.Courses[0], time.Now()); err == nil {
		t.Error("checkout texts for a ru site")
	}
}

// TestForGermanAndRomanian: the example sites in German and Romanian get
// their texts in their language, naming the edition and its address;
// an edition not yet frozen is named by the contract's address without
// the promise of an unchanging text.
func TestForGermanAndRomanian(t *testing.T) {
	for _, c := range []struct {
		dir, edition, checkbox, recorded, permanent, published string
	}{
		{"de", "Fassung vom 1.\u00a0Dezember 2026", "Ich verlange ausdrücklich", "Ich stimme ausdrücklich zu", "unverändert unter ihrer dauerhaften Adresse", "veröffentlicht"},
		{"ro", "versiunea din 1\u00a0decembrie 2026", "Solicit în mod expres", "Îmi exprim acordul expres", "la adresa sa permanentă", "Termenii sunt publicați"},
	} {
		s, err := site.Load(filepath.Join("..", "..", "examples", c.dir), site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()})
		if err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		for _, course := range s.Courses {
			url := s.Config.BaseURL + course.Slug + "/oferta/2026-12-01/"
			tx, err := checkout.ForEdition(s, course, checkout.Ref{Date: day, URL: url, Frozen: true})
			if err != nil {
				t.Fatal(err)
			}
			want := c.checkbox
			if course.Format == "recorded" {
				want = c.recorded
			}
			if !strings.HasPrefix(tx.Checkbox, want) {
				t.Errorf("%s/%s: checkbox %q", c.dir, course.Slug, tx.Checkbox)
			}
			for _, mail := range []string{tx.Requested, tx.NotRequested} {
				for _, w := range []string{c.edition, url, c.permanent, s.Config.BaseURL + course.Slug + "/withdraw/", course.Title} {
					if !strings.Contains(mail, w) {
						t.Errorf("%s/%s: the confirmation lacks %q:\n%s", c.dir, course.Slug, w, mail)
					}
				}
			}
			if strings.Contains(tx.Kit, "{{") || strings.Contains(tx.Kit, "<no value>") {
				t.Errorf("%s/%s: unfilled template:\n%s", c.dir, course.Slug, tx.Kit)
			}
			contractURL := s.Config.BaseURL + course.Slug + "/oferta/"
			tx, err = checkout.ForEdition(s, course, checkout.Ref{Date: day, URL: contractURL})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(tx.Requested, c.permanent) || !strings.Contains(tx.Requested, c.published) || !strings.Contains(tx.Requested, contractURL) {
				t.Errorf("%s/%s: confirmation for an unfrozen edition:\n%s", c.dir, course.Slug, tx.Requested)
			}
		}
	}
}
