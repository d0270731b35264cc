package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// The preview's own URLs. They start with "/_oferta/", which no page of a
// site can have: slugs start with a letter or digit.
const (
	eventsPath = "/_oferta/events"
	statusPath = "/_oferta/status"
	scriptPath = "/_oferta/live.js"
)

//go:embed live.js
var liveJS []byte

// ServeHTTP serves the built site from memory and the preview's own URLs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.Load().allows(r.Host) {
		refuseHost(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
	case statusPath:
		s.status(w, r)
	case scriptPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "live.js", time.Time{}, bytes.NewReader(liveJS))
	default:
		s.page(w, r)
	}
}

// page serves one file of the built site. Request paths are only ever
// keys into the in-memory site; nothing is read from disk.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	rel, ok := outputPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	sn := s.snap.Load()
	data, found := sn.file(rel)
	if !found {
		if _, dir := sn.file(rel + "/index.html"); dir {
			// Pages link relatively, so a folder is only right with its slash.
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		s.notFound(w, r, sn)
		return
	}
	ctype := contentType(rel)
	w.Header().Set("Content-Type", ctype)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, sn.version(rel))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// outputPath maps a URL path to a path of the built site: a folder means
// its index.html. Paths with "." or ".." segments are refused rather
// than cleaned, so that no request can name anything outside the site.
func outputPath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	rel := urlPath[1:]
	for _, seg := range strings.Split(rel, "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if strings.Contains(rel, "//") {
		return "", false
	}
	return rel, true
}

// notFound answers a path the site does not have with a small page that
// carries the preview script, so that it turns into the page as soon as a
// rebuild creates it.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, sn *snapshot) {
	code, title, text := http.StatusNotFound, "Not found", "This site has no page "+r.URL.Path+"."
	if !sn.built() {
		code, title, text = http.StatusServiceUnavailable, "Not built yet", "The site does not build yet: fix the errors shown, and this page reloads by itself."
	}
	page := fmt.Sprintf("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n<h1>%s</h1>\n<p>%s</p>\n</body>\n</html>\n",
		title, title, html.EscapeString(text))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(inject([]byte(page), ""))
	}
}

// inject adds the preview script before </body>, or at the end of a page
// without one. data is not modified.
func inject(data []byte, version string) []byte {
	tag := `<script id="oferta-reload" src="` + scriptPath + `" data-version="` + version + `"></script>` + "\n"
	i := bytes.LastIndex(bytes.ToLower(data), []byte("</body>"))
	if i < 0 {
		i = len(data)
	}
	out := make([]byte, 0, len(data)+len(tag))
	out = append(out, data[:i]...)
	out = append(out, tag...)
	return append(out, data[i:]...)
}

// contentType names the type of a built file by its extension; types the
// browser runs or renders are given explicitly, with their charset.
func contentType(p string) string {
	switch ext := path.Ext(p); ext {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
		return "application/octet-stream"
	}
}

// status is what the injected script shows: whether its page is current,
// the errors for the overlay and the page's lint findings for the panel.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	sn := s.snap.Load()
	rel, ok := outputPath(r.URL.Query().Get("page"))
	if !ok {
		rel = ""
	} else if _, found := sn.file(rel); found {
		s.view(rel)
	}
	st := statusJSON{Gen: sn.gen, Version: sn.version(rel), Draft: sn.draft, Errors: sn.problems, Busy: sn.slow, Findings: []findingJSON{}, Lint: "up to date"}
	if sn.checking {
		st.Lint = "checking"
	}
	if st.Errors == nil {
		st.Errors = []Problem{}
	}
	st.Stale = len(sn.problems) > 0 && !sn.draft
	st.Course = sn.courseOf(rel)
	for _, f := range sn.findings {
		if st.Course != "" && f.Course != "" && f.Course != st.Course {
			continue
		}
		st.Findings = append(st.Findings, findingJSON{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			File: f.File, Line: f.Line, Col: f.Col, Course: f.Course})
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.Encode(st)
}

type statusJSON struct {
	Gen     int    `json:"gen"`
	Version string `json:"version"` // "" when the page does not exist
	Course  string `json:"course,omitempty"`
	// Stale reports that the pages served are the last good ones, older
	// than the files on disk; Draft that they were built despite errors.
	Stale  bool      `json:"stale"`
	Draft  bool      `json:"draft"`
	Errors []Problem `json:"errors"`
	// Busy says that a rebuild has been running for a long time; the
	// pages are those of the last finished one.
	Busy     string        `json:"busy,omitempty"`
	Findings []findingJSON `json:"findings"`
	// Lint is "checking" while the whole site is checked after a change
	// (the findings are the previous ones), then "up to date".
	Lint string `json:"lint"`
}

type findingJSON struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Course   string `json:"course,omitempty"`
}

// events streams Server-Sent Events: "hello" on connecting, then
// "reload" after a rebuild that changed pages and "status" after one
// that did not. Each asks the page to fetch the status.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	// Each stream holds a connection and a goroutine for as long as the
	// page is open: a page that opens them in a loop must not exhaust
	// the server.
	if int(s.streams.Add(1)) > s.opts.MaxStreams {
		s.streams.Add(-1)
		w.Header().Set("Retry-After", "10")
		http.Error(w, fmt.Sprintf("too many open preview pages (%d): close some and this one reconnects", s.opts.MaxStreams), http.StatusServiceUnavailable)
		return
	}
	defer s.streams.Add(-1)
	ch, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 1000\n\nevent: hello\ndata: {\"gen\":%d}\n\n", s.snap.Load().gen)
	fl.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case m := <-ch:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
			fl.Flush()
		case <-ping.C:
			io.WriteString(w, ": ping\n\n")
			fl.Flush()
		}
	}
}
