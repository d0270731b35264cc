package render

import (
	"strings"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
)

// WidgetDir is the folder of a course's calculator widget, under the
// course's folder: <slug>/widget/.
const WidgetDir = "widget"

// addWidget renders the course's stand-alone calculator: the FAQ page's
// calculator alone, for an <iframe> on another site. A course without a
// computable formula has no calculator and so no widget. faq is the FAQ
// page's view, whose table and calculator (with the same terms, those
// in force) the widget shows as they are.
func (r *Renderer) addWidget(k *contract.Contract, st edition.Status, faq *FAQView, add func(kind, sub, title string, fill func(*Page) error) error, title string) error {
	if r.termsInForce(k, st) == nil {
		return nil
	}
	return add("widget", WidgetDir, title, func(pg *Page) error {
		// Only the calculator and its first amount: not the questions and
		// answers. Without a calculator, the formula could not be
		// computed: lint reports it, and the widget stays empty.
		if faq != nil && faq.Calculator != nil {
			pg.FAQ = &FAQView{Table: faq.Table, Example: faq.Example, Calculator: faq.Calculator}
		}
		return nil
	})
}

// InSitemap reports whether a page belongs in the sitemap: every page but
// the widgets, which are not indexed.
func InSitemap(path string) bool {
	return !strings.HasSuffix(path, "/"+WidgetDir+"/index.html")
}
