package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/site"
)

func runFreeze(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "freeze", "freeze [--date YYYY-MM-DD] [--force] [-s DIR]")
	dir := fs.String("s", ".", "the site `folder`")
	dateText := fs.String("date", "", "the new edition's `date`; also sets edition in oferta.toml (default: the edition date in oferta.toml)")
	force := fs.Bool("force", false, "replace an edition already frozen with this date, or record the refund terms of an edition frozen with its text only")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitBadInput
	}
	var date time.Time
	if *dateText != "" {
		if date, err = time.Parse("2006-01-02", *dateText); err != nil {
			fmt.Fprintf(e.stderr, "oferta freeze: --date %q is not a date like 2026-11-01\n", *dateText)
			return exitBadInput
		}
	}
	checked, err := pipeline.CheckContext(ctx, *dir, e.builtin)
	if err != nil {
		return inputError(ctx, e, *dir, err)
	}
	// The contract states its edition date (edition in oferta.toml), so
	// an edition is frozen with exactly that date: --date sets it there
	// first, editing that one line, and puts the file back as it was when
	// nothing is frozen.
	restore := func() {}
	setDate := false
	if *dateText != "" && !date.Equal(checked.Site.Config.Edition) {
		file := filepath.Join(*dir, "oferta.toml")
		orig := []byte(checked.Site.ConfigSource)
		if err := os.WriteFile(file, []byte(site.SetEdition(string(orig), date)), 0o644); err != nil {
			fmt.Fprintf(e.stderr, "oferta freeze: %v\n", err)
			return exitBadInput
		}
		restore = func() { os.WriteFile(file, orig, 0o644) }
		setDate = true
		if checked, err = pipeline.CheckContext(ctx, *dir, e.builtin); err != nil {
			restore()
			return inputError(ctx, e, *dir, err)
		}
	}
	code := freeze(ctx, e, *dir, checked, *force)
	if code == nothingToFreeze {
		restore()
		return exitOK
	}
	if code != exitOK {
		restore()
		return code
	}
	if setDate {
		fmt.Fprintf(e.stdout, "set edition = %s in %s\n", date.Format("2006-01-02"), sitePath(*dir, "oferta.toml"))
	}
	return exitOK
}

// nothingToFreeze is freeze's answer when no contract changed since its
// latest edition and oferta.toml names a later date: runFreeze then puts
// oferta.toml back and exits 0.
const nothingToFreeze = -1

