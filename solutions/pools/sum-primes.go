package pools

import "sync"

// SumPrimes returns the sum of the primes up to each limit, with the
// work spread over every worker until the end.
//
// One goroutine per limit would leave all but one core idle at the end,
// while the biggest limit is still being summed; and cutting each range
// into one equal part per worker is not even either, since the top of
// a range has bigger numbers that cost more divisions. So we cut every
// range into many small chunks and put all of them on one channel: a
// worker that is done takes the next chunk at once, and no worker can
// be left with more than one chunk of work when the others finish.
//
// Each chunk's sum goes into its own slot, sums[i]; we add them up by
// limit after wg.Wait, so there is no lock and no race.
func SumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	type chunk struct{ limit, lo, hi int }
	var chunks []chunk
	for i, n := range limits {
		for lo := 2; lo <= n; lo += chunkSize {
			chunks = append(chunks, chunk{i, lo, min(lo+chunkSize-1, n)})
		}
	}

	sums := make([]int, len(chunks))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				sums[i] = sumBetween(chunks[i].lo, chunks[i].hi)
			}
		})
	}
	for i := range chunks {
		next <- i
	}
	close(next)
	wg.Wait()

	totals := make([]int, len(limits))
	for i, c := range chunks {
		totals[c.limit] += sums[i]
	}
	return totals
}
