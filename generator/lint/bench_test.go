package lint_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/oferta-dev/oferta/generator/lint"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/sitetest"
)

// benchSite writes a site of n courses of every format and policy into dir.
func benchSite(b testing.TB, dir string, n int) {
	b.Helper()
	write := func(name, data string) { sitetest.WriteFile(b, filepath.Join(dir, name), data) }
	write("oferta.toml", `title = "Bench school"
jurisdiction = "ru"
edition = 2026-11-01

[seller]
name = "ИП Соколова Марина Андреевна"
kind = "ip"
inn = "165538412749"
ogrn = "319169002845312"
address = "420111, Казань, ул. Учебная, 12"
email = "hello@school.example"

[refund]
review_days = 10
payout_days = 10
bank_fee_percent = 3
channel = "email"
`)
	formats := []string{"recorded", "group", "personal"}
	policies := []string{"prorata", "flat", "prorata"}
	for i := 0; i < n; i++ {
		write(fmt.Sprintf("content/c%04d.toml", i), fmt.Sprintf(`title = "Course %d"
format = %q
price = %d

[duration]
unit = "week"
count = %d

[refund]
policy = %q
guarantee_days = %d
alternatives = ["freeze"]
`, i, formats[i%3], 1000+i*10, 4+i%20, policies[i%3], (i%2)*14))
	}
}

// BenchmarkLint1000 lints a site of 1,000 courses: lint.Check alone, over
// contracts assembled once.
func BenchmarkLint1000(b *testing.B) {
	dir := b.TempDir()
	benchSite(b, dir, 1000)
	checked, err := pipeline.Check(dir, builtin())
	if err != nil {
		b.Fatal(err)
	}
	in := lint.Input{Site: checked.Site, Contracts: checked.Contracts, LibraryProblems: checked.Assembler.Problems()}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := lint.Check(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck1000 is load, assemble and lint of the same site: what
// "oferta lint" does.
func BenchmarkCheck1000(b *testing.B) {
	dir := b.TempDir()
	benchSite(b, dir, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := pipeline.Check(dir, builtin()); err != nil {
			b.Fatal(err)
		}
	}
}
