package pools

import (
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sync/errgroup"
)

// Correct ParallelMaps in other styles than the reference's channel of
// indexes. Each must pass every run; which input starts first is up to
// them, and the semaphore's goroutines start in any order.

// semaphoreParallelMap starts one goroutine per input, each of which
// takes a slot of a semaphore, a channel with room for workers, before
// it calls f. The old check failed it about half the time.
func semaphoreParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, x := range in {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = f(x)
		})
	}
	wg.Wait()
	return out
}

// errgroupParallelMap lets errgroup's SetLimit hold the goroutines back.
func errgroupParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var g errgroup.Group
	g.SetLimit(workers)
	for i, x := range in {
		g.Go(func() error {
			out[i] = f(x)
			return nil
		})
	}
	g.Wait() // the tasks return no error
	return out
}

// atomicParallelMap's workers claim the next index with an atomic
// counter instead of a channel.
func atomicParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(in)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(in); i = int(next.Add(1) - 1) {
				out[i] = f(in[i])
			}
		})
	}
	wg.Wait()
	return out
}

// resultsParallelMap's workers send (index, result) pairs back on a
// channel, and the caller puts each in its place.
func resultsParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	type result struct {
		i int
		r R
	}
	next, results := make(chan int), make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				results <- result{i, f(in[i])}
			}
		})
	}
	go func() {
		defer close(results)
		for i := range in {
			next <- i
		}
		close(next)
		wg.Wait()
	}()
	out := make([]R, len(in))
	for res := range results {
		out[res.i] = res.r
	}
	return out
}

func TestRightParallelMapsPassEveryRun(t *testing.T) {
	for name, impl := range map[string]parallelMapFunc{
		"semaphore": semaphoreParallelMap[int, string],
		"errgroup":  errgroupParallelMap[int, string],
		"atomic":    atomicParallelMap[int, string],
		"results":   resultsParallelMap[int, string],
	} {
		t.Run(name, func(t *testing.T) {
			for range runsOfRight {
				CheckParallelMap(t, impl)
			}
		})
	}
}
