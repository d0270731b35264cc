// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(0), …, f(n-1) from GOMAXPROCS goroutines and returns when all
// calls have returned. Each call must write only to slots the caller owns
// (say, index i of a slice), so that the result never depends on
// scheduling.
func Do(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
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
			for {
				lo, hi := take()
				if lo == hi {
					return
				}
				for i := lo; i < hi; i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
}
