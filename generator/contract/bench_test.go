package contract_test

import (
	"os"
	"testing"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/contract"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

// BenchmarkAssemble2000 assembles every contract of a synthetic site of
// 2,000 courses (generator/synth) with a fresh assembler, on one
// goroutine: the contract part of `oferta lint`. OFERTA_BENCH_SITE names
// another site to assemble instead, such as a copy of make bench's
// site-10000. Profile with, for example:
//
//	go test ./generator/contract -run '^$' -bench Assemble -cpuprofile cpu.out
func BenchmarkAssemble2000(b *testing.B) {
	builtin := site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
	dir := os.Getenv("OFERTA_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if _, err := synth.Write(dir, builtin, 2000, 1); err != nil {
			b.Fatal(err)
		}
	}
	s, err := site.Load(dir, builtin)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := processCPU()
	for b.Loop() {
		a := contract.New(s)
		for _, c := range s.Courses {
			a.Assemble(c)
		}
	}
	b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
}
