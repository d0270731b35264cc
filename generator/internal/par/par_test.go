package par

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestDoCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 15, 16, 17, 1000} {
		calls := make([]atomic.Int32, n)
		Do(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n = %d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestDoRaisesAPanicInTheCaller(t *testing.T) {
	defer func() {
		if p := recover(); p != "boom" {
			t.Fatalf("recovered %v, want the worker's panic", p)
		}
	}()
	Do(1000, func(i int) {
		if i == 500 {
			panic("boom")
		}
	})
	t.Fatal("Do returned after a panic")
}

func TestDoContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := DoContext(ctx, 100000, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if c := calls.Load(); c > 100 {
		t.Errorf("%d calls after the context was cancelled at the 10th", c)
	}
}
