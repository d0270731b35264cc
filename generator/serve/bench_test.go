package serve

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
	if res := s.rebuild(context.Background(), nil); res.courses < n || len(res.problems) > 0 {
		b.Fatalf("first build: courses=%d problems=%v", res.courses, res.problems)
	}
	events, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	rel := syn.Courses[n/2]
	for i := n / 2; i < len(syn.Courses); i++ { // a course with its title first, not a Russian twin
		data, err := os.ReadFile(filepath.Join(syn.Dir, filepath.FromSlash(syn.Courses[i])))
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasPrefix(string(data), "title = ") {
			rel = syn.Courses[i]
			break
		}
	}
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

// BenchmarkServeSharedClauseEdit measures a lawyer's save of a clause
// every course includes, on a synthetic site of 1,000 courses (or -args
// -courses N), from the call of the server's rebuild with the changed
// files (no fsnotify, no debounce):
//
//   - view-ms (median): until the page a tab shows (one course's
//     contract) is served with the change: the rebuild renders it first,
//     then publishes the preview;
//   - lint-ms (median): until the whole site is checked and the panel
//     says "lint: up to date";
//   - ns/op: until every page is rendered and the rebuild ends;
//   - view-cpu-ms and lint-cpu-ms: the process's CPU time until then (a
//     shared machine stretches wall time far more than CPU time).
func BenchmarkServeSharedClauseEdit(b *testing.B) {
	n := *benchCourses
	syn, err := synth.Write(b.TempDir(), builtin, n, 1)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := synth.EditSharedClause(syn.Dir, builtin, 0); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Dir: syn.Dir, Builtin: builtin, SlowAfter: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	first := s.rebuild(context.Background(), nil)
	if len(first.problems) > 0 {
		b.Fatalf("first build: problems=%v", first.problems)
	}
	n = first.courses // with the Russian twins of English courses
	var viewed string
	for i, f := range s.snap.Load().pages.Files {
		if strings.HasSuffix(f.Path, "/oferta/index.html") && i >= len(s.snap.Load().pages.Files)/2 {
			viewed = f.Path
			break
		}
	}
	s.view(viewed) // a tab shows it
	events, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	var view, lint, viewCPU, lintCPU []time.Duration
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		files, err := synth.EditSharedClause(syn.Dir, builtin, i)
		if err != nil {
			b.Fatal(err)
		}
		for j := range files {
			files[j] = filepath.Join(syn.Dir, filepath.FromSlash(files[j]))
		}
		before := s.snap.Load().version(viewed)
		b.StartTimer()
		start, cpu := time.Now(), processCPU()
		done := make(chan result, 1)
		go func() { done <- s.rebuild(context.Background(), files) }()
		<-events // the preview
		if v := s.snap.Load().version(viewed); v == before {
			b.Fatalf("edit %d: the viewed page %s did not change", i, viewed)
		}
		view, viewCPU = append(view, time.Since(start)), append(viewCPU, processCPU()-cpu)
		<-events // the whole site checked
		if s.snap.Load().checking {
			b.Fatalf("edit %d: still checking after the second event", i)
		}
		lint, lintCPU = append(lint, time.Since(start)), append(lintCPU, processCPU()-cpu)
		res := <-done
		<-events
		if !res.ok || res.assembled != n {
			b.Fatalf("edit %d: ok=%v, %d contracts assembled", i, res.ok, res.assembled)
		}
	}
	b.ReportMetric(median(view), "view-ms")
	b.ReportMetric(median(lint), "lint-ms")
	b.ReportMetric(median(viewCPU), "view-cpu-ms")
	b.ReportMetric(median(lintCPU), "lint-cpu-ms")
}

// median returns the median of ds in milliseconds.
func median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return float64(ds[len(ds)/2].Microseconds()) / 1000
}
