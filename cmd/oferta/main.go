// Command oferta builds the legal pages of an online-course business — a
// public offer contract, a refund FAQ and a refund statement for every
// course — from a clause library and one TOML file per course, and lints
// them so that CI fails when refund terms are incomplete or unlawful.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "serve" {
		tuneGC(os.Args[1:]) // not for the server, which holds a whole site for hours
	}
	// Ctrl-C and a service manager's SIGTERM stop every command cleanly:
	// it writes nothing, removes its temporary folder and exits 130. A
	// second Ctrl-C, should the first not be enough, ends the process at
	// once (the next build removes what it left).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	ctx = interactive(ctx, os.Stdin) // only a person at a terminal is asked questions
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC trades memory the machine has for time in the commands that run
// once and exit. A build holds a few hundred megabytes of contracts
// alive, and with Go's default GOGC=100 the collector scans them again
// and again as the heap grows. Collecting at four times the live heap,
// but never letting Go's memory pass 540 MiB (after which the collector
// works harder instead), keeps a build of 10,000 courses at 561 MiB,
// under 600 MiB, while spending far less time in the collector: the
// build drops each contract's texts once its pages are written
// (pipeline.RenderToRelease), so the live heap shrinks from about
// 310 MiB as pages are written, and the limit leaves the collector room.
// The other one-shot commands (lint, calc, export…) keep every contract
// to the end, so under the same limit the collector would run all the
// time (lint of 10,000 courses holds about 310 MiB); they may grow to
// 768 MiB. GOGC and GOMEMLIMIT in the environment override both.
func tuneGC(args []string) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(args))
	}
}

// memoryLimit is the soft memory limit of the command args names.
func memoryLimit(args []string) int64 {
	if len(args) > 0 && args[0] == "build" {
		return 540 << 20
	}
	return 768 << 20
}
