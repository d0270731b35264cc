package main

import "testing"

// TestMemoryLimit: only build, which never holds every contract at once
// (pipeline.Build), runs under the 540 MiB limit; lint and the others
// keep their contracts and may grow to 768 MiB.
func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int64
	}{
		{[]string{"build", "-q"}, 540 << 20},
		{[]string{"lint"}, 768 << 20},
		{[]string{"calc", "x"}, 768 << 20},
		{nil, 768 << 20},
	} {
		if got := memoryLimit(tc.args); got != tc.want {
			t.Errorf("memoryLimit(%q) = %d MiB, want %d MiB", tc.args, got>>20, tc.want>>20)
		}
	}
}