// freeze records every contract that changed since its latest edition,
// with its refund terms, as the edition of oferta.toml's date. It writes
// nothing when it refuses.
func freeze(ctx context.Context, e *env, dir string, checked *pipeline.Checked, force bool) int {
	date := checked.Site.Config.Edition
	iso := date.Format("2006-01-02")
	// A frozen edition must be publishable: every lint error but the one
	// freezing fixes blocks it.
	var blocking []lint.Finding
	for _, f := range relocate(dir, checked.Findings) {
		if f.Severity == lint.Error && f.Rule != "edition/stale" {
			blocking = append(blocking, f)
		}
	}
	if len(blocking) > 0 {
		lint.WriteText(e.stderr, blocking)
		fmt.Fprintf(e.stderr, "oferta freeze: fix the errors above first; nothing was frozen\n")
		return exitBadInput
	}
	// Decide everything before writing anything, so that a refusal leaves
	// no half-written edition behind.
	type frozen struct {
		rel  string
		data []byte
	}
	var todo []frozen
	unchanged, texts, termsOnly := 0, 0, 0
	for i, k := range checked.Contracts {
		st := checked.Status[i]
		base := filepath.Join("editions", iso, k.Lang, k.Course.Slug)
		terms := edition.TermsFromContract(k, date)
		if st.Latest != nil && !st.Stale {
			// The text reads as its latest edition. One frozen before
			// oferta recorded terms gets them with --force: its text
			// states the same price, percentages and formula.
			if force && st.Latest.Terms == nil && terms != nil && st.Latest.Date.Equal(date) {
				todo = append(todo, frozen{base + ".toml", terms.Marshal()})
				termsOnly++
				continue
			}
			unchanged++
			continue
		}
		switch {
		case st.Latest != nil && date.Before(st.Latest.Date):
			fmt.Fprintf(e.stderr, "oferta freeze: %s already has an edition of %s, later than %s; nothing was frozen\n", k.Course.Slug, st.Latest.Date.Format("2006-01-02"), iso)
			return exitBadInput
		case st.Latest != nil && date.Equal(st.Latest.Date) && !force:
			fmt.Fprintf(e.stderr, "oferta freeze: %s already holds the edition of %s, which clients may have accepted; run %s for a new edition, or add --force to replace it; nothing was frozen\n",
				sitePath(dir, filepath.ToSlash(base+".md")), iso, edition.FreezeCommand(st, date, checked.Site.Today))
			return exitBadInput
		}
		todo = append(todo, frozen{base + ".md", edition.FromContract(k, date).Marshal()})
		texts++
		if terms != nil {
			todo = append(todo, frozen{base + ".toml", terms.Marshal()})
		}
	}
	if len(todo) == 0 && checked.Site.Config.Edition.After(latestDate(checked)) {
		fmt.Fprintf(e.stdout, "no contract changed since its latest edition: nothing to freeze as the edition of %s; oferta.toml is left as it was\n", iso)
		return nothingToFreeze
	}
	if ctx.Err() != nil {
		return interrupted(e)
	}
	for _, f := range todo {
		full := filepath.Join(dir, f.rel)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fmt.Fprintf(e.stderr, "oferta freeze: %v\n", err)
			return exitBadInput
		}
		if err := os.WriteFile(full, f.data, 0o644); err != nil {
			fmt.Fprintf(e.stderr, "oferta freeze: %v\n", err)
			return exitBadInput
		}
		fmt.Fprintf(e.stdout, "froze %s\n", sitePath(dir, filepath.ToSlash(f.rel)))
	}
	msg := fmt.Sprintf("edition %s: %d %s frozen", iso, texts, plural(texts, "contract", "contracts"))
	if termsOnly > 0 {
		msg += fmt.Sprintf(", refund terms recorded beside %d unchanged %s", termsOnly, plural(termsOnly, "text", "texts"))
	}
	fmt.Fprintf(e.stdout, "%s, %d unchanged since their latest edition\n", msg, unchanged)
	if date.After(checked.Site.Today) {
		fmt.Fprintf(e.stdout, "the edition of %s is scheduled: the site shows it as coming and keeps the edition in force until that day\n", iso)
	}
	return exitOK
}

// latestDate is the date of the latest frozen edition of any course.
func latestDate(c *pipeline.Checked) time.Time {
	var d time.Time
	for _, st := range c.Status {
		if st.Latest != nil && st.Latest.Date.After(d) {
			d = st.Latest.Date
		}
	}
	return d
}

func runDiff(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "diff", "diff [--format text|markdown|json|docx] [-o FILE] [-s DIR]")
	dir := fs.String("s", ".", "the site `folder`")
	format := fs.String("format", "text", "output: text, markdown (for a pull-request comment), json or docx (Word, with tracked changes)")
	outFile := fs.String("o", "", "write to this `file` instead of standard output (needed for docx on a terminal)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageError(e, fs, err)
	}
	if len(pos) > 0 {
		fs.Usage()
		return exitBadInput
	}
	if *format != "text" && *format != "markdown" && *format != "json" && *format != "docx" {
		fmt.Fprintf(e.stderr, "oferta diff: unknown format %q; use text, markdown, json or docx\n", *format)
		return exitBadInput
	}
	checked, err := pipeline.CheckContext(ctx, *dir, e.builtin)
	if err != nil {
		return inputError(ctx, e, *dir, err)
	}
	courses, impacts := edition.Report(checked.Status)
	if *format == "docx" || *outFile != "" {
		return diffToFile(e, checked, *format, *outFile, courses, impacts)
	}
	switch *format {
	case "json":
		writeDiffJSON(e.stdout, courses, impacts, frozenEditions(checked))
	case "markdown":
		writeDiffMarkdown(e.stdout, courses, impacts)
	default:
		writeDiffText(e.stdout, courses, impacts)
	}
	return exitOK
}

