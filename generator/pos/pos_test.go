package pos

import "testing"

func TestColumnCountsRunes(t *testing.T) {
	line := `price = "Курс — 80 000"`
	off := len(`price = "Курс — `)
	if got, want := Column(line, off), 17; got != want {
		t.Errorf("Column = %d, want %d (runes, not the byte offset %d)", got, want, off+1)
	}
	l, c := At("a = 1\nназвание = 2\n", len("a = 1\nназвание = "))
	if l != 2 || c != 12 {
		t.Errorf("At = %d:%d, want 2:12", l, c)
	}
}

func TestRuneCol(t *testing.T) {
	src := "a = 1\nназвание = x\n"
	// x is byte 20 of line 2, rune 12.
	if got := RuneCol(src, 2, 20); got != 12 {
		t.Errorf("RuneCol = %d, want 12", got)
	}
	if got := RuneCol(src, 1, 3); got != 3 {
		t.Errorf("ASCII line: RuneCol = %d, want 3", got)
	}
}

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		p    Pos
		want string
	}{
		{Pos{File: "a.toml"}, "a.toml"},
		{Pos{File: "a.toml", Line: 3}, "a.toml:3"},
		{Pos{File: "a.toml", Line: 3, Col: 4}, "a.toml:3:4"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}
