// Package synth writes synthetic oferta sites of any size for benchmarks:
// an oferta.toml and N course files with the variety a real school has
// (formats, refund policies, guarantee periods, deductions, alternatives,
// extra questions, two languages, courses grouped in sub-folders). The
// sites use the built-in clause library, so they need no clauses/ folder.
//
// It is not a stage of the build; it exists so that `go test -bench` in
// generator/pipeline and the `oferta` against Hugo comparison in
// cmd/benchsite measure the same sites. The same seed and N always give
// the same files, and course i is the same whatever N is, so the site of
// 100 courses is the first 100 courses of the site of 10,000.
package synth
