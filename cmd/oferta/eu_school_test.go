package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestEUSchool builds the EU variant of the example school (an English
// course of each format under jurisdiction = "eu") with no lint finding
// at all, and checks what EU law asks of its pages: the withdrawal
// function for every course and site-wide, linked from every page's
// footer; the seller's phone in the withdrawal information and the model
// form; the governing law's country; and none of the Russian concepts
// ("public offer", the accountant's statement).
func TestEUSchool(t *testing.T) {
	dir := euSchool(t, "")
	if code, out, stderr := run(t, "lint", "--strict", "-s", dir); code != 0 {
		t.Fatalf("lint --strict exited %d:\n%s%s", code, out, stderr)
	}
	tree := mustBuild(t, dir)
	slugs := []string{"smm-mentoring", "group-copywriting", "recorded-excel"}
	for _, p := range append([]string{"withdraw/index.html"}, withdrawPages(slugs)...) {
		page, ok := tree[p]
		if !ok {
			t.Errorf("no %s", p)
			continue
		}
		for _, s := range []string{`id="withdraw-start"`, ">Withdraw from contract here<", ">Confirm withdrawal<", `name="name"`, `name="course"`, `name="order"`, `name="email"`, `action="mailto:hello@school.example?subject=`} {
			if !strings.Contains(page, s) {
				t.Errorf("%s lacks %s", p, s)
			}
		}
		if strings.Contains(page, "<script src=\"http") {
			t.Errorf("%s loads a third-party script", p)
		}
	}
	footer := regexp.MustCompile(`<p class="site-footer__withdraw"><a href="(?:\.\./)*withdraw/">Withdraw from contract here</a></p>`)
	for _, p := range htmlPages(tree) {
		if !footer.MatchString(tree[p]) {
			t.Errorf("%s: no link to the withdrawal function in the footer", p)
		}
	}
	for _, slug := range slugs {
		page := tree[slug+"/oferta/index.html"]
		for _, s := range []string{
			"inform us (Sokolova Learning OÜ, Tartu mnt 12, 10115 Tallinn, Estonia, telephone +372 600 0000, e-mail hello@school.example)",
			"To Sokolova Learning OÜ, Tartu mnt 12, 10115 Tallinn, Estonia, telephone +372 600 0000, e-mail hello@school.example:",
			"on our website https://school.example/" + slug + "/withdraw/.",
			"governed by the law of Estonia",
			"<strong>After a withdrawal.</strong>",
			"<strong>After a termination.</strong>",
		} {
			if !strings.Contains(page, s) {
				t.Errorf("%s's contract lacks %q", slug, s)
			}
		}
		if form := tree[slug+"/refund/index.html"]; !strings.Contains(form, "Phone: &#43;372 600 0000") || !strings.Contains(form, "Model withdrawal form") {
			t.Errorf("%s's model withdrawal form lacks the seller's phone or its title", slug)
		}
		for _, s := range []string{"public offer", "this offer", "accountant", "Public offer"} {
			if strings.Contains(page, s) {
				t.Errorf("%s's contract says %q", slug, s)
			}
		}
	}
}

func withdrawPages(slugs []string) []string {
	var out []string
	for _, s := range slugs {
		out = append(out, s+"/withdraw/index.html")
	}
	return out
}

// TestEUSchoolWithEndpoint: with [withdrawal] endpoint the function's form
// POSTs to the form service, which the page names.
func TestEUSchoolWithEndpoint(t *testing.T) {
	dir := euSchool(t, "[withdrawal]\nendpoint = \"https://forms.example/f/sokolova\"\n")
	tree := mustBuild(t, dir)
	page := tree["smm-mentoring/withdraw/index.html"]
	for _, s := range []string{`action="https://forms.example/f/sokolova"`, `data-mode="post"`, `<span class="withdraw__host">forms.example</span>`} {
		if !strings.Contains(page, s) {
			t.Errorf("the withdrawal page lacks %s", s)
		}
	}
	if strings.Contains(page, "mailto:hello@school.example?") {
		t.Error("with an endpoint the page still composes an e-mail")
	}
}
