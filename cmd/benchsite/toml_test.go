package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	burntsushi "github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"

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
// a map, as generator/site does before it checks the keys, with each of
// the two TOML libraries the module has (see README, Dependencies).
func BenchmarkTOMLDecode(b *testing.B) {
	files := courseFiles(b)
	size := 0
	for _, f := range files {
		size += len(f)
	}
	libs := []struct {
		name   string
		decode func(string, *map[string]any) error
	}{
		{"BurntSushi", func(s string, m *map[string]any) error { _, err := burntsushi.Decode(s, m); return err }},
		{"go-toml", func(s string, m *map[string]any) error { return gotoml.Unmarshal([]byte(s), m) }},
	}
	for _, lib := range libs {
		b.Run(lib.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					var m map[string]any
					if err := lib.decode(f, &m); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
