// Command benchsite writes synthetic oferta sites of any size, exports
// the same pages as a Hugo site, and compares the two generators.
//
//	benchsite -n 1000 -o DIR [-seed 1] [-hugo HDIR]
//	benchsite bench [-sizes 100,1000,10000] [-runs 3] [-work .bench] [-targets-only] ...
//
// The first form writes an oferta site of N courses into DIR (see package
// generator/synth) and, with -hugo, a Hugo site whose pages are made of
// the Markdown that oferta renders for the same courses. The second form
// builds both at each size and prints one table, then the targets of
// issue 17 at 10,000 courses, each met or missed, with the CPU profile by
// stage of each missed one; `make bench` runs it, and `make bench-targets`
// runs only what the targets need (-targets-only -runs 1).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/oferta-dev/oferta"
	"github.com/oferta-dev/oferta/generator/site"
	"github.com/oferta-dev/oferta/generator/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func builtin() site.Builtin {
	return site.Builtin{Clauses: oferta.Clauses(), Theme: oferta.Theme()}
}

// Run runs benchsite with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "bench" {
		return runBench(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "measure" {
		return runMeasure(args[1:])
	}
	fs := flag.NewFlagSet("benchsite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of `courses`")
	out := fs.String("o", "", "the site `folder` to write (required)")
	seed := fs.Uint64("seed", 1, "random `seed`; the same seed gives the same site")
	hugo := fs.String("hugo", "", "also export the same pages as a Hugo site into this `folder`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" || fs.NArg() > 0 || *n < 0 {
		fmt.Fprintln(stderr, "usage: benchsite -n N -o DIR [-seed S] [-hugo DIR]  |  benchsite bench -h")
		return 2
	}
	s, err := synth.Write(*out, builtin(), *n, *seed)
	if err != nil {
		fmt.Fprintln(stderr, "benchsite:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d courses into %s\n", len(s.Courses), *out)
	if *hugo != "" {
		pages, err := exportHugo(*out, *hugo)
		if err != nil {
			fmt.Fprintln(stderr, "benchsite:", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote a Hugo site of %d pages into %s\n", pages, *hugo)
	}
	return 0
}
