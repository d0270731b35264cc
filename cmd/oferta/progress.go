package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// showProgress decides whether a build draws a progress line: only on a
// terminal, never with -q, never in CI (CI=true or any value but "false"
// or "0"), and not on a terminal that cannot move the cursor (TERM=dumb).
func showProgress(quiet, terminal bool, getenv func(string) string) bool {
	if quiet || !terminal {
		return false
	}
	switch ci := strings.ToLower(getenv("CI")); ci {
	case "", "false", "0":
	default:
		return false
	}
	return getenv("TERM") != "dumb"
}

// writerIsTerminal reports whether w is a terminal (see isTerminal); a
// redirection to a file or a pipe never is.
func writerIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// progressLine draws "building: 120/10000 courses" on one line of a
// terminal, overwritten in place. A short build shows nothing: the line
// appears only once the build has run for delay, and is redrawn at most
// every interval, so that drawing never slows a build down.
type progressLine struct {
	w               io.Writer
	now             func() time.Time
	start, last     time.Time
	delay, interval time.Duration
	shown           bool
}

func newProgressLine(w io.Writer, now func() time.Time) *progressLine {
	return &progressLine{w: w, now: now, start: now(), delay: 500 * time.Millisecond, interval: 100 * time.Millisecond}
}

// update is called after each course; done == total is the last call.
func (p *progressLine) update(done, total int) {
	t := p.now()
	if t.Sub(p.start) < p.delay || (t.Sub(p.last) < p.interval && done < total) {
		return
	}
	p.last, p.shown = t, true
	// "\r" returns to the line's start; "\x1b[K" erases what a longer
	// line left behind.
	fmt.Fprintf(p.w, "\rbuilding: %d/%d %s\x1b[K", done, total, plural(total, "course", "courses"))
}

// clear erases the line, so that the summary or an error starts clean.
func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
