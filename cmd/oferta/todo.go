package main

import (
	"context"
	"fmt"
)

// Commands whose issues have not landed yet say so plainly.
func notYet(name string) func(context.Context, *env, []string) int {
	return func(_ context.Context, e *env, _ []string) int {
		fmt.Fprintf(e.stderr, "oferta %s: not available in this version yet\n", name)
		return exitBadInput
	}
}

var (
	runLint = notYet("lint")
)
