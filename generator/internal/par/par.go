// Package par runs independent pieces of work on every core.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0), …, f(n-1) from GOMAXPROCS goroutines and returns when all
// calls have returned. Each call must write only to slots the caller owns
// (say, index i of a slice), so that the result never depends on
// scheduling. A panic in f is raised again in the caller's goroutine,
// where the command's recover can see it, instead of ending the process.
func Do(n int, f func(i int)) {
	DoContext(context.Background(), n, f)
}

// DoContext is Do that stops handing out work once ctx is done: the calls
// already running finish, no new one starts, and it returns ctx.Err().
func DoContext(ctx context.Context, n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			f(i)
		}
		return ctx.Err()
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	var stop atomic.Bool
	var panicked any
	var once sync.Once
	// Hand out indices in small batches: the items are often a few
	// microseconds of work, too little to pay a channel send each.
	const batch = 16
	take := func() (lo, hi int) {
		mu.Lock()
		defer mu.Unlock()
		lo = next
		next = min(next+batch, n)
		return lo, next
	}
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
					stop.Store(true)
				}
			}()
			for !stop.Load() {
				lo, hi := take()
				if lo == hi {
					return
				}
				for i := lo; i < hi; i++ {
					if ctx.Err() != nil {
						stop.Store(true)
						return
					}
					f(i)
				}
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	return ctx.Err()
}
