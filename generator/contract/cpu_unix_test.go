//go:build unix

package contract_test

import (
	"syscall"
	"time"
)

// processCPU is the user and system time this process has used. The
// machines benchmarks run on are often shared, and CPU time varies far
// less than wall time when other work competes for the cores.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
