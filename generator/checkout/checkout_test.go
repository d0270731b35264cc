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
