package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/oferta-dev/oferta/generator/synth"
)

// courseFiles returns the course files of a synthetic site: the site in
// $OFERTA_BENCH_SITE when set (benchsite -n 10000 -o DIR makes one), else
// one of 1,000 courses written for the benchmark.
func courseFiles(b *testing.B) []string {
	b.Helper()
	dir := os.Getenv("OFERTA_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if _, err := synth.Write(dir, builtin(), 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		data, err := os.ReadFile(p)
		files = append(files, string(data))
		return err
	})
	if err != nil || len(files) == 0 {
		b.Fatalf("%d course files: %v", len(files), err)
	}
	return files
}

// BenchmarkTOMLDecode decodes every course file of a synthetic site into
// a map with go-toml, as generator/site does before it checks the keys.
// At commit aa6f801 it also ran BurntSushi/toml, the comparison by which
// go-toml became oferta's one TOML library (see README, Dependencies).
func BenchmarkTOMLDecode(b *testing.B) {
	files := courseFiles(b)
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			var m map[string]any
			if err := toml.Unmarshal([]byte(f), &m); err != nil {
				b.Fatal(err)
			}
		}
	}
}
