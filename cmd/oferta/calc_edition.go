package main

import (
	"errors"
	"fmt"
	"path"
	"time"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
)

// calcEdition picks the contract edition a refund is computed under: the
// one in force on paidOn ("" for the build date), and returns the course's
// contract with that edition's recorded terms, and the edition's date and
// permanent address. Its errors are bad input (exit 2), worded for the
// user.
func calcEdition(c *pipeline.Checked, k *contract.Contract, paidOn string) (*contract.Contract, render.EditionRef, error) {
	i := indexOf(c, k)
	st := c.Status[i]
	s := c.Site
	dir := contract.CoursePath(s, k.Course) + "oferta/"
	ref := func(d *edition.Doc) render.EditionRef {
		return render.EditionRef{Date: d.Date, Href: dir + d.Date.Format("2006-01-02") + "/"}
	}
	current := render.EditionRef{Date: st.InForce, Href: dir}
	if st.InForceDoc != nil {
		current = ref(st.InForceDoc)
	}
	under := func(d *edition.Doc) (*contract.Contract, render.EditionRef, error) {
		if !st.Stale && d == st.Latest {
			// The text in force reads exactly as this edition, which
			// states the price, percentages, deadlines and formula.
			return k, ref(d), nil
		}
		u, err := d.Contract(k)
		if errors.Is(err, edition.ErrNoTerms) {
			return nil, render.EditionRef{}, fmt.Errorf("the edition of %s of %s was frozen before oferta recorded refund terms (%s is missing), so its formula and numbers are not on record: compute this refund by hand from that edition's text, %s, or, if you know them, write the terms file as README \"Editions\" shows",
				d.Date.Format("2006-01-02"), k.Course.Slug, path.Join("editions", d.Date.Format("2006-01-02"), d.Lang, d.Course+".toml"), d.File)
		}
		if err != nil {
			return nil, render.EditionRef{}, fmt.Errorf("%s: %v", d.Terms.File, err)
		}
		return u, ref(d), nil
	}
	if paidOn == "" {
		if st.Live() {
			return k, current, nil
		}
		return under(st.InForceDoc)
	}
	day, err := time.Parse("2006-01-02", paidOn)
	if err != nil {
		return nil, render.EditionRef{}, fmt.Errorf("--paid-on %q is not a date like 2026-10-15 (YYYY-MM-DD)", paidOn)
	}
	if day.After(s.Today) {
		return nil, render.EditionRef{}, fmt.Errorf("--paid-on %s is after today (%s): a refund is computed for a payment already made", paidOn, s.Today.Format("2006-01-02"))
	}
	frozen := c.History.Of(k.Lang, k.Course.Slug)
	if len(frozen) == 0 {
		// No edition frozen yet: the current contract is the only one,
		// stated as the edition of oferta.toml.
		if day.Before(st.InForce) {
			return nil, render.EditionRef{}, fmt.Errorf("--paid-on %s is before the first edition of %s's contract (%s): no edition of it was in force that day", paidOn, k.Course.Slug, st.InForce.Format("2006-01-02"))
		}
		return k, current, nil
	}
	d := c.History.At(k.Lang, k.Course.Slug, day)
	if d == nil {
		return nil, render.EditionRef{}, fmt.Errorf("--paid-on %s is before the first edition of %s's contract (%s): no edition of it was in force that day", paidOn, k.Course.Slug, frozen[0].Date.Format("2006-01-02"))
	}
	if st.Stale && !day.Before(st.InForce) && st.InForce.After(d.Date) {
		// Not frozen yet: the current text is the edition of oferta.toml.
		return k, current, nil
	}
	return under(d)
}

func indexOf(c *pipeline.Checked, k *contract.Contract) int {
	for i, x := range c.Contracts {
		if x == k {
			return i
		}
	}
	return -1
}

// calcEditionLine names the edition in the text output, in the words of
// the course's library (calc.edition of phrases.toml).
func calcEditionLine(k *contract.Contract, baseURL string, ed render.EditionRef) string {
	return k.Phrases.Text("calc.edition", "date", lang.Date(k.Lang, ed.Date), "url", baseURL+ed.Href)
}
