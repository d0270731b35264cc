package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/synth"
)

// benchConfig is what `benchsite bench` was asked to do.
type benchConfig struct {
	sizes  []int
	runs   int
	seed   uint64
	work   string // scratch folder: sites, outputs, binaries
	outdir string // where the built sites go (default: work)
	oferta string // the oferta binary; built into work when empty
	hugo   string // the hugo binary; looked up (and installed) when empty
	out    string // the results file
	// targetsOnly measures only what the targets need: no Hugo server,
	// no in-process rebuild after the shared-clause edit.
	targetsOnly bool
	stderr      io.Writer
	// loadStart is the machine's load average when the run began.
	loadStart string
}

// runBench builds a synthetic site of each size with oferta and the same
// pages with Hugo, and prints one table of the medians.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchsite bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "100,1000,10000", "comma-separated `numbers` of courses (with -targets-only: 10000)")
	cfg := benchConfig{stderr: stderr}
	fs.IntVar(&cfg.runs, "runs", 3, "measurements per figure; the table shows the median")
	fs.Uint64Var(&cfg.seed, "seed", 1, "random `seed` of the synthetic sites")
	fs.StringVar(&cfg.work, "work", ".bench", "scratch `folder` for sites and outputs")
	fs.StringVar(&cfg.outdir, "outdir", "", "`folder` the full builds write into (default: the scratch folder; e.g. /dev/shm to leave the disk out)")
	fs.StringVar(&cfg.oferta, "oferta", "", "oferta `binary` to measure (default: built from this checkout into the scratch folder)")
	fs.StringVar(&cfg.hugo, "hugo", "", "hugo `binary` (default: hugo on PATH, installed with apt-get when missing)")
	fs.StringVar(&cfg.out, "out", "", "also write the table to this `file` (default: results.md in the scratch folder)")
	fs.BoolVar(&cfg.targetsOnly, "targets-only", false, "measure only the figures issue 17's targets need, at 10,000 courses unless -sizes says otherwise\n(full builds against Hugo, lint, the one-course edit, the shared-clause edit in serve); with -runs 1 about 5 minutes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if cfg.targetsOnly && !flagSet(fs, "sizes") {
		*sizes = strconv.Itoa(targetCourses)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(stderr, "benchsite bench: -sizes: %q is not a number of courses\n", s)
			return 2
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	if cfg.runs < 1 {
		cfg.runs = 1
	}
	if cfg.out == "" {
		cfg.out = filepath.Join(cfg.work, "results.md")
	}
	report, err := bench(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "benchsite bench:", err)
		return 1
	}
	fmt.Fprint(stdout, report)
	if err := os.WriteFile(cfg.out, []byte(report), 0o644); err != nil {
		fmt.Fprintln(stderr, "benchsite bench:", err)
		return 1
	}
	fmt.Fprintf(stderr, "benchsite: the table is also in %s\n", cfg.out)
	return 0
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// row is one size's figures. Durations and sizes are medians; a zero
// Hugo figure means Hugo was not measured.
type row struct {
	courses         int
	pages, hugoPage int
	build, hugo     time.Duration
	cpu, hugoCPU    time.Duration // user + system time of the full build
	rss, hugoRSS    int64
	course, hugoPg  time.Duration // one course (one page file) edited
	clause, hugoTpl time.Duration // the shared clause (Hugo: the single layout) edited
	lint, lintCPU   time.Duration
	lintInProcess   bool // `oferta lint` is not available: pipeline.Check was timed
	runs            int  // measurements per figure
	files           int  // course files of the synthetic site (with the Russian twins)
	serve           serveFigures

	// At targetCourses, the CPU profiles that say why a target was
	// missed: of the measured one-course edits, and of one more lint and
	// build in-process, with that run's wall time and memory.
	courseProf                  *profile
	lintProf, buildProf         *profile
	lintProfWall, buildProfWall time.Duration
	buildPeakHeap, buildPeakGo  int64
	profErr                     error
}

