package render

import (
	"bytes"
	"html/template"
	"sync"
)

// A contract page repeats, course after course, the same clauses under
// the same numbers. The contract layout may define a template "clause"
// (one clause of the body) and "toc-clause" (its line in the table of
// contents); the page then prints each clause's ClauseView.Block and
// .Entry, made by those templates, and a block whose text many contracts
// share is made once and kept.

// blockKey is one block of one language's contract layout.
type blockKey struct {
	lang, name string
	clause     ClauseView // without Block and Entry
}

// maxBlocks bounds the blocks kept.
const maxBlocks = 1 << 16

type blockCache struct {
	mu     sync.RWMutex
	blocks map[blockKey]template.HTML
}

// contractUses says which block templates a language's contract layout
// defines.
type contractUses struct {
	block, entry bool
}

func contractUsesOf(set *template.Template) contractUses {
	return contractUses{block: set.Lookup("clause") != nil, entry: set.Lookup("toc-clause") != nil}
}

// clauseBlocks fills in v's Block and Entry where the layout defines
// them. keep says whether v's body is one that other contracts print too
// (its Markdown was seen before); only then is its Block kept. An entry,
// a number and a title, is always kept.
func (r *Renderer) clauseBlocks(l string, v *ClauseView, keep bool) error {
	uses := r.theme.contractUses[l]
	var err error
	if uses.entry {
		if v.Entry, err = r.block(l, "toc-clause", *v, true); err != nil {
			return err
		}
	}
	if uses.block {
		if v.Block, err = r.block(l, "clause", *v, keep); err != nil {
			return err
		}
	}
	return nil
}

// block returns the HTML the contract layout's template name makes of v.
func (r *Renderer) block(l, name string, v ClauseView, keep bool) (template.HTML, error) {
	v.Block, v.Entry = "", ""
	key := blockKey{lang: l, name: name, clause: v}
	if name == "toc-clause" {
		key.clause.Body = "" // the entry does not show the body
	}
	if keep {
		r.blocks.mu.RLock()
		html, ok := r.blocks.blocks[key]
		r.blocks.mu.RUnlock()
		if ok {
			return html, nil
		}
	}
	var b bytes.Buffer
	lt := r.theme.layouts[l+"/contract"]
	if err := lt.execute(&b, name, v); err != nil {
		return "", r.theme.templateError(lt, err, r.theme.from.Dir)
	}
	html := template.HTML(b.String())
	if keep {
		r.blocks.mu.Lock()
		if len(r.blocks.blocks) < maxBlocks {
			r.blocks.blocks[key] = html
		}
		r.blocks.mu.Unlock()
	}
	return html, nil
}
