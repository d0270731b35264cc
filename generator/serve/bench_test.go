package serve

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkServeOneCourseEdit measures the time from saving one course of
// a 1,000-course site to the reload event the open pages receive. It
// calls the server's rebuild directly with the changed path instead of
// going through fsnotify, so the figure leaves out the file-system
// notification and the 150 ms quiet period of the debounce, which a real
// save adds on top.
func BenchmarkServeOneCourseEdit(b *testing.B) {
	dir := b.TempDir()
	copyFile(b, "../../oferta.toml", filepath.Join(dir, "oferta.toml"))
	course := readFile(b, "../../content/smm-mentoring.toml")
	for i := 0; i < 1000; i++ {
		writeFile(b, filepath.Join(dir, "content", fmt.Sprintf("course-%04d.toml", i)),
			strings.Replace(course, smmTitle, fmt.Sprintf("Курс номер %d", i), 1))
	}
	s, err := New(Options{Dir: dir, Builtin: builtin})
	if err != nil {
		b.Fatal(err)
	}
	if res := s.rebuild(nil); !res.ok || res.courses != 1000 {
		b.Fatalf("first build: ok=%v courses=%d problems=%v", res.ok, res.courses, res.problems)
	}
	events, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	file := filepath.Join(dir, "content", "course-0500.toml")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		writeFile(b, file, strings.Replace(course, smmTitle, fmt.Sprintf("Курс номер 500, правка %d", i), 1))
		b.StartTimer()
		res := s.rebuild([]string{file})
		m := <-events
		if m.event != "reload" || res.assembled != 1 {
			b.Fatalf("edit %d: event %q, %d contracts assembled", i, m.event, res.assembled)
		}
	}
}
