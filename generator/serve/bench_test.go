package serve

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"github.com/oferta-dev/oferta/generator/synth"
)

var benchCourses = flag.Int("courses", 1000, "courses of the synthetic site BenchmarkServeOneCourseEdit edits")

// BenchmarkServeOneCourseEdit measures the time from saving one course of
// a synthetic site (generator/synth; 1,000 courses, or -args -courses N)
// to the reload event the open pages receive. It calls the server's
// rebuild directly with the changed path instead of going through
// fsnotify, so the figure leaves out the file-system notification and the
// 150 ms quiet period of the debounce, which a real save adds on top.
func BenchmarkServeOneCourseEdit(b *testing.B) {
	n := *benchCourses
	syn, err := synth.Write(b.TempDir(), builtin, n, 1)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Dir: syn.Dir, Builtin: builtin})
	if err != nil {
		b.Fatal(err)
	}
	// Write adds a Russian twin of each English course (see synth.Write).
	if res := s.rebuild(context.Background(), nil); res.courses != len(syn.Courses) || len(res.problems) > 0 {
		b.Fatalf("first build: courses=%d problems=%v", res.courses, res.problems)
	}
	events, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	rel := syn.Courses[n/2]
	file := filepath.Join(syn.Dir, filepath.FromSlash(rel))
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		if err := synth.EditCourse(syn.Dir, rel, i); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res := s.rebuild(context.Background(), []string{file})
		m := <-events
		if m.event != "reload" || res.assembled != 1 {
			b.Fatalf("edit %d: event %q, %d contracts assembled", i, m.event, res.assembled)
		}
	}
}
