package pools

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Wrong ParallelMaps, the subtle ones first. Each fails on purpose in
// a child process; parallel-map_check_test.go reads what it printed.

// dealtParallelMap deals the inputs out in advance, like cards: worker
// w calls f on inputs w, w+workers, … With inputs of the same length it
// is as fast as a pool; with uneven ones a worker that is done sits
// idle while another still has inputs.
func dealtParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	for w := range min(workers, len(in)) {
		wg.Go(func() {
			for i := w; i < len(in); i += workers {
				out[i] = f(in[i])
			}
		})
	}
	wg.Wait()
	return out
}

// blockParallelMap gives each worker one contiguous block of inputs.
func blockParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	n := min(workers, len(in))
	for w := range n {
		wg.Go(func() {
			for i := w * len(in) / n; i < (w+1)*len(in)/n; i++ {
				out[i] = f(in[i])
			}
		})
	}
	wg.Wait()
	return out
}

// batchParallelMap starts workers inputs at a time and waits for the
// whole batch before the next.
func batchParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	for start := 0; start < len(in); start += workers {
		var wg sync.WaitGroup
		for i := start; i < min(start+workers, len(in)); i++ {
			wg.Go(func() { out[i] = f(in[i]) })
		}
		wg.Wait()
	}
	return out
}

// racyParallelMap's workers claim the next input with a shared index
// and no lock: a data race, and inputs taken twice or never.
func racyParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	next := 0
	var wg sync.WaitGroup
	for range min(workers, len(in)) {
		wg.Go(func() {
			for {
				i := next
				if i >= len(in) {
					return
				}
				next = i + 1
				out[i] = f(in[i])
			}
		})
	}
	wg.Wait()
	return out
}

// appendingParallelMap keeps the results in the order they finish.
func appendingParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	next := make(chan T)
	results := make(chan R)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for x := range next {
				results <- f(x)
			}
		})
	}
	go func() {
		for _, x := range in {
			next <- x
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	var out []R
	for r := range results {
		out = append(out, r)
	}
	return out
}

// unwaitedParallelMap sends every index but returns without waiting
// for the workers: the last calls are still running.
func unwaitedParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	next := make(chan int)
	for range min(workers, len(in)) {
		go func() {
			for i := range next {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		next <- i
	}
	close(next)
	return out
}

// unboundedParallelMap forgets the pool: one goroutine per input.
func unboundedParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	for i, x := range in {
		wg.Go(func() { out[i] = f(x) })
	}
	wg.Wait()
	return out
}

// sequentialParallelMap ignores workers.
func sequentialParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	return out
}

func TestBadDealtParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, dealtParallelMap[int, string])
}
func TestBadBlockParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, blockParallelMap[int, string])
}
func TestBadBatchParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, batchParallelMap[int, string])
}
func TestBadRacyParallelMap(t *testing.T) { bad(t); CheckParallelMap(t, racyParallelMap[int, string]) }
func TestBadAppendingParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, appendingParallelMap[int, string])
}
func TestBadUnwaitedParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, unwaitedParallelMap[int, string])
}
func TestBadUnboundedParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, unboundedParallelMap[int, string])
}
func TestBadSequentialParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, sequentialParallelMap[int, string])
}

// loadAddParallelMap's workers read the next index, then add one to
// it, in two atomic steps: two workers that read it at once both map
// that input, and the one after it is skipped.
func loadAddParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Load())
				next.Add(1)
				if i >= len(in) {
					return
				}
				out[i] = f(in[i])
			}
		})
	}
	wg.Wait()
	return out
}

func TestBadLoadAddParallelMap(t *testing.T) {
	bad(t)
	CheckParallelMap(t, loadAddParallelMap[int, string])
}
