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
//
// Render reads no file. Package site loads the theme (site.Theme: the
// layouts' and assets' bytes with their paths, the UI strings decoded);
// Compile parses and folds the layouts into a Theme, and Theme.Renderer
// makes the renderer of one site from it. An error in a layout, found
// when it is parsed or when a page executes it, is a *site.Error at the
// layout's real file ("themes/custom/layouts/faq.html"), line and rune
// column (themeerr.go). The preview server keeps a compiled Theme across
// rebuilds while the theme does not change (Theme.Compiled).
// TestRenderReadsNoFiles keeps it so.
//
// A large site executes the same layouts and converts the same clauses
// for thousands of courses, so both have shortcuts that never change a
// byte: the escaped layouts are executed without reflective calls where
// they use nothing else than the default theme does (fast.go, with
// html/template for the rest), and clause Markdown of plain paragraphs
// and bullet lists is converted unit by unit, each unit once (mdunits.go,
// with goldmark whole for the rest).
package render
