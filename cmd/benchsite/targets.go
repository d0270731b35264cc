package main

import (
	"fmt"
	"strings"
	"time"
)

// The targets of issue 17, all at the size of targetCourses, and what
// each compares.
const (
	targetCourses = 10000

	serveViewTarget  = 300 * time.Millisecond // shared-clause edit → the page a tab shows updated in serve
	serveLintTarget  = 2 * time.Second        // shared-clause edit → the whole site checked in serve
	courseEditTarget = 50 * time.Millisecond  // one course edited → its pages updated
	lintTarget       = time.Second            // `oferta lint`
	buildHugoTarget  = 0.4                    // full build's wall time ÷ Hugo's
	buildRSSTarget   = 600 << 20              // full build's peak memory (max RSS), bytes
)

// verdicts
const (
	met         = "met"
	missed      = "missed"
	notMeasured = "not measured"
)

// targetRow is one target: what was measured, the verdict and, when it was
// missed, the CPU profile that says where the time went.
type targetRow struct {
	name, measured, verdict string
	why                     *profile
	// whyOf says what run the profile is of; whyKey names the profile,
	// so that one profile behind two targets is printed once.
	whyOf, whyKey string
}

// targetRows are the targets for a row of targetCourses courses.
func targetRows(r row) []targetRow {
	verdict := func(measured bool, ok bool) string {
		switch {
		case !measured:
			return notMeasured
		case ok:
			return met
		}
		return missed
	}
	withCPU := func(wall, cpu time.Duration) string {
		if cpu > 0 {
			return fmt.Sprintf("%s (CPU %s)", dur(wall), dur(cpu))
		}
		return dur(wall)
	}
	edits := fmt.Sprintf("%d %s", r.runs, plural(r.runs, "edit", "edits"))
	rows := []targetRow{
		{
			name:     "shared-clause edit → the viewed page updated in `serve` < 300 ms",
			measured: withCPU(r.serve.view, r.serve.viewCPU),
			verdict:  verdict(r.serve.view > 0, r.serve.view < serveViewTarget),
			why:      r.serve.viewProf, whyKey: "serve-view",
			whyOf: fmt.Sprintf("the spans from the save to the page served, %s, in this run (the preview server in-process)", edits),
		},
		{
			name:     "shared-clause edit → whole-site lint done in `serve` < 2 s",
			measured: withCPU(r.serve.lint, r.serve.lintCPU),
			verdict:  verdict(r.serve.lint > 0, r.serve.lint < serveLintTarget),
			why:      r.serve.lintProf, whyKey: "serve-lint",
			whyOf: fmt.Sprintf("the spans from the save to \"lint: up to date\", %s, in this run (the preview server in-process)", edits),
		},
		{
			name:     "one-course edit → pages updated < 50 ms",
			measured: dur(r.course),
			verdict:  verdict(r.course > 0, r.course < courseEditTarget),
			why:      r.courseProf, whyKey: "course",
			whyOf: fmt.Sprintf("pipeline.RecheckFiles + RenderChanged, %s, in this run", edits),
		},
		{
			name:     "`lint` < 1 s",
			measured: withCPU(r.lint, r.lintCPU),
			verdict:  verdict(r.lint > 0, r.lint < lintTarget),
			why:      r.lintProf, whyKey: "lint",
			whyOf: fmt.Sprintf("one more lint in this run, in-process (pipeline.CheckContext with oferta's collector settings): %s wall", dur(r.lintProfWall)),
		},
	}
	build := targetRow{name: "full build ≤ 0.4 × Hugo's wall time", measured: "no Hugo", verdict: notMeasured}
	if r.build > 0 && r.hugo > 0 {
		x := ratio(r.build, r.hugo)
		build.measured = fmt.Sprintf("%.2f × Hugo (%s against %s)", x, dur(r.build), dur(r.hugo))
		build.verdict = verdict(true, x <= buildHugoTarget)
	}
	buildWhy := fmt.Sprintf("one more build in this run, in-process (what `oferta build` does, with its collector settings): %s wall", dur(r.buildProfWall))
	if r.buildPeakHeap > 0 {
		buildWhy += fmt.Sprintf("; the live heap peaked at %s, Go's memory at %s", mib(r.buildPeakHeap), mib(r.buildPeakGo))
	}
	build.why, build.whyOf, build.whyKey = r.buildProf, buildWhy, "build"
	rss := targetRow{name: "full build peak memory < 600 MiB", measured: mib(r.rss),
		verdict: verdict(r.rss > 0, r.rss < buildRSSTarget), why: r.buildProf, whyOf: buildWhy, whyKey: "build"}
	return append(rows, build, rss)
}

// targets prints the table of the targets for the row of targetCourses
// courses and, below it, the profile of each missed target; "" when no
// row has that size.
func targets(rows []row) string {
	var b strings.Builder
	for _, r := range rows {
		if r.courses != targetCourses {
			continue
		}
		trs := targetRows(r)
		fmt.Fprintf(&b, "\nAgainst the targets (issue 17; %d courses, %d course files):\n\n| target | measured | |\n|---|---|---|\n", targetCourses, r.files)
		for _, t := range trs {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", t.name, t.measured, t.verdict)
		}
		printed := map[string]bool{}
		for _, t := range trs {
			if t.verdict != missed || printed[t.whyKey] {
				continue
			}
			printed[t.whyKey] = true
			names := []string{t.name}
			for _, o := range trs {
				if o.verdict == missed && o.whyKey == t.whyKey && o.name != t.name {
					names = append(names, o.name)
				}
			}
			fmt.Fprintf(&b, "\nWhy missed: %s. ", strings.Join(names, "; "))
			if t.why == nil {
				b.WriteString("No profile was recorded")
				if r.profErr != nil {
					fmt.Fprintf(&b, " (%v)", r.profErr)
				}
				b.WriteString(".\n")
				continue
			}
			fmt.Fprintf(&b, "CPU profile of %s; %s of CPU in %d samples, by stage:\n\n", t.whyOf, dur(t.why.total), len(t.why.samples))
			b.WriteString(stageTable(t.why))
		}
	}
	if b.Len() > 0 {
		b.WriteString("\nA profile's stages come from each sample's stack: the first of site or edition (read input), contract (assemble contracts), lint, render (render layouts) or output (write files) entered from the pipeline; garbage collection wherever it runs; the pipeline's, the server's and other oferta code's own work; the rest (runtime, HTTP, system). Shares are of the profile's CPU time.\n")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
