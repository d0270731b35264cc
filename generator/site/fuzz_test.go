package site

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// Bounds on what loading one fuzz input may take. Real files load in a
// fraction of both; the limits on size and nesting keep every input
// within them.
const (
	fuzzMaxAlloc = 100 << 20
	fuzzMaxTime  = time.Second
)

// FuzzLoad decodes an oferta.toml, a course file and a clause file, as
// Load does, and fails on a panic or on an input that takes more than
// fuzzMaxAlloc bytes or fuzzMaxTime to load. The seed corpus (the example
// school's files and testdata/fuzz/FuzzLoad) runs with every go test.
func FuzzLoad(f *testing.F) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		return string(data)
	}
	f.Add(read("../../oferta.toml"), read("../../content/smm-mentoring.toml"), read("../../clauses/ru/final/edition.md"))
	f.Add(read("../../oferta.toml"), read("../../content/recorded-excel.toml"), read("../../clauses/ru/refund/policies/prorata.md"))
	f.Fuzz(func(t *testing.T, config, course, clause string) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()

		// Loading runs beside the test, so that an input that never
		// finishes fails (and is kept as a crasher) instead of stopping
		// the fuzzer.
		done := make(chan struct{})
		go func() {
			defer close(done)
			cfg, err := decodeConfig("oferta.toml", config)
			if err != nil {
				checkErrors(t, err)
				cfg = &Config{Languages: []string{"ru"}, Currency: "RUB", Jurisdiction: "ru"}
			}
			if _, err := decodeCourse("content/x.toml", course, cfg); err != nil {
				checkErrors(t, err)
			}
			if _, err := decodeClause("clauses/ru/x.md", "ru", clause); err != nil {
				checkErrors(t, err)
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * fuzzMaxTime):
			t.Fatalf("loading did not end within %v", 10*fuzzMaxTime)
		}

		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > fuzzMaxAlloc {
			t.Errorf("loading took %d MB (of %d bytes of input)", alloc>>20, len(config)+len(course)+len(clause))
		}
		if elapsed > fuzzMaxTime {
			t.Errorf("loading took %v (of %d bytes of input)", elapsed, len(config)+len(course)+len(clause))
		}
	})
}

// checkErrors checks that every error a loader returns names its file.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	for _, e := range Errors(err) {
		if e.File == "" {
			t.Errorf("an error without a file: %v", e)
		}
	}
}
