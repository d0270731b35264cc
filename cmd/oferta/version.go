package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at link time by the Makefile (-X main.version=…); a
// plain go build reports the module version or "devel".
var version = ""

func runVersion(ctx context.Context, e *env, args []string) int {
	v := version
	if v == "" {
		v = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "oferta %s\n", v)
	return exitOK
}
