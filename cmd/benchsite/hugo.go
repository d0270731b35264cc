package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/pipeline"
)

// The Hugo site is as plain as Hugo allows: no theme, one baseof, one
// single and one list layout. Everything Hugo would do by default that
// oferta does not do is switched off: taxonomies, RSS, the 404 page and
// the Markdown extensions oferta does not enable (oferta enables tables
// and strikethrough only).
const hugoConfig = `baseURL = "https://bench.example/"
title = %s
languageCode = "ru"
disableKinds = ["taxonomy", "term", "RSS", "404"]

[params]
seller = %s

[markup.goldmark.extensions]
definitionList = false
footnote = false
linkify = false
strikethrough = true
table = true
taskList = false
typographer = false

[markup.goldmark.renderer]
unsafe = false

[markup.tableOfContents]
startLevel = 2
endLevel = 3
`

var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Params.page_lang | default "ru" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ site.Params.seller }}</footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ if eq .Params.page_kind "oferta" }}<nav class="toc">{{ .TableOfContents }}</nav>{{ end }}
{{ .Content }}
</article>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range where (where site.RegularPages "Params.page_kind" "oferta") "Params.page_lang" .Params.page_lang }}
<li><a href="{{ .RelPermalink }}">{{ .Params.course }}</a></li>
{{ end }}
</ul>
{{ end }}
`,
}

var pageTitles = map[string][3]string{
	"ru": {"Публичная оферта", "Вопросы о возврате", "Заявление на возврат"},
	"en": {"Public offer", "Refund questions", "Refund statement"},
}

// exportHugo writes into hdir a Hugo site with the same pages as the
// oferta site in dir: for every course its contract, FAQ and statement,
// plus one index page per language. Each page's Markdown is what oferta
// renders for it, taken from the real pipeline (pipeline.Check): the
// contract's clauses under numbered headings, the FAQ's questions and
// answers, and the statement's text. It returns the number of HTML
// pages Hugo will write.
func exportHugo(dir, hdir string) (int, error) {
	checked, err := pipeline.Check(dir, builtin())
	if err != nil {
		return 0, err
	}
	s := checked.Site
	if err := os.RemoveAll(hdir); err != nil {
		return 0, err
	}
	write := func(rel, text string) error {
		full := filepath.Join(hdir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(text), 0o644)
	}
	cfg := fmt.Sprintf(hugoConfig, tomlString(s.Config.Title), tomlString(s.Config.Seller.Name))
	if err := write("config.toml", cfg); err != nil {
		return 0, err
	}
	for name, text := range hugoLayouts {
		if err := write(name, text); err != nil {
			return 0, err
		}
	}
	// The same stylesheet and scripts oferta copies into every build.
	for _, f := range s.Theme.Assets {
		if err := write("static/"+f.Path, string(f.Data)); err != nil {
			return 0, err
		}
	}
	pages := 0
	for i, l := range s.Config.Languages {
		file := "content/_index.md"
		if i > 0 {
			file = "content/" + l + "/_index.md"
		}
		if err := write(file, frontMatter(s.Config.Title, "", l, "index", "")); err != nil {
			return 0, err
		}
		pages++
	}
	for _, k := range checked.Contracts {
		c := k.Course
		url := "/" + contract.CoursePath(s, c)
		titles := pageTitles[k.Lang]
		base := "content/" + k.Lang + "-" + c.Slug + "-"
		if err := write(base+"oferta.md", frontMatter(titles[0]+": "+c.Title, url+"oferta/", k.Lang, "oferta", c.Title)+contractMarkdown(k)); err != nil {
			return 0, err
		}
		if err := write(base+"faq.md", frontMatter(titles[1]+": "+c.Title, url+"faq/", k.Lang, "faq", c.Title)+faqMarkdown(k)); err != nil {
			return 0, err
		}
		if err := write(base+"refund.md", frontMatter(titles[2]+": "+c.Title, url+"refund/", k.Lang, "refund", c.Title)+statementMarkdown(k)); err != nil {
			return 0, err
		}
		pages += 3
	}
	return pages, nil
}

func frontMatter(title, url, l, kind, course string) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", tomlString(title))
	if url != "" {
		fmt.Fprintf(&b, "url = %s\n", tomlString(url))
	}
	fmt.Fprintf(&b, "page_lang = %q\npage_kind = %q\n", l, kind)
	if course != "" {
		fmt.Fprintf(&b, "course = %s\n", tomlString(course))
	}
	b.WriteString("+++\n")
	return b.String()
}

// contractMarkdown is the contract's clauses as oferta renders them, each
// section and clause under a numbered heading.
func contractMarkdown(k *contract.Contract) string {
	var b strings.Builder
	for _, sec := range k.Sections {
		fmt.Fprintf(&b, "\n## %d. %s\n", sec.Number, sec.Def.Title)
		for _, cl := range sec.Clauses {
			fmt.Fprintf(&b, "\n### %s. %s\n\n%s\n", cl.Number, cl.Source.Title, strings.TrimSpace(cl.Markdown))
		}
	}
	return b.String()
}

// faqMarkdown is the course's questions and answers.
func faqMarkdown(k *contract.Contract) string {
	var b strings.Builder
	for _, f := range k.FAQ {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", f.Question, strings.TrimSpace(f.Answer))
	}
	if k.Example != "" {
		fmt.Fprintf(&b, "\n%s\n", k.Example)
	}
	return b.String()
}

// statementMarkdown is the text of the refund statement: the seller, the
// course, the deadlines and how to send it, with blanks to fill in.
func statementMarkdown(k *contract.Contract) string {
	s, c := k.Site, k.Course
	ru := k.Lang == "ru"
	label := func(r, e string) string {
		if ru {
			return r
		}
		return e
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s: %s\n\n", label("Исполнителю", "To"), s.Config.Seller.Name)
	fmt.Fprintf(&b, "%s: %s ([%s](%s))\n\n", label("Курс", "Course"), c.Title, label("оферта", "offer"), contract.ContractURL(s, c))
	fmt.Fprintf(&b, "- %s: ____________\n- %s: ____________\n- %s: ____________\n- %s: ____________\n\n",
		label("ФИО", "Full name"), label("Дата оплаты", "Date of payment"), label("Сумма оплаты", "Amount paid"), label("Реквизиты для возврата", "Account for the refund"))
	fmt.Fprintf(&b, "%s %s; %s %s.\n\n", label("Заявление рассматривается за", "The statement is reviewed within"), lang.Days(k.Lang, c.Refund.ReviewDays),
		label("деньги выплачиваются за", "the money is paid within"), lang.Days(k.Lang, c.Refund.PayoutDays))
	fmt.Fprintf(&b, "%s: %s.\n", label("Как отправить заявление", "How to send the statement"), contract.ChannelText(k.Phrases, s.Config.Seller, c.Refund.Channel, s.Config.BaseURL))
	return b.String()
}

func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
