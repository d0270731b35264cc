package render

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/edition"
	"github.com/oferta-dev/oferta/generator/lang"
)

// FeedPath is where Feed's file goes.
const FeedPath = "feed.xml"

// Feed is the Atom feed (RFC 4287) of a site's contract editions: one
// entry per course and frozen edition, newest first, each with a summary
// of what changed against the course's previous edition, its fingerprint
// and, for a scheduled edition, the day it comes into force. The same
// editions give the same bytes: every date is an edition's date, never
// the build's. Links are absolute when the site has a base_url and
// relative to the feed otherwise. Entry ids are tag: URIs on the
// base_url's host (tag:school.example,2026-11-01:smm/oferta/2026-11-01/),
// or name-based urn:uuid: URIs without one; both never change for an
// edition.
func (r *Renderer) Feed(contracts []*contract.Contract, statuses []edition.Status) File {
	cfg := r.site.Config
	def := cfg.DefaultLanguage()
	type entry struct {
		date   time.Time
		course string
		xml    []byte
	}
	var entries []entry
	updated, first := time.Time{}, cfg.Edition
	host, prefix := "", ""
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Hostname() != "" {
		host, prefix = u.Hostname(), strings.TrimPrefix(u.Path, "/")
	}
	for i, k := range contracts {
		if i >= len(statuses) {
			break
		}
		st := statuses[i]
		frozen := st.Frozen()
		dir := contract.CoursePath(r.site, k.Course) + "oferta/"
		for j, d := range frozen {
			iso := d.Date.Format("2006-01-02")
			href := dir + iso + "/"
			var prev *edition.Doc
			if j > 0 {
				prev = frozen[j-1]
			}
			var sum strings.Builder
			coming := d.Date.After(r.site.Today) && !st.Stale
			if coming {
				sum.WriteString(r.ui(k.Lang, "feed_coming", "date", lang.Date(k.Lang, d.Date)))
				sum.WriteString("\n")
			}
			if prev == nil {
				sum.WriteString(r.ui(k.Lang, "feed_first"))
			} else {
				changes := edition.Compare(prev, d)
				sum.WriteString(r.ui(k.Lang, "feed_changes", "date", lang.Date(k.Lang, prev.Date), "count", strconv.Itoa(len(changes))))
				for _, c := range changes {
					sum.WriteString("\n" + r.feedChange(k.Lang, c))
				}
			}
			fmt.Fprintf(&sum, "\nSHA-256 (%s.md): %s", k.Course.Slug, d.SHA256)
			var b bytes.Buffer
			b.WriteString("  <entry xml:lang=\"" + k.Lang + "\">\n")
			writeElem(&b, "    ", "title", r.ui(k.Lang, "feed_entry_title", "course", d.Title, "date", lang.Date(k.Lang, d.Date)))
			writeElem(&b, "    ", "id", entryID(host, prefix, href, d.Date))
			writeElem(&b, "    ", "published", iso+"T00:00:00Z")
			writeElem(&b, "    ", "updated", iso+"T00:00:00Z")
			b.WriteString("    <link rel=\"alternate\" type=\"text/html\" href=\"")
			xml.EscapeText(&b, []byte(r.feedHref(href)))
			b.WriteString("\"/>\n")
			b.WriteString("    <summary type=\"text\">")
			b.WriteString(xmlText.Replace(sum.String())) // line breaks kept as they are
			b.WriteString("</summary>\n  </entry>\n")
			entries = append(entries, entry{d.Date, k.Lang + "/" + k.Course.Slug, b.Bytes()})
			if d.Date.After(updated) {
				updated = d.Date
			}
			if d.Date.Before(first) {
				first = d.Date
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if !entries[i].date.Equal(entries[j].date) {
			return entries[i].date.After(entries[j].date)
		}
		return entries[i].course < entries[j].course
	})
	if updated.IsZero() {
		updated = cfg.Edition
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + def + `">` + "\n")
	writeElem(&b, "  ", "title", r.ui(def, "feed_title", "site", cfg.Title))
	writeElem(&b, "  ", "subtitle", r.ui(def, "feed_subtitle"))
	writeElem(&b, "  ", "id", feedID(host, prefix, first, cfg.Title))
	writeElem(&b, "  ", "updated", updated.Format("2006-01-02")+"T00:00:00Z")
	b.WriteString("  <author>\n")
	writeElem(&b, "    ", "name", cfg.Seller.Name)
	if strings.Contains(cfg.Seller.Email, "@") {
		writeElem(&b, "    ", "email", cfg.Seller.Email)
	}
	b.WriteString("  </author>\n")
	for _, l := range []struct{ rel, href string }{{"self", FeedPath}, {"alternate", ""}} {
		b.WriteString(`  <link rel="` + l.rel + `" href="`)
		h := r.feedHref(l.href)
		if h == "" {
			h = "./"
		}
		xml.EscapeText(&b, []byte(h))
		b.WriteString("\"/>\n")
	}
	writeElem(&b, "  ", "generator", "oferta")
	for _, e := range entries {
		b.Write(e.xml)
	}
	b.WriteString("</feed>\n")
	return File{Path: FeedPath, Data: b.Bytes()}
}

// feedHref is a path from the site root as the feed links it: absolute
// with a base_url, relative to feed.xml (at the root) without.
func (r *Renderer) feedHref(p string) string { return r.site.Config.BaseURL + p }

// entryID is an edition's permanent id.
// With a base_url it is a tag: URI (RFC 4151) on its host, dated with the
// edition: tag:school.example,2026-11-01:smm/oferta/2026-11-01/.
func entryID(host, prefix, href string, date time.Time) string {
	if host != "" {
		return "tag:" + host + "," + date.Format("2006-01-02") + ":" + prefix + href
	}
	return nameUUID("oferta-edition:" + href)
}

// feedID is the feed's permanent id, dated with the site's first edition.
func feedID(host, prefix string, first time.Time, title string) string {
	if host != "" {
		return "tag:" + host + "," + first.Format("2006-01-02") + ":" + prefix + FeedPath
	}
	return nameUUID("oferta-feed:" + title)
}

// nameUUID is a name-based (version 5, SHA-1) UUID URN: the same name
// always gives the same id.
func nameUUID(name string) string {
	sum := sha1.Sum([]byte(name))
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// xmlText escapes character data, keeping line breaks.
var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")

func writeElem(b *bytes.Buffer, indent, name, text string) {
	b.WriteString(indent + "<" + name + ">")
	xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">\n")
}

// feedChange is one clause change in a line: its kind, number and title,
// and for a changed clause a short redline, [-deleted-] {+inserted+}.
func (r *Renderer) feedChange(l string, c edition.Change) string {
	num := c.NewNumber
	if num == "" {
		num = c.OldNumber
	}
	line := r.ui(l, "feed_change", "kind", r.ui(l, feedKinds[c.Kind]), "number", num, "title", c.Title)
	if c.Kind != edition.Changed {
		return line
	}
	var b strings.Builder
	for i, wd := range c.Words {
		text := strings.Join(strings.Fields(edition.Plain(wd.Text)), " ")
		switch wd.Op {
		case '-':
			b.WriteString("[-" + text + "-]")
		case '+':
			b.WriteString("{+" + text + "+}")
		default:
			r := []rune(text)
			const ctx = 30
			switch {
			case i == 0 && len(r) > ctx:
				text = "…" + string(r[len(r)-ctx:])
			case i == len(c.Words)-1 && len(r) > ctx:
				text = string(r[:ctx]) + "…"
			case len(r) > 2*ctx:
				text = string(r[:ctx]) + " … " + string(r[len(r)-ctx:])
			}
			b.WriteString(" " + strings.TrimFunc(text, unicode.IsSpace) + " ")
		}
	}
	return line + ": " + strings.Join(strings.Fields(b.String()), " ")
}

// feedKinds are the UI strings that name a kind of clause change.
var feedKinds = map[string]string{edition.Added: "feed_added", edition.Removed: "feed_removed", edition.Moved: "feed_moved", edition.Changed: "feed_changed"}
