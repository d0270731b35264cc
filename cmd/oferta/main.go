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
// once and exit. With Go's default GOGC=100 the collector scans what is
// live again and again as the heap grows; collecting at four times the
// live heap, under a soft limit on Go's memory (past which the collector
// works harder instead), spends far less time in the collector.
//
// oferta build checks and renders each course in turn and drops its
// contract once its pages are written (pipeline.Build), so its live heap
// stays small — 130 to 230 MiB at 12,535 courses, most of it the site's
// courses, the clause memos and the renderer's caches — and a 540 MiB
// limit keeps it at 540 MiB (against 777 MiB under 768 MiB for the
// build that checked every course first) in the same time. lint, calc, export
// and the others hold every contract to the end (lint of 12,535 courses
// about 310 MiB live); under 540 MiB the collector would run all the
// time, so they may grow to 768 MiB. README's performance section has
// the figures. GOGC and GOMEMLIMIT in the environment override both.
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
