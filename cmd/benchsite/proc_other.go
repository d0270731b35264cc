//go:build !unix

package main

import (
	"os"
	"time"
)

// maxRSS is not known on this system.
func maxRSS(*os.ProcessState) int64 { return 0 }

// cpuTime is the user and system time of a finished child.
func cpuTime(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

// settle gives the file system a moment between runs.
func settle() { time.Sleep(time.Second) }

// selfCPU is not known on this system.
func selfCPU() time.Duration { return 0 }