func writeDiffText(w io.Writer, courses []edition.CourseChange, impacts []edition.Impact) {
	if len(courses) == 0 {
		fmt.Fprintln(w, "no changes: every contract reads as its latest frozen edition")
		return
	}
	for _, im := range impacts {
		c := im.Change
		fmt.Fprintf(w, "%s %s «%s» (%s) — %d %s: %s\n", c.Kind, c.ID, c.Title, numbers(c), len(im.Courses), plural(len(im.Courses), "course", "courses"), strings.Join(im.Courses, ", "))
		if len(c.Words) > 0 && c.Kind == edition.Changed {
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(redlineText(c.Words), "\n", "\n    "))
		}
	}
	for _, cc := range courses {
		if cc.New {
			fmt.Fprintf(w, "new %s «%s»: no edition frozen yet\n", cc.Course, cc.Title)
		}
	}
	fmt.Fprintf(w, "%d %s changed; record them with: oferta freeze\n", len(courses), plural(len(courses), "contract", "contracts"))
}

func numbers(c edition.Change) string {
	switch {
	case c.OldNumber == "":
		return c.NewNumber
	case c.NewNumber == "" || c.NewNumber == c.OldNumber:
		return c.OldNumber
	}
	return c.OldNumber + " → " + c.NewNumber
}

