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
// computable formula has no calculator and so no widget.
func (r *Renderer) addWidget(k *contract.Contract, st edition.Status, add func(kind, sub, title string, fill func(*Page) error) error, title string) error {
	terms := r.termsInForce(k, st)
	if terms == nil {
		return nil
	}
	return add("widget", WidgetDir, title, func(pg *Page) error {
		// Only the calculator and its first amount: not the questions and
		// answers, whose Markdown the FAQ page has rendered already.
		v := &FAQView{}
		if err := r.refundTable(k, v, terms); err != nil {
			return nil // lint reports the formula; the widget stays empty
		}
		if v.Calculator != nil {
			var err error
			if v.Calculator.Labels, err = stepLabels(contractInForce(k, st)); err != nil {
				return err
			}
		}
		pg.FAQ = v
		return nil
	})
}

// InSitemap reports whether a page belongs in the sitemap: every page but
// the widgets, which are not indexed.
func InSitemap(path string) bool {
	return !strings.HasSuffix(path, "/"+WidgetDir+"/index.html")
}
