package pipeline_test

import (
	"context"
	"testing"
	"time"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

// The benchmarks build synthetic sites (generator/synth) of the built-in
// library, the same sites `make bench` compares with Hugo. Profile one
// with, for example:
//
//	go test ./generator/pipeline -run '^$' -bench Build1000 -cpuprofile cpu.out
//	go tool pprof -top cpu.out

func BenchmarkBuild100(b *testing.B)  { benchBuild(b, 100) }
func BenchmarkBuild1000(b *testing.B) { benchBuild(b, 1000) }

// BenchmarkCheck1000 is the work of `oferta lint`: load, assemble, lint.
func BenchmarkCheck1000(b *testing.B) {
	dir := synthSite(b, 1000)
	builtin := benchBuiltin()
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		if _, err := pipeline.Check(dir, builtin); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report()
}

// BenchmarkEditCourse1000 is the preview server's work after one course
// file of 1,000 changed: RecheckFiles and RenderChanged.
func BenchmarkEditCourse1000(b *testing.B) {
	s := synthSiteFiles(b, 1000)
	file := s.Courses[500]
	benchEdit(b, s.Dir, 1, func(i int) ([]string, error) { return []string{file}, synth.EditCourse(s.Dir, file, i) })
}

// BenchmarkEditClause1000 is the preview server's work after a clause
// that all 1,000 contracts include changed (and the 263 Russian twins of
// English courses), without the preview: everything is checked and
// rendered before the pages are served.
func BenchmarkEditClause1000(b *testing.B) {
	s := synthSiteFiles(b, 1000)
	builtin := benchBuiltin()
	if _, err := synth.EditSharedClause(s.Dir, builtin, 0); err != nil {
		b.Fatal(err)
	}
	benchEdit(b, s.Dir, -1, func(i int) ([]string, error) { return synth.EditSharedClause(s.Dir, builtin, i) })
}

func benchBuild(b *testing.B, n int) {
	dir := synthSite(b, n)
	builtin := benchBuiltin()
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		c, err := pipeline.Check(dir, builtin)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.Render(c, false); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report()
	b.ReportMetric(float64(3*n*b.N)/b.Elapsed().Seconds(), "pages/s")
}

func benchEdit(b *testing.B, dir string, want int, edit func(i int) ([]string, error)) {
	builtin := benchBuiltin()
	c, d, err := pipeline.Recheck(context.Background(), nil, dir, builtin)
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.RenderChanged(context.Background(), nil, c, d, true, false)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := startCPU(b)
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		files, err := edit(i)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c, d, err = pipeline.RecheckFiles(context.Background(), c, dir, builtin, files)
		if err != nil {
			b.Fatal(err)
		}
		if w := want; w < 0 {
			want = len(c.Contracts) // every course (English ones have a Russian twin)
		}
		if d.Count() != want {
			b.Fatalf("edit %d assembled %d contracts, want %d", i, d.Count(), want)
		}
		if p, err = pipeline.RenderChanged(context.Background(), p, c, d, false, false); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report()
}

// cpuMeter reports the process's CPU time per operation as cpu-ns/op
// (it includes work outside the timer, such as the edits, which is small).
type cpuMeter struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) cpuMeter { return cpuMeter{b, processCPU()} }

func (m cpuMeter) report() {
	if m.b.N > 0 {
		m.b.ReportMetric(float64(processCPU()-m.start)/float64(m.b.N), "cpu-ns/op")
	}
}

func benchBuiltin() site.Builtin {
	return site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
}

func synthSite(b *testing.B, n int) string { return synthSiteFiles(b, n).Dir }

func synthSiteFiles(b *testing.B, n int) *synth.Site {
	b.Helper()
	s, err := synth.Write(b.TempDir(), benchBuiltin(), n, 1)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkRender1000 is the render part of a build of 1,000 courses:
// the pages of a checked site, rendered as `oferta build` renders them
// (RenderTo, the renderer's buffers lent) and written nowhere.
func BenchmarkRender1000(b *testing.B) {
	c, err := pipeline.Check(synthSite(b, 1000), benchBuiltin())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		if _, err := pipeline.RenderTo(c, false, func(render.File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report()
}
