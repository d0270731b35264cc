package main

import (
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// oferta kit writes, per course, the message asking for a statement and
// the three reply templates, filled in for the course, into kit/; twice
// the same bytes.
func TestKit(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	code, out, stderr := run(t, "kit", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "do not publish") {
		t.Errorf("stdout does not warn that the kit is private: %q", out)
	}
	first := sitetest.ReadTree(t, filepath.Join(dir, "kit"))
	for _, course := range []string{"smm-mentoring", "group-copywriting", "recorded-excel", "en/english-speaking-club"} {
		for _, doc := range []string{"request-statement", "reply-accepted", "reply-partial", "request-details", "checkout"} {
			if course == "group-copywriting" && doc == "reply-partial" {
				continue // flat, withholding nothing: see TestKitPartialOnlyWherePartial
			}
			if _, ok := first[course+"/"+doc+".md"]; !ok {
				t.Errorf("kit lacks %s/%s.md", course, doc)
			}
		}
	}
	nb := "\u00a0"
	wants := map[string][]string{
		"smm-mentoring/request-statement.md": {"«Наставничество по SMM: 8 недель»", "https://school.example/smm-mentoring/refund/",
			"по электронной почте на адрес hello@school.example", "ответим в течение 10" + nb + "дней, а деньги поступят в Ваш банк не позднее чем через 10" + nb + "дней: оба срока считаются от этого дня"},
		"smm-mentoring/reply-accepted.md": {"[сумма] ([сумма прописью])", "oferta calc smm-mentoring --used N", "возврат прихода"},
		// The contract's formula in words, with the course's numbers.
		"smm-mentoring/reply-partial.md":   {"независимо от того, согласны ли Вы с остальной частью расчёта", "делится на число единиц курса (8" + nb + "недель)"},
		"smm-mentoring/request-details.md": {"реквизиты счёта", "https://school.example/smm-mentoring/refund/"},
		// The club is taught in Russian too: calc needs its language.
		"en/english-speaking-club/reply-accepted.md":  {"Hello [name],", "[amount] ([amount in words])", "oferta calc en/english-speaking-club --used N"},
		"en/english-speaking-club/request-details.md": {"https://school.example/en/english-speaking-club/refund/"},
	}
	for file, ws := range wants {
		for _, w := range ws {
			if !strings.Contains(first[file], w) {
				t.Errorf("%s lacks %q:\n%s", file, w, first[file])
			}
		}
	}
	index := first["index.html"]
	// The index is in the site's default language; each course's texts
	// are marked with their own.
	for _, w := range []string{`<html lang="ru">`, `name="robots" content="noindex, nofollow"`, "Набор исполнителя", "Скопировать текст", `lang="en"`} {
		if !strings.Contains(index, w) {
			t.Errorf("index.html lacks %q", w)
		}
	}
	if code, _, stderr := run(t, "kit", "-s", dir); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	second := sitetest.ReadTree(t, filepath.Join(dir, "kit"))
	for p, data := range first {
		if second[p] != data {
			t.Errorf("%s differs between two runs", p)
		}
	}
	if len(first) != len(second) {
		t.Errorf("two runs wrote %d and %d files", len(first), len(second))
	}

	// The kit never goes where clients can see it.
	code, _, stderr = run(t, "kit", "-s", dir, "-d", filepath.Join(dir, "public", "kit"))
	if code != 2 || !strings.Contains(stderr, "public/") {
		t.Errorf("-d inside public/: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "kit", "-s", dir, "-d", filepath.Join(dir, "content"))
	if code != 2 {
		t.Errorf("-d content/: exit %d, stderr %q", code, stderr)
	}

	// Without a real base_url the messages would send clients nowhere.
	toml := filepath.Join(dir, "oferta.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ line, want string }{
		{"", "has no base_url"},
		{`base_url = "https://replace-with-your-site.invalid/"`, "still the placeholder"},
	} {
		sitetest.WriteFile(t, toml, strings.Replace(string(data), `base_url = "https://school.example/"`, tc.line, 1))
		code, _, stderr = run(t, "kit", "-s", dir, "-d", filepath.Join(t.TempDir(), "kit"))
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("base_url %q: exit %d, stderr %q", tc.line, code, stderr)
		}
	}
}

// Nothing meant for the seller alone is on a public page: every sentence
// of the kit (its notes and its texts) is looked for in every built file.
func TestKitTextNotPublished(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	pub := mustBuild(t, dir)
	if code, _, stderr := run(t, "kit", "-s", dir); code != 0 {
		t.Fatalf("kit: exit %d: %s", code, stderr)
	}
	kitFiles := sitetest.ReadTree(t, filepath.Join(dir, "kit"))
	norm := func(s string) string {
		s = html.UnescapeString(s)
		s = strings.ReplaceAll(s, "\u00a0", " ")
		return strings.Join(strings.Fields(s), " ")
	}
	var phrases []string
	for p, data := range kitFiles {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		for _, line := range strings.Split(data, "\n") {
			line = norm(strings.TrimLeft(line, "#>-* "))
			// The signature is the seller's name, which every page shows.
			if utf8.RuneCountInString(line) >= 30 && line != "Индивидуальный предприниматель Соколова Марина Андреевна" {
				phrases = append(phrases, line)
			}
		}
	}
	// What the public refund page used to carry.
	phrases = append(phrases, "Для исполнителя: сообщение клиенту", "For the seller: a message to the client",
		"при налоговой проверке", "at a tax audit")
	slices.Sort(phrases)
	phrases = slices.Compact(phrases)
	if len(phrases) < 40 {
		t.Fatalf("only %d phrases to look for: the test would prove nothing", len(phrases))
	}
	pages := 0
	for p, data := range pub {
		page := norm(data)
		pages++
		for _, phrase := range phrases {
			if strings.Contains(page, phrase) {
				t.Errorf("public/%s carries the seller's text %q", p, phrase)
			}
		}
	}
	if pages < 20 {
		t.Fatalf("only %d public files scanned", pages)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "kit")); err == nil {
		t.Error("the build wrote a kit into public/")
	}
}

// TestKitPartialOnlyWherePartial: a flat course that withholds nothing
// refunds everything, so its kit has no reply about a partial refund; a
// course whose reply-partial is written says where the documents behind
// each amount withheld are (attached, as the contract promises), never
// "on request".
func TestKitPartialOnlyWherePartial(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	if code, _, stderr := run(t, "kit", "-s", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tree := sitetest.ReadTree(t, filepath.Join(dir, "kit"))
	if _, ok := tree["group-copywriting/reply-partial.md"]; ok {
		t.Error("the flat course that withholds nothing has a reply-partial.md")
	}
	for _, f := range []string{"smm-mentoring/reply-partial.md", "english-speaking-club/reply-partial.md", "en/english-speaking-club/reply-partial.md"} {
		text := tree[f]
		if text == "" {
			t.Errorf("%s is missing", f)
			continue
		}
		for _, bad := range []string{"по Вашему запросу", "on request"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s still offers the documents %q", f, bad)
			}
		}
		if !strings.Contains(text, "во вложении: [перечень приложенных документов]") && !strings.Contains(text, "are attached: [list of the attached documents]") {
			t.Errorf("%s does not say the documents are attached:\n%s", f, text)
		}
		if !strings.Contains(text, "--skip-deduction") {
			t.Errorf("%s does not tell the seller how to leave out a cost not incurred", f)
		}
	}
}

// TestKitWithdrawalReceived: on an EU site whose withdrawal function
// composes an e-mail, the kit has the acknowledgement of receipt to send
// back (art. 11a); with a form service ([withdrawal] endpoint) it has not,
// the service acknowledges.
func TestKitWithdrawalReceived(t *testing.T) {
	dir := t.TempDir()
	sitetest.CopyFile(t, filepath.Join("testdata", "eu-school", "oferta.toml"), filepath.Join(dir, "oferta.toml"))
	sitetest.CopyTree(t, filepath.Join("testdata", "eu-school", "content"), filepath.Join(dir, "content"))
	if code, _, stderr := run(t, "kit", "-s", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tree := sitetest.ReadTree(t, filepath.Join(dir, "kit"))
	got := tree["smm-mentoring/withdrawal-received.md"]
	for _, w := range []string{"has no form service", "we confirm that we received your withdrawal from the contract for the course “SMM mentoring: 8 weeks”", "[date and time of receipt]", "Sokolova Learning OÜ"} {
		if !strings.Contains(got, w) {
			t.Errorf("withdrawal-received.md lacks %q:\n%s", w, got)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "oferta.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = append(cfg, "\n[withdrawal]\nendpoint = \"https://forms.example/f/1\"\n"...)
	if err := os.WriteFile(filepath.Join(dir, "oferta.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "kit", "-s", dir); code != 0 {
		t.Fatalf("with an endpoint: exit %d: %s", code, stderr)
	}
	if _, ok := sitetest.ReadTree(t, filepath.Join(dir, "kit"))["smm-mentoring/withdrawal-received.md"]; ok {
		t.Error("a site with a form service still gets withdrawal-received.md")
	}
}
