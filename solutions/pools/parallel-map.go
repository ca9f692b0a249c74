package pools

import "sync"

// ParallelMap is Python's Pool(workers).map(f, in) for goroutines: it
// calls f on every input with a pool of workers goroutines that take
// input indexes from a channel, so at most workers calls run at once
// and a worker that is done takes the next input straight away.
//
// Each worker writes f(in[i]) into out[i], its own slot: the results
// come back in the order of the inputs, with no lock, however the
// calls finish. workers must be at least 1; a pool never needs more
// workers than there are inputs.
func ParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(in)) {
		wg.Go(func() {
			for i := range next {
				out[i] = f(in[i])
			}
		})
	}
	for i := range in {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
