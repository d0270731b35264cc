// Command oferta builds the legal pages of an online-course business — a
// public offer contract, a refund FAQ and a refund statement for every
// course — from a clause library and one TOML file per course, and lints
// them so that CI fails when refund terms are incomplete or unlawful.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// Ctrl-C and a service manager's SIGTERM both stop `serve` cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
