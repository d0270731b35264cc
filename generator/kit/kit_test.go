package kit

import (
	"slices"
	"strings"
	"testing"
)

// Every language's texts parse, list the same documents in the same
// order, and name a jurisdiction for each (the texts cite its law).
func TestTextsComplete(t *testing.T) {
	var ids [][]string
	for _, l := range []string{"ru", "en"} {
		tx, err := loadTexts(l)
		if err != nil {
			t.Fatal(err)
		}
		var these []string
		for _, d := range tx.Docs {
			these = append(these, d.ID)
			if len(d.Jurisdictions) == 0 {
				t.Errorf("%s: doc %q names no jurisdiction", l, d.ID)
			}
			for _, src := range []string{d.Title, d.Note, d.Subject, d.Body} {
				if strings.TrimSpace(src) == "" {
					t.Errorf("%s: doc %q has an empty part", l, d.ID)
				}
				if _, err := fill(l, d.ID, src, docData{}); err != nil {
					t.Errorf("%s: %v", l, err)
				}
			}
		}
		ids = append(ids, these)
		for _, s := range []string{tx.IndexTitle, tx.IndexIntro, tx.Subject, tx.Copy, tx.Copied, tx.CopyFailed, tx.Empty} {
			if s == "" {
				t.Errorf("%s: an index label is empty", l)
			}
		}
	}
	if !slices.Equal(ids[0], ids[1]) {
		t.Errorf("ru and en list different documents: %v, %v", ids[0], ids[1])
	}
	want := []string{"request-statement", "reply-accepted", "reply-partial", "request-details"}
	if !slices.Equal(ids[0], want) {
		t.Errorf("documents %v, want %v", ids[0], want)
	}
}
