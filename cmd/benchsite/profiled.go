package main

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/oferta-dev/oferta/generator/output"
	"github.com/oferta-dev/oferta/generator/pipeline"
	"github.com/oferta-dev/oferta/generator/render"
)

// whyProfiles records, for the targets the binaries missed (lint, the
// full build's time and memory), a CPU profile of one more run of the
// same work in this process. The measured figures stay those of the
// binaries: a process of its own gives the peak memory (max RSS) and the
// wall time Hugo's is compared with, and oferta has no profiling switch.
func whyProfiles(ctx context.Context, cfg benchConfig, r *row, siteDir, outDir string) error {
	if r.lint >= lintTarget {
		progress(cfg, "%d courses: lint missed its target: profiling one more lint in-process", r.courses)
		var pr profiler
		restore := tunedGC(768 << 20)
		runtime.GC()
		pr.start()
		start := time.Now()
		_, err := pipeline.CheckContext(ctx, siteDir, builtin())
		r.lintProfWall = time.Since(start)
		pr.stop()
		restore()
		if err != nil {
			return err
		}
		r.lintProf, r.profErr = pr.result(), cmpErr(r.profErr, pr.err)
	}
	slow := r.hugo > 0 && ratio(r.build, r.hugo) > buildHugoTarget
	if !slow && r.rss < buildRSSTarget {
		return nil
	}
	progress(cfg, "%d courses: the full build missed a target: profiling one more build in-process", r.courses)
	defer os.RemoveAll(outDir)
	var pr profiler
	restore := tunedGC(540 << 20)
	defer restore()
	runtime.GC()
	peak := watchMemory()
	pr.start()
	start := time.Now()
	err := buildInProcess(ctx, siteDir, outDir)
	r.buildProfWall = time.Since(start)
	pr.stop()
	r.buildPeakHeap, r.buildPeakGo = peak()
	if err != nil {
		return err
	}
	r.buildProf, r.profErr = pr.result(), cmpErr(r.profErr, pr.err)
	return nil
}

// buildInProcess does what `oferta build -s dir -d dest -q` does
// (cmd/oferta's runBuild): check and render each course in turn, writing
// its pages at once and dropping its contract (pipeline.Build), and swap
// the new folder in.
func buildInProcess(ctx context.Context, dir, dest string) error {
	w, err := output.Create(dest)
	if err != nil {
		return err
	}
	if _, _, err := pipeline.Build(ctx, dir, builtin(), false, func(f render.File) error { return w.Write(f) }, nil); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

// tunedGC sets the collector as cmd/oferta's tuneGC does for the
// commands that run once (GOGC=400, at most limit bytes: 540 MiB for
// build, 768 MiB for lint; unless GOGC or GOMEMLIMIT are set), and
// returns the function that restores it.
func tunedGC(limitBytes int64) (restore func()) {
	gc, limit := 0, int64(-1)
	setGC := os.Getenv("GOGC") == ""
	if setGC {
		gc = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(limitBytes)
	}
	return func() {
		if setGC {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// watchMemory samples this process's memory every 20 ms until the
// returned function is called, which returns the peaks of the live heap
// (as the last collection marked it) and of the memory Go holds from the
// system (less what it returned).
func watchMemory() (peaks func() (heap, goMem int64)) {
	samples := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	var mu sync.Mutex
	var heap, goMem int64
	read := func() {
		metrics.Read(samples)
		val := func(i int) int64 {
			if samples[i].Value.Kind() != metrics.KindUint64 {
				return 0
			}
			return int64(samples[i].Value.Uint64())
		}
		mu.Lock()
		heap = max(heap, val(0))
		goMem = max(goMem, val(1)-val(2))
		mu.Unlock()
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() (int64, int64) {
		close(stop)
		<-done
		read()
		mu.Lock()
		defer mu.Unlock()
		return heap, goMem
	}
}
