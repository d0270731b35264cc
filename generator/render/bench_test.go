package render

import (
	"os"
	"testing"
)

// BenchmarkPages executes the default theme's layouts: one page of each
// kind, with the views of samplePage.
func BenchmarkPages(b *testing.B) {
	r, err := New(sampleSite(b, os.DirFS("../../themes/default"), "ru", "en"))
	if err != nil {
		b.Fatal(err)
	}
	var pages []*Page
	for _, kind := range pageKinds {
		pages = append(pages, samplePage(kind, "ru", "ru", false))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := r.page(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkNew compiles the default theme and makes a renderer, as a
// build does (the preview server compiles the theme only when it changed).
func BenchmarkNew(b *testing.B) {
	s := sampleSite(b, os.DirFS("../../themes/default"), "ru", "en")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(s); err != nil {
			b.Fatal(err)
		}
	}
}
