package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestFreezeAndDiff freezes an edition, then changes a shared clause and a
// single course, and checks that diff names exactly the affected courses
// and clauses with the right words, and that the old edition's archive
// page keeps its old text.
func TestFreezeAndDiff(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	// Start from an earlier edition date than the school's own.
	cfgPath := filepath.Join(dir, "oferta.toml")
	cfgSrc, _ := os.ReadFile(cfgPath)
	sitetest.WriteFile(t, cfgPath, replaceLine(string(cfgSrc), "edition", "edition = 2026-11-01"))
	code, out, stderr := run(t, "freeze", "--date", "2026-11-01", "-s", dir)
	if code != 0 {
		t.Fatalf("freeze: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "5 contracts frozen") {
		t.Errorf("freeze output: %s", out)
	}
	for _, f := range []string{"ru/smm-mentoring.md", "ru/group-copywriting.md", "ru/recorded-excel.md", "ru/english-speaking-club.md", "en/english-speaking-club.md"} {
		if _, err := os.Stat(filepath.Join(dir, "editions", "2026-11-01", f)); err != nil {
			t.Errorf("no edition file %s: %v", f, err)
		}
	}
	if _, out, _ := run(t, "diff", "-s", dir); !strings.Contains(out, "no changes") {
		t.Errorf("diff right after freeze: %s", out)
	}
	oldPayout := sitetest.ReadTree(t, dir)["editions/2026-11-01/ru/smm-mentoring.md"]

	// A shared clause: the Russian payout deadline, through a site clause
	// that replaces the built-in one.
	sitetest.WriteFile(t, filepath.Join(dir, "clauses", "ru", "refund", "payout.md"), `+++
id = "refund.deadline.payout"
kind = "deadline"
section = "refund-process"
title = "Срок и способ выплаты"
weight = 40
jurisdictions = ["ru"]
+++
Исполнитель отправляет деньги в течение {{ days .refund.payout_days }} со дня получения заявления, тем же способом, которым Клиент платил.
`)
	// A single course: the group course's price.
	course := filepath.Join(dir, "content", "group-copywriting.toml")
	src, _ := os.ReadFile(course)
	sitetest.WriteFile(t, course, replaceLine(string(src), "price", "price = 39000"))

	code, out, stderr = run(t, "diff", "--format", "json", "-s", dir)
	if code != 0 {
		t.Fatalf("diff: exit %d: %s", code, stderr)
	}
	var report struct {
		Clauses []struct {
			Kind, ID string
			Courses  []string
			Words    []struct{ Op, Text string }
		}
		Courses []struct{ Course string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	byID := map[string][]string{}
	for _, c := range report.Clauses {
		byID[c.ID] = append(byID[c.ID], strings.Join(c.Courses, ","))
		if c.ID == "refund.deadline.payout" {
			// Kept and inserted words give the new text; kept and
			// deleted ones the old.
			var oldText, newText, ins strings.Builder
			for _, w := range c.Words {
				switch w.Op {
				case "+":
					newText.WriteString(w.Text)
					ins.WriteString(w.Text)
				case "-":
					oldText.WriteString(w.Text)
				default:
					newText.WriteString(w.Text)
					oldText.WriteString(w.Text)
				}
			}
			if !strings.Contains(newText.String(), "тем же способом, которым Клиент платил") {
				t.Errorf("the payout redline's new text lacks the new words: %q", newText.String())
			}
			if !strings.Contains(ins.String(), "платил") {
				t.Errorf("the new words are not marked as inserted: %q", ins.String())
			}
			if oldText.String() == newText.String() {
				t.Error("the payout redline changes nothing")
			}
		}
	}
	want := "ru/english-speaking-club,ru/group-copywriting,ru/recorded-excel,ru/smm-mentoring"
	if got := strings.Join(byID["refund.deadline.payout"], "|"); got != want {
		t.Errorf("payout clause changed in %q, want %q", got, want)
	}
	for id, courses := range byID {
		if id == "refund.deadline.payout" {
			continue
		}
		for _, c := range courses {
			if c != "ru/group-copywriting" {
				t.Errorf("clause %s changed in %s; only the group course's price changed", id, c)
			}
		}
	}
	if len(byID) < 2 {
		t.Errorf("the price change of the group course is not reported: %v", byID)
	}
	var courses []string
	for _, c := range report.Courses {
		courses = append(courses, c.Course)
	}
	sort.Strings(courses)
	if got := strings.Join(courses, ","); got != want {
		t.Errorf("changed courses %q, want %q (the English course is untouched)", got, want)
	}

	// Freezing again under a date already frozen would rewrite what
	// clients accepted: the message gives the one command to run.
	if code, _, stderr := run(t, "freeze", "-s", dir); code != 2 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "oferta freeze --date 2026-12-01") {
		t.Errorf("re-freezing 2026-11-01: exit %d: %s", code, stderr)
	}
	// One command sets the new date in oferta.toml, keeping its
	// comments, and freezes the new edition; the first one keeps its
	// own page with its old text.
	cfg := filepath.Join(dir, "oferta.toml")
	before, _ := os.ReadFile(cfg)
	if code, out, stderr := run(t, "freeze", "--date", "2026-12-01", "-s", dir); code != 0 || !strings.Contains(out, "set edition = 2026-12-01") {
		t.Fatalf("freeze --date 2026-12-01: exit %d: %s%s", code, out, stderr)
	}
	after, _ := os.ReadFile(cfg)
	if want := strings.Replace(string(before), "edition = 2026-11-01", "edition = 2026-12-01", 1); string(after) != want {
		t.Errorf("oferta.toml changed beyond its edition line:\n%s", after)
	}
	tree := mustBuild(t, dir)
	archive, ok := tree["smm-mentoring/oferta/2026-11-01/index.html"]
	if !ok {
		t.Fatal("no archive page for the 2026-11-01 edition")
	}
	if strings.Contains(archive, "которым Клиент платил") {
		t.Error("the archive page shows the new text")
	}
	if !strings.Contains(oldPayout, "Срок и способ возврата денежных средств") {
		t.Fatal("the frozen text lacks the payout clause")
	}
	if !strings.Contains(tree["smm-mentoring/oferta/index.html"], "которым Клиент платил") {
		t.Error("the current contract lacks the new text")
	}
	if !strings.Contains(tree["smm-mentoring/oferta/index.html"], "2026-11-01/") {
		t.Error("the current contract does not link to the earlier edition")
	}
	if _, ok := tree["smm-mentoring/oferta/changes/index.html"]; !ok {
		t.Error("no changes page")
	}
	if code, out, _ := run(t, "freeze", "-s", dir); code != 0 || !strings.Contains(out, "0 contracts frozen, 5 unchanged") {
		t.Errorf("freeze with nothing to freeze: exit %d: %s", code, out)
	}
	if code, _, _ := run(t, "freeze", "--date", "tomorrow", "-s", dir); code != 2 {
		t.Errorf("freeze --date tomorrow: exit %d, want 2", code)
	}
}
