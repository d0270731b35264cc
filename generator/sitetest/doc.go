// Package sitetest writes and reads whole sites for tests: a site from a
// map of files or a txtar archive, a copy of the example school, and the
// tree a build wrote. Every package's tests use it instead of a copy of
// their own, so that a site is set up the same way everywhere.
//
// It lives outside generator/internal so that cmd/oferta's tests may use
// it too (an internal package is visible only below its parent), and it
// imports nothing of oferta, so that any package's tests, site's own
// included, may import it without a cycle.
package sitetest
