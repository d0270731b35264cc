// Package render turns assembled contracts into pages: it runs clause
// Markdown through goldmark (raw HTML dropped unless the site allows it),
// fills the Page view model, and executes the theme's html/template
// layouts. It returns files in memory; writing them is package output's
// job.
//
// Every word a page prints comes from data: the theme's UI strings
// (i18n/<lang>.toml; words.go lists those Go reads rather than a layout)
// and the library's phrases (clauses/<lang>/phrases.toml, through the
// contract: the calculation's labels).
package render
