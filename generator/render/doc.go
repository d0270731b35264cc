// Package render turns assembled contracts into pages: it runs clause
// Markdown through goldmark (raw HTML dropped unless the site allows it),
// fills the Page view model, and executes the theme's html/template
// layouts. It returns files in memory; writing them is package output's
// job.
package render
