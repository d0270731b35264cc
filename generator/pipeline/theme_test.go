package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// TestThemeWithoutBlocks: a site's own layouts written without the card,
// clause and toc-clause templates, ranging over .Courses and .Clauses
// themselves, still list every course and print every clause.
func TestThemeWithoutBlocks(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/layouts/index.html"),
		`{{define "main"}}{{range .Courses}}<p class="old-card">{{.Title}}</p>{{end}}{{end}}`)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/layouts/contract.html"),
		`{{define "main"}}{{with .Contract}}{{range .Sections}}{{range .Clauses}}<div class="old-clause" id="{{.Anchor}}">{{.Body}}</div>{{end}}{{end}}{{end}}{{end}}`)
	c, err := pipeline.Check(dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	files, err := pipeline.Render(c, false)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, f := range files {
		pages[f.Path] = string(f.Data)
	}
	for _, k := range c.Contracts {
		if k.Lang == "ru" && !strings.Contains(pages["index.html"], `<p class="old-card">`+k.Course.Title+`</p>`) {
			t.Errorf("the index does not list %s", k.Course.Title)
		}
	}
	k := c.Contracts[0]
	page := pages[k.Course.Slug+"/oferta/index.html"]
	if got, want := strings.Count(page, `class="old-clause"`), len(k.Clauses); got != want {
		t.Errorf("%s: the contract prints %d clauses, want %d", k.Course.Slug, got, want)
	}
}

// TestIndexCardsTwice: a layout that prints .Cards twice gets every card
// twice (the marker the renderer splices the cards into is not used).
func TestIndexCardsTwice(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/layouts/index.html"),
		`{{define "main"}}<ul>{{.Cards}}</ul><ol>{{.Cards}}</ol>{{end}}{{define "card"}}<li>{{.Title}}</li>{{end}}`)
	c, err := pipeline.Check(dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	files, err := pipeline.Render(c, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path != "index.html" {
			continue
		}
		page := string(f.Data)
		if strings.Contains(page, "oferta:cards") {
			t.Error("the index page shows the cards' marker")
		}
		for _, k := range c.Contracts {
			if k.Lang == "ru" && strings.Count(page, "<li>"+k.Course.Title+"</li>") != 2 {
				t.Errorf("%s is not listed twice", k.Course.Title)
			}
		}
	}
}

// TestIndexCardsWithoutCardTemplate: printing .Cards without a card
// template is a theme error, not an empty list.
func TestIndexCardsWithoutCardTemplate(t *testing.T) {
	dir := sitetest.ExampleSite(t)
	sitetest.WriteFile(t, filepath.Join(dir, "themes/default/layouts/index.html"), `{{define "main"}}<ul>{{.Cards}}</ul>{{end}}`)
	c, err := pipeline.Check(dir, benchBuiltin())
	if err != nil {
		t.Fatal(err)
	}
	_, err = pipeline.Render(c, false)
	if err == nil || !strings.Contains(err.Error(), "layouts/index.html") || !strings.Contains(err.Error(), "card") {
		t.Fatalf("Render error = %v; want one about the card template of layouts/index.html", err)
	}
}
