package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestFeedValidatesAsAtom builds the example school and validates its
// feed.xml against the Atom schema in .ci/atom.rnc with jing (Debian
// package jing; .ci/run installs it). A feed with an entry that lacks its
// id must fail, so the check is known to bite. Without jing the test is
// skipped, except in CI.
func TestFeedValidatesAsAtom(t *testing.T) {
	jing, err := exec.LookPath("jing")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("jing is not installed: apt-get install jing")
		}
		t.Skip("jing is not installed (apt-get install jing)")
	}
	dir := exampleSiteWithEditions(t)
	tree := mustBuild(t, dir)
	feed, ok := tree["feed.xml"]
	if !ok {
		t.Fatal("no feed.xml")
	}
	schema, err := filepath.Abs("../../.ci/atom.rnc")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(name, data string) (bool, string) {
		file := filepath.Join(t.TempDir(), name)
		sitetest.WriteFile(t, file, data)
		out, err := exec.Command(jing, "-c", schema, file).Output()
		return err == nil, string(out)
	}
	if ok, out := validate("feed.xml", feed); !ok {
		t.Fatalf("feed.xml is not valid Atom:\n%s\n%s", out, feed)
	}
	i := strings.Index(feed, "<entry ")
	start := i + strings.Index(feed[i:], "<id>")
	end := i + strings.Index(feed[i:], "</id>") + len("</id>")
	if i < 0 || start < i || end < start {
		t.Fatalf("no entry with an id in:\n%s", feed)
	}
	broken := feed[:start] + feed[end:]
	if ok, _ := validate("broken.xml", broken); ok {
		t.Fatal("jing accepted a feed whose first entry has no id")
	}
}

// TestFeedEntries checks that the feed has one entry per course and
// edition, with stable ids and absolute links, and that the same input
// gives the same bytes.
func TestFeedEntries(t *testing.T) {
	dir := exampleSiteWithEditions(t)
	a := mustBuild(t, dir)["feed.xml"]
	b := mustBuild(t, dir)["feed.xml"]
	if a != b {
		t.Fatal("two builds of the same site give different feeds")
	}
	editions, _ := filepath.Glob(filepath.Join(dir, "editions", "*", "*", "*.md"))
	if got := strings.Count(a, "<entry "); got != len(editions) || got == 0 {
		t.Errorf("%d entries for %d frozen editions", got, len(editions))
	}
	for _, want := range []string{
		"<id>tag:school.example,2026-11-01:smm-mentoring/oferta/2026-11-01/</id>",
		`href="https://school.example/smm-mentoring/oferta/2026-09-01/"`,
		"[-14-]{+10+}",
	} {
		if !strings.Contains(a, want) {
			t.Errorf("the feed lacks %s", want)
		}
	}
}

// exampleSiteWithEditions is exampleSite with the school's frozen
// editions.
func exampleSiteWithEditions(t *testing.T) string {
	t.Helper()
	dir := sitetest.ExampleSite(t)
	sitetest.CopyTree(t, filepath.Join(repoRoot, "editions"), filepath.Join(dir, "editions"))
	return dir
}