// redlineText marks deletions [-like this-] and insertions {+like this+}.
func redlineText(ws []edition.Word) string {
	var b strings.Builder
	for _, w := range compact(ws) {
		switch w.Op {
		case '-':
			b.WriteString("[-" + w.Text + "-]")
		case '+':
			b.WriteString("{+" + w.Text + "+}")
		default:
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

func writeDiffMarkdown(w io.Writer, courses []edition.CourseChange, impacts []edition.Impact) {
	fmt.Fprintln(w, "## Contract changes")
	fmt.Fprintln(w)
	if len(courses) == 0 {
		fmt.Fprintln(w, "No changes: every contract reads as its latest frozen edition.")
		return
	}
	fmt.Fprintf(w, "%d %s change. Deleted words are ~~struck through~~, new words **bold**.\n\n", len(courses), plural(len(courses), "contract", "contracts"))
	for _, im := range impacts {
		c := im.Change
		fmt.Fprintf(w, "### %s `%s` — %s\n\n", c.Kind, c.ID, mdEscape(c.Title))
		fmt.Fprintf(w, "Clause %s in %d %s: %s\n\n", numbers(c), len(im.Courses), plural(len(im.Courses), "course", "courses"), "`"+strings.Join(im.Courses, "`, `")+"`")
		if c.Kind == edition.Changed {
			for _, para := range strings.Split(redlineMarkdown(c.Words), "\n") {
				fmt.Fprintf(w, "> %s\n", para)
			}
			fmt.Fprintln(w)
		}
	}
	for _, cc := range courses {
		if cc.New {
			fmt.Fprintf(w, "- new course `%s` (%s): no edition frozen yet\n", cc.Course, mdEscape(cc.Title))
		}
	}
}

func redlineMarkdown(ws []edition.Word) string {
	var b strings.Builder
	for _, w := range compact(ws) {
		text := w.Text
		core := strings.TrimRightFunc(text, unicode.IsSpace)
		trail := text[len(core):]
		switch {
		case core == "":
			b.WriteString(text)
		case w.Op == '-':
			b.WriteString("~~" + core + "~~" + trail)
		case w.Op == '+':
			b.WriteString("**" + core + "**" + trail)
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// compact shortens the unchanged text of a redline to a few words of
// context around each change, and shows Markdown escapes as plain text.
func compact(ws []edition.Word) []edition.Word {
	const context = 60 // characters kept on each side of a change
	out := make([]edition.Word, 0, len(ws))
	for i, w := range ws {
		w.Text = edition.Plain(w.Text)
		if w.Op == '=' {
			r := []rune(w.Text)
			first, last := i == 0, i == len(ws)-1
			switch {
			case first && len(r) > context:
				w.Text = "…" + tail(r, context)
			case last && len(r) > context:
				w.Text = head(r, context) + "…"
			case !first && !last && len(r) > 2*context:
				w.Text = head(r, context) + " … " + tail(r, context)
			}
		}
		out = append(out, w)
	}
	return out
}

// head returns about n runes from the start of r, ending at a space.
func head(r []rune, n int) string {
	for n < len(r) && !unicode.IsSpace(r[n]) {
		n++
	}
	return string(r[:n])
}

// tail returns about n runes from the end of r, starting after a space.
func tail(r []rune, n int) string {
	i := len(r) - n
	for i > 0 && !unicode.IsSpace(r[i-1]) {
		i--
	}
	return string(r[i:])
}

func mdEscape(s string) string {
	return strings.NewReplacer("*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`).Replace(s)
}

// frozenEdition is one frozen edition in `oferta diff --format json`.
type frozenEdition struct {
	Course string `json:"course"` // "lang/slug"
	Date   string `json:"date"`
	State  string `json:"state"` // in-force | coming | earlier
	File   string `json:"file"`
	// SHA256 is the SHA-256 of the file's bytes, as `sha256sum FILE`
	// prints it.
	SHA256    string `json:"sha256"`
	TermsFile string `json:"terms_file,omitempty"` // "" when frozen with its text only
}

// frozenEditions lists every frozen edition of every course, by course,
// then date.
func frozenEditions(c *pipeline.Checked) []frozenEdition {
	out := []frozenEdition{}
	for i, k := range c.Contracts {
		st := c.Status[i]
		for _, d := range st.Frozen() {
			state := "earlier"
			switch {
			case d == st.InForceDoc:
				state = "in-force"
			case d.Date.After(st.InForce) && !st.Stale:
				state = "coming"
			}
			fe := frozenEdition{Course: k.Lang + "/" + k.Course.Slug, Date: d.Date.Format("2006-01-02"), State: state, File: d.File, SHA256: d.SHA256}
			if d.Terms != nil {
				fe.TermsFile = d.Terms.File
			}
			out = append(out, fe)
		}
	}
	return out
}

func writeDiffJSON(w io.Writer, courses []edition.CourseChange, impacts []edition.Impact, editions []frozenEdition) {
	type word struct {
		Op   string `json:"op"`
		Text string `json:"text"`
	}
	type clause struct {
		Kind      string   `json:"kind"`
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		OldNumber string   `json:"old_number,omitempty"`
		NewNumber string   `json:"new_number,omitempty"`
		Courses   []string `json:"courses"`
		Words     []word   `json:"words,omitempty"`
	}
	type course struct {
		Course string `json:"course"`
		Title  string `json:"title"`
		Latest string `json:"latest_edition,omitempty"`
		SHA256 string `json:"latest_sha256,omitempty"`
		New    bool   `json:"new,omitempty"`
	}
	out := struct {
		Clauses  []clause        `json:"clauses"`
		Courses  []course        `json:"courses"`
		Editions []frozenEdition `json:"editions"`
	}{Clauses: []clause{}, Courses: []course{}, Editions: editions}
	latestSum := map[string]string{}
	for _, fe := range editions {
		latestSum[fe.Course+"@"+fe.Date] = fe.SHA256
	}
	for _, im := range impacts {
		c := im.Change
		cl := clause{Kind: c.Kind, ID: c.ID, Title: c.Title, OldNumber: c.OldNumber, NewNumber: c.NewNumber, Courses: im.Courses}
		for _, wd := range c.Words {
			cl.Words = append(cl.Words, word{Op: string(wd.Op), Text: wd.Text})
		}
		out.Clauses = append(out.Clauses, cl)
	}
	for _, cc := range courses {
		out.Courses = append(out.Courses, course{Course: cc.Course, Title: cc.Title, Latest: cc.Latest, SHA256: latestSum[cc.Course+"@"+cc.Latest], New: cc.New})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
