package main

import (
	"context"
	"os"
	"runtime"
	"testing"
)

// TestMain lets the test binary serve as its own "measure" command, as
// run starts it.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "measure" {
		os.Exit(runMeasure(os.Args[2:]))
	}
	os.Exit(m.Run())
}

// TestRunMeasuresTheChildAlone: the peak memory run reports is the
// child's, not this process's. Started directly with os/exec (vfork), a
// child on Linux reports the parent's peak when that is larger, which
// made the bench report 870 MiB for a build that peaked at 549 MiB.
func TestRunMeasuresTheChildAlone(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the inherited peak is Linux's")
	}
	big := make([]byte, 400<<20)
	for i := range big {
		if i%4096 == 0 {
			big[i] = 1
		}
	}
	res, err := run(context.Background(), "/bin/sh", "-c", "exit 0")
	runtime.KeepAlive(big)
	if err != nil {
		t.Fatal(err)
	}
	if res.maxRSS <= 0 || res.maxRSS > 100<<20 {
		t.Errorf("peak memory of sh: %d MiB, want a few", res.maxRSS>>20)
	}
	if res.wall <= 0 || res.exit != 0 {
		t.Errorf("wall %v, exit %d", res.wall, res.exit)
	}
	if res, err := run(context.Background(), "/bin/sh", "-c", "exit 3"); err == nil || res.exit != 3 {
		t.Errorf("exit 3: err %v, exit %d", err, res.exit)
	}
}
