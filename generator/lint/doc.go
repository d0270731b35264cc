// Package lint checks assembled contracts for completeness and
// lawfulness. A rule is a plain value (see Rule) in the one list in
// rules.go, which also gives each rule its scope: the site as a whole
// (oferta.toml, the clause library), each course, or both. Validate
// checks the list. Check applies the rules the site's jurisdiction calls
// for — site rules once, course rules to each contract — with severities
// from oferta.toml, and returns findings sorted by position.
// Output formats are pure functions of those findings, one file each:
// text.go, json.go, sarif.go (SARIF 2.1.0) and github.go (GitHub Actions
// workflow commands).
//
// Every rule has two fixtures, testdata/<rule with "/" as "-">/fires.txtar
// and silent.txtar: a whole small site as a txtar archive whose file
// "want" lists every finding in the text format. TestRuleFixtures runs
// them; go test -run TestRuleFixtures -update rewrites the want files.
package lint
