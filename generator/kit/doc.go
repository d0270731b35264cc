// Package kit writes the seller's kit: the texts a seller sends clients
// about refunds, filled in for each course, which are never published.
// Today: the message asking a client for a refund statement, and replies
// that accept a refund, accept part of it with the calculation, or ask for
// missing details.
//
// The texts are data: texts/<lang>.toml holds, per language, the index
// page's labels and a list of documents, each a Go text/template with the
// course's data (see docData) and an optional list of jurisdictions it is
// written for. A new document — the EU checkout consent texts or the
// confirmation of a withdrawal — is one more [[doc]] entry with
// jurisdictions = ["eu", "de", "ro"].
//
// The kit is one Markdown file per course and document
// (<course path>/<doc id>.md) and an index.html that shows every text
// with a button to copy it. The output is deterministic: the same site
// gives the same bytes.
package kit
