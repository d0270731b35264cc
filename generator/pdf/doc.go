// Package pdf prints pages to PDF through a Chromium or Chrome installed
// on the machine, driven over the DevTools protocol (chromedp).
//
// The pages are rendered in-process by package render, the same renderer
// the build uses, and served to the browser from memory on a loopback
// address that only this process knows: nothing is fetched from the
// network. Chromium's print stylesheet handling gives the same layout as
// a browser's "Print to PDF"; the PDF is tagged (accessible structure),
// carries an outline built from the headings (bookmarks for sections)
// and takes its Title metadata from the page's <title>. Fonts are
// embedded by Chromium, subset to the glyphs used.
package pdf