func bench(ctx context.Context, cfg benchConfig) (string, error) {
	if err := os.MkdirAll(cfg.work, 0o755); err != nil {
		return "", err
	}
	work, err := filepath.Abs(cfg.work)
	if err != nil {
		return "", err
	}
	if cfg.outdir == "" {
		cfg.outdir = work
	} else if cfg.outdir, err = filepath.Abs(cfg.outdir); err != nil {
		return "", err
	}
	if cfg.oferta == "" {
		cfg.oferta = filepath.Join(work, "oferta")
		progress(cfg, "building %s", cfg.oferta)
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", cfg.oferta, "github.com/oferta-dev/oferta/cmd/oferta").CombinedOutput(); err != nil {
			return "", fmt.Errorf("building oferta: %v\n%s", err, out)
		}
	}
	cfg.loadStart = loadAverage()
	hugo, hugoVersion := findHugo(ctx, cfg)
	var rows []row
	for _, n := range cfg.sizes {
		r, err := measure(ctx, cfg, work, hugo, n)
		if err != nil {
			return "", fmt.Errorf("%d courses: %w", n, err)
		}
		rows = append(rows, r)
	}
	return table(rows, hugoVersion, cfg), nil
}

func progress(cfg benchConfig, format string, args ...any) {
	fmt.Fprintf(cfg.stderr, "benchsite: "+format+"\n", args...)
}

// findHugo returns the hugo binary and its version, installing Debian's
// package when there is none; "" when Hugo cannot be had.
func findHugo(ctx context.Context, cfg benchConfig) (string, string) {
	bin := cfg.hugo
	if bin == "" {
		var err error
		bin, err = exec.LookPath("hugo")
		if err != nil {
			if apt, aerr := exec.LookPath("apt-get"); aerr == nil {
				progress(cfg, "hugo is missing: apt-get install -y hugo")
				cmd := exec.CommandContext(ctx, apt, "install", "-y", "hugo")
				cmd.Stdout, cmd.Stderr = cfg.stderr, cfg.stderr
				if cmd.Run() == nil {
					bin, err = exec.LookPath("hugo")
				}
			}
			if err != nil {
				progress(cfg, "no hugo: the Hugo columns stay empty")
				return "", ""
			}
		}
	}
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return "", ""
	}
	v := strings.Fields(string(out))
	if len(v) > 1 {
		return bin, strings.TrimPrefix(strings.SplitN(v[1], "+", 2)[0], "v")
	}
	return bin, strings.TrimSpace(string(out))
}

