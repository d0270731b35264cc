package render

import "testing"

// TestMarkGaps: a deletion and an insertion that touch get a space
// between them («14» → «10» must not read «1410»); pieces that already
// have one, or an unchanged piece between, get none.
func TestMarkGaps(t *testing.T) {
	ws := []WordView{{Op: "=", Text: "в течение "}, {Op: "-", Text: "14"}, {Op: "+", Text: "10"}, {Op: "=", Text: " дней, "},
		{Op: "-", Text: "старое "}, {Op: "+", Text: "новое"}, {Op: "=", Text: " и"}, {Op: "+", Text: "x"}}
	markGaps(ws)
	for i, want := range []bool{false, false, true, false, false, false, false, false} {
		if ws[i].Gap != want {
			t.Errorf("piece %d %q: Gap %v, want %v", i, ws[i].Text, ws[i].Gap, want)
		}
	}
}

// TestTitleOfOneColon: «Договор-оферта: Наставничество по SMM: 8 недель»
// had two colons.
func TestTitleOfOneColon(t *testing.T) {
	if got := titleOf("Договор-оферта", "Наставничество по SMM: 8 недель"); got != "Договор-оферта — Наставничество по SMM: 8 недель" {
		t.Errorf("got %q", got)
	}
	if got := titleOf("Договор-оферта", "Копирайтинг"); got != "Договор-оферта: Копирайтинг" {
		t.Errorf("got %q", got)
	}
}
