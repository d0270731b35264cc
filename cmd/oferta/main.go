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
		tuneGC() // not for the server, which holds a whole site for hours
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
// but never letting Go's memory pass 768 MiB (after which the collector
// works harder instead), spends far less time in the collector.
//
// A lower limit trades time back for memory: oferta build drops each
// contract's texts once its pages are written (pipeline.RenderToRelease),
// so with GOMEMLIMIT=540MiB a build of 12,535 courses peaks at 562 MiB
// instead of 790 MiB, but takes 1.6 times as long (60 s against 38 s on
// 2 cores); lint, which keeps every contract to the end, would fare
// worse. The default is the faster one; README's performance section has
// the figures. GOGC and GOMEMLIMIT in the environment override both.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}