// measure takes every figure of one size.
func measure(ctx context.Context, cfg benchConfig, work, hugo string, n int) (row, error) {
	r := row{courses: n, runs: cfg.runs}
	profiled := n == targetCourses
	siteDir := filepath.Join(work, fmt.Sprintf("site-%d", n))
	hugoDir := filepath.Join(work, fmt.Sprintf("hugo-%d", n))
	progress(cfg, "%d courses: writing the sites", n)
	syn, err := synth.Write(siteDir, builtin(), n, cfg.seed)
	if err != nil {
		return r, err
	}
	r.files = len(syn.Courses)
	if hugo != "" {
		if _, err := exportHugo(siteDir, hugoDir); err != nil {
			return r, err
		}
	}

	// Full builds: the oferta binary and hugo, one after the other in
	// each round so that a slow spell of the machine hits both. Each
	// writes a fresh output folder; removing the previous one and
	// flushing the disk are not timed.
	progress(cfg, "%d courses: full builds", n)
	outDir := filepath.Join(cfg.outdir, fmt.Sprintf("public-%d", n))
	hugoOut := filepath.Join(cfg.outdir, fmt.Sprintf("hugo-public-%d", n))
	var ours, theirs []result
	for i := 0; i < cfg.runs; i++ {
		os.RemoveAll(outDir)
		settle()
		res, err := run(ctx, cfg.oferta, "build", "-s", siteDir, "-d", outDir, "-q")
		if err != nil {
			return r, err
		}
		ours = append(ours, res)
		if hugo == "" {
			continue
		}
		os.RemoveAll(hugoOut)
		settle()
		res, err = run(ctx, hugo, "--quiet", "-s", hugoDir, "-d", hugoOut)
		if err != nil {
			return r, err
		}
		theirs = append(theirs, res)
	}
	r.build, r.cpu, r.rss = medians(ours)
	r.pages = countPages(outDir)
	if hugo != "" {
		r.hugo, r.hugoCPU, r.hugoRSS = medians(theirs)
		r.hugoPage = countPages(hugoOut)
	}
	os.RemoveAll(outDir)
	os.RemoveAll(hugoOut)

	// Lint: the command when this version has it, else the same work
	// in-process (load, assemble, lint).
	progress(cfg, "%d courses: lint", n)
	var walls, cpus []time.Duration
	for i := 0; i < cfg.runs; i++ {
		res, err := run(ctx, cfg.oferta, "lint", "-s", siteDir)
		if err != nil && strings.Contains(res.stderr, "not available") {
			r.lintInProcess = true
			runtime.GC()
			start := time.Now()
			if _, err := pipeline.Check(siteDir, builtin()); err != nil {
				return r, err
			}
			res.wall = time.Since(start)
		} else if err != nil && res.exit != 1 {
			return r, err
		}
		walls, cpus = append(walls, res.wall), append(cpus, res.cpu)
	}
	r.lint = median(walls)
	if !r.lintInProcess {
		r.lintCPU = median(cpus)
	}

	progress(cfg, "%d courses: incremental rebuilds", n)
	editDir := filepath.Join(work, fmt.Sprintf("site-%d-edit", n))
	inc, err := incremental(cfg, editDir, n, profiled)
	if err != nil {
		return r, err
	}
	r.course, r.clause, r.courseProf = inc.course, inc.clause, inc.courseProf
	progress(cfg, "%d courses: a clause edit in serve", n)
	if r.serve, err = serveEdit(ctx, cfg, editDir, inc.viewed, profiled); err != nil {
		return r, err
	}
	r.profErr = cmpErr(inc.profErr, r.serve.profErr)
	if profiled {
		if err := whyProfiles(ctx, cfg, &r, siteDir, outDir); err != nil {
			return r, err
		}
	}
	if hugo != "" && !cfg.targetsOnly {
		r.hugoPg, r.hugoTpl, err = hugoIncremental(ctx, cfg, hugo, hugoDir, n)
		if err != nil {
			progress(cfg, "%d courses: hugo server: %v", n, err)
		}
	}
	return r, nil
}

// incFigures are the figures of incremental.
type incFigures struct {
	course, clause time.Duration
	courseProf     *profile // of the one-course edits, when asked for
	profErr        error
	// viewed is the output path of a course's contract, for the
	// measurement in serve.
	viewed string
}

// incremental measures, in-process, what the preview server does after a
// save: pipeline.RecheckFiles, given the files that changed as the server's
// watcher gives them, and pipeline.RenderChanged, from a site checked and
// rendered before. It edits one course's title, then (but with
// -targets-only) the clause that every contract includes (in both
// languages at once). With profiled, the one-course edits are profiled.
func incremental(cfg benchConfig, dir string, n int, profiled bool) (incFigures, error) {
	var fig incFigures
	b := builtin()
	s, err := synth.Write(dir, b, n, cfg.seed)
	if err != nil {
		return fig, err
	}
	// The site's own copy of the shared clause, unchanged at first, so
	// that the edits below change its text only.
	if _, err := synth.EditSharedClause(dir, b, 0); err != nil {
		return fig, err
	}
	checked, d, err := pipeline.Recheck(context.Background(), nil, dir, b)
	if err != nil {
		return fig, err
	}
	pages, err := pipeline.RenderChanged(context.Background(), nil, checked, d, true, false)
	if err != nil {
		return fig, err
	}
	// A course's contract in the second half, as BenchmarkServeSharedClauseEdit picks it.
	for i, f := range pages.Files {
		if strings.HasSuffix(f.Path, "/oferta/index.html") && i >= len(pages.Files)/2 {
			fig.viewed = f.Path
			break
		}
	}
	if fig.viewed == "" {
		return fig, fmt.Errorf("no contract page in the second half of the site")
	}
	var pr *profiler
	step := func(edit func() ([]string, error), want int) (time.Duration, error) {
		files, err := edit()
		if err != nil {
			return 0, err
		}
		runtime.GC()
		if pr != nil {
			pr.start()
			defer pr.stop()
		}
		start := time.Now()
		c, d, err := pipeline.RecheckFiles(context.Background(), checked, dir, b, files)
		if err != nil {
			return 0, err
		}
		p, err := pipeline.RenderChanged(context.Background(), pages, c, d, false, false)
		if err != nil {
			return 0, err
		}
		took := time.Since(start)
		if d.Count() != want {
			return 0, fmt.Errorf("an edit assembled %d contracts again, want %d", d.Count(), want)
		}
		checked, pages = c, p
		return took, nil
	}
	file := s.Courses[n/2]
	var courses, clauses []time.Duration
	if profiled {
		pr = new(profiler)
	}
	for i := 1; i <= cfg.runs; i++ {
		t, err := step(func() ([]string, error) { return []string{file}, synth.EditCourse(dir, file, i) }, 1)
		if err != nil {
			return fig, err
		}
		courses = append(courses, t)
	}
	if pr != nil {
		fig.courseProf, fig.profErr = pr.result(), pr.err
		pr = nil
	}
	for i := 1; i <= cfg.runs && !cfg.targetsOnly; i++ {
		t, err := step(func() ([]string, error) { return synth.EditSharedClause(dir, b, i) }, len(s.Courses))
		if err != nil {
			return fig, err
		}
		clauses = append(clauses, t)
	}
	fig.course, fig.clause = median(courses), median(clauses)
	return fig, nil
}

