package pipeline_test

import (
	"os"
	"testing"
)

// TestMain fixes the build date (OFERTA_TODAY) for every test of the
// package, so that which edition is in force, and so the golden pages,
// do not depend on the day the tests run. A test may override it with
// t.Setenv.
func TestMain(m *testing.M) {
	if _, ok := os.LookupEnv("OFERTA_TODAY"); !ok {
		os.Setenv("OFERTA_TODAY", "2026-12-01")
	}
	os.Exit(m.Run())
}
