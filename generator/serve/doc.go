// Package serve is the live preview behind `oferta serve`: it builds a
// site into memory, serves it over HTTP and rebuilds what a saved file
// affects, so that a lawyer can keep the pages open while editing clauses
// and courses.
//
// The parts, each in its own file:
//
//   - watch.go: a recursive watch over oferta.toml, content/, clauses/,
//     themes/ and editions/ on top of a small Notifier interface (fsnotify
//     in production), with a quiet-period debounce that batches paths;
//   - rebuild.go: an incremental rebuild (package pipeline's Recheck and
//     RenderChanged) whose result is swapped in atomically, and only when
//     it succeeded; the server serves the pipeline's Pages as they are,
//     with no copy of its own. After a clause edit it first publishes a
//     pipeline.Preview, whose touched courses are rendered when asked for
//     (the pages tabs showed lately at once), then checks the whole site
//     (the panel says "lint: checking…", then "lint: up to date") and
//     renders it; a bad edit keeps the last good pages and is reported;
//     a rebuild superseded by a newer change is abandoned (its context is
//     cancelled), and one that runs longer than a few seconds is reported
//     to the open pages while it runs;
//   - server.go: the Server's life: start watching, first build, serve,
//     and a clean shutdown when the context ends;
//   - handler.go: the HTTP handler, which serves only files of the built
//     site from memory and injects the preview script into HTML responses;
//   - host.go: which Host headers are answered (the address listened on,
//     the loopback names, Options.AllowHosts), against DNS rebinding;
//   - hub.go: Server-Sent Events that tell open pages to check the status
//     (at most Options.MaxStreams at once);
//   - live.js: the injected script: reload when the page changed, an
//     overlay with the errors, a panel with the page's lint findings and
//     whether they are up to date.
//
// Built output never carries the script: it is added to responses only.
package serve