// result is one finished child process.
type result struct {
	wall   time.Duration
	cpu    time.Duration // user + system
	maxRSS int64         // bytes; 0 where the system does not say
	exit   int
	stderr string
}

// run runs bin with args and measures it. It starts bin through this
// program's own "measure" command (runMeasure), a small process that
// starts bin and reports what wait4 said of it: on Linux a child started
// with vfork (as os/exec starts it) inherits its parent's peak resident
// memory, so bin started from here directly would report this process's
// peak (the synthetic sites it generated) whenever that is the larger.
func run(ctx context.Context, bin string, args ...string) (result, error) {
	self, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return result{}, err
	}
	defer pr.Close()
	cmd := exec.CommandContext(ctx, self, append([]string{"measure", bin}, args...)...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	cmd.ExtraFiles = []*os.File{pw}
	err = cmd.Start()
	pw.Close()
	if err != nil {
		return result{}, err
	}
	report, _ := io.ReadAll(pr)
	err = cmd.Wait()
	res := result{stderr: stderr.String()}
	var wall, cpu int64
	if _, serr := fmt.Sscan(string(report), &wall, &cpu, &res.maxRSS, &res.exit); serr != nil && err == nil {
		err = fmt.Errorf("no measurement: %v", serr)
	}
	res.wall, res.cpu = time.Duration(wall), time.Duration(cpu)
	if err == nil && res.exit != 0 {
		err = fmt.Errorf("exit status %d", res.exit)
	}
	if err != nil {
		return res, fmt.Errorf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, tail(res.stderr, 2000))
	}
	return res, nil
}

// runMeasure is the "measure" command: it runs args[0] with the rest as
// its arguments, with this process's standard streams, and writes its
// wall time, its CPU time (user + system, in nanoseconds), its peak
// resident memory (bytes) and its exit code to file descriptor 3.
func runMeasure(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchsite measure BIN [ARG…] 3>REPORT")
		return 2
	}
	out := os.NewFile(3, "report")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	ps := cmd.ProcessState
	if ps == nil {
		fmt.Fprintln(os.Stderr, "benchsite measure:", err)
		return 127
	}
	fmt.Fprintf(out, "%d %d %d %d\n", wall, cpuTime(ps), maxRSS(ps), ps.ExitCode())
	return 0
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// countPages counts the HTML files of a built site.
func countPages(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// medians are the medians of each figure of several runs.
func medians(rs []result) (wall, cpu time.Duration, rss int64) {
	var walls, cpus []time.Duration
	var rsss []int64
	for _, r := range rs {
		walls, cpus, rsss = append(walls, r.wall), append(cpus, r.cpu), append(rsss, r.maxRSS)
	}
	return median(walls), median(cpus), median(rsss)
}

func median[T time.Duration | int64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
