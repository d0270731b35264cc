package main

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/oferta-dev/oferta/generator/docx"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/pipeline"
)

// diffToFile writes `oferta diff` to -o FILE (or a Word document to
// standard output when it is not a terminal).
func diffToFile(e *env, checked *pipeline.Checked, format, out string, courses []edition.CourseChange, impacts []edition.Impact) int {
	var b bytes.Buffer
	switch format {
	case "docx":
		data, err := docx.Changes(courses, docx.ChangesInfo{
			Title: "Contract changes against the latest frozen editions",
			Against: func(latest string) string {
				return "Tracked changes against the edition of " + latest + ": accept or reject each one (Review → Accept/Reject)."
			},
			Date: changesDate(checked, courses),
			Lang: checked.Site.Config.DefaultLanguage(),
		})
		if err != nil {
			fmt.Fprintln(e.stderr, "oferta diff:", err)
			return exitBadInput
		}
		b.Write(data)
	case "json":
		writeDiffJSON(&b, courses, impacts, frozenEditions(checked))
	case "markdown":
		writeDiffMarkdown(&b, courses, impacts)
	default:
		writeDiffText(&b, courses, impacts)
	}
	if out == "" || out == "-" {
		if f, ok := e.stdout.(*os.File); ok && format == "docx" {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				fmt.Fprintln(e.stderr, "oferta diff: a Word document is not for the terminal; write it to a file with -o FILE")
				return exitBadInput
			}
		}
		e.stdout.Write(b.Bytes())
		return exitOK
	}
	if err := writeFileAtomic(out, b.Bytes()); err != nil {
		fmt.Fprintln(e.stderr, "oferta diff:", err)
		return exitBadInput
	}
	return exitOK
}

// changesDate is the date the tracked changes carry: the date of the
// edition they will make, which is the site's `edition` when it is set
// after every course's latest frozen edition, and the build date
// otherwise (OFERTA_TODAY fixes it).
func changesDate(checked *pipeline.Checked, courses []edition.CourseChange) time.Time {
	d := checked.Site.Config.Edition
	for _, cc := range courses {
		if latest, err := time.Parse("2006-01-02", cc.Latest); err == nil && !d.After(latest) {
			return checked.Site.Today
		}
	}
	if d.IsZero() {
		return checked.Site.Today
	}
	return d
}
