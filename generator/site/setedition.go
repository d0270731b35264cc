package site

import (
	"regexp"
	"strings"
	"time"
)

var editionLine = regexp.MustCompile(`^(\s*edition\s*=\s*)([^#]*?)(\s*(#.*)?)$`)

// SetEdition returns the text of an oferta.toml with its top-level
// `edition` key set to date, changing nothing else: the one line is
// edited in place, keeping its comment, or, when the key is missing,
// added after the last top-level key (before the first table). Line
// endings are kept.
func SetEdition(src string, date time.Time) string {
	nl := "\n"
	if strings.Contains(src, "\r\n") {
		nl = "\r\n"
	}
	lines := strings.Split(src, nl)
	value := date.Format("2006-01-02")
	lastKey := -1
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			break // the first table: top-level keys end here
		}
		if m := editionLine.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + value + m[3]
			return strings.Join(lines, nl)
		}
		if t != "" && !strings.HasPrefix(t, "#") {
			lastKey = i
		}
	}
	add := "edition = " + value + "                 # the contract edition in force (set by oferta freeze --date)"
	at := lastKey + 1
	if lastKey < 0 {
		// No top-level key: after the leading comments.
		for at < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[at]), "#") {
			at++
		}
	}
	lines = append(lines[:at], append([]string{add}, lines[at:]...)...)
	return strings.Join(lines, nl)
}
