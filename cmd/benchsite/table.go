package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// table prints the rows as one Markdown table, with the machine and the
// versions above it.
func table(rows []row, hugoVersion string, cfg benchConfig) string {
	var b strings.Builder
	hugoName := "Hugo"
	if hugoVersion != "" {
		hugoName = "Hugo " + hugoVersion
	}
	fmt.Fprintf(&b, "oferta against %s, %s\n\n", hugoName, time.Now().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "Machine: %s; %d cores (GOMAXPROCS %d); %s RAM; %s/%s; %s. %s.",
		cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), memTotal(), runtime.GOOS, runtime.GOARCH, runtime.Version(), runsText(cfg.runs))
	if end := loadAverage(); cfg.loadStart != "" && end != "" {
		// Other work on the machine stretches wall times far more than
		// CPU times: the load says how much to trust the former.
		fmt.Fprintf(&b, " Load average (1, 5, 15 min) at the start %s, at the end %s.", cfg.loadStart, end)
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "| courses | measure | oferta | %s | oferta ÷ Hugo |\n", hugoName)
	b.WriteString("|--:|---|--:|--:|--:|\n")
	note := false
	for _, r := range rows {
		n := fmt.Sprintf("%d", r.courses)
		line := func(measure, ours, theirs string, ratio float64) {
			if ours == "n/a" && theirs == "n/a" {
				return // not measured in this run (-targets-only)
			}
			rs := "n/a"
			if ratio > 0 {
				rs = fmt.Sprintf("%.2f", ratio)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", n, measure, ours, theirs, rs)
			n = ""
		}
		line(fmt.Sprintf("full build, wall time (%d / %d pages)", r.pages, r.hugoPage), dur(r.build), dur(r.hugo), ratio(r.build, r.hugo))
		line("pages per second", rate(r.pages, r.build), rate(r.hugoPage, r.hugo), ratio(perSecond(r.pages, r.build), perSecond(r.hugoPage, r.hugo)))
		line("CPU time of the full build (user + system)", dur(r.cpu), dur(r.hugoCPU), ratio(r.cpu, r.hugoCPU))
		line("peak memory (max RSS)", mib(r.rss), mib(r.hugoRSS), ratio(r.rss, r.hugoRSS))
		line("edit one course → pages updated (Hugo: one page file)", dur(r.course), dur(r.hugoPg), ratio(r.course, r.hugoPg))
		line("edit a clause every course includes (Hugo: the single layout)", dur(r.clause), dur(r.hugoTpl), ratio(r.clause, r.hugoTpl))
		line("edit the shared clause in `serve` → the page a tab shows updated", dur(r.serve.view), "n/a", 0)
		line("edit the shared clause in `serve` → whole-site lint done", dur(r.serve.lint), "n/a", 0)
		lint := dur(r.lint)
		if r.lintInProcess {
			lint += " ¹"
			note = true
		}
		line("lint", lint, "n/a", 0)
	}
	if note {
		b.WriteString("\n¹ `oferta lint` is not in this version yet: the figure is build.Check (load, assemble, lint) timed in-process.\n")
	}
	b.WriteString(targets(rows))
	fmt.Fprintf(&b, "\nFull builds write into %s; oferta and Hugo take turns, and the disk is flushed before each run.", cfg.outdir)
	b.WriteString(" Full builds and lint run the binaries (wall time of the process, max RSS from getrusage); incremental figures are pipeline.RecheckFiles (given the changed files, as the server's watcher gives them) + pipeline.RenderChanged in-process for oferta and the \"Total in\" Hugo's `hugo server --disableFastRender` reports; the `serve` figures are the preview server in-process, from the file-system event (the 150 ms quiet period after a save left out) to the status a tab gets over HTTP.\n")
	return b.String()
}

func dur(d time.Duration) string {
	switch {
	case d == 0:
		return "n/a"
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func perSecond(pages int, d time.Duration) float64 {
	if d == 0 {
		return 0
	}
	return float64(pages) / d.Seconds()
}

func rate(pages int, d time.Duration) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f", perSecond(pages, d))
}

func mib(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

func ratio[T time.Duration | int64 | float64](a, b T) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func runsText(runs int) string {
	if runs == 1 {
		return "One run per figure"
	}
	return fmt.Sprintf("Median of %d runs", runs)
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes,
// where /proc says; "" elsewhere.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], ", ")
}

// cpuModel and memTotal describe the machine where /proc says.
func cpuModel() string {
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		return v
	}
	return runtime.GOARCH
}

func memTotal() string {
	v := procField("/proc/meminfo", "MemTotal")
	var kb int64
	if _, err := fmt.Sscanf(v, "%d kB", &kb); err != nil || kb == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f GiB", float64(kb)/(1<<20))
}

func procField(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
