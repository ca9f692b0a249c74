package pools

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Wrong SumPrimes, the subtle ones first. Each fails on purpose in a
// child process; sum-primes_check_test.go reads what it printed.

// span is one chunk of a limit's numbers.
type span struct{ limit, lo, hi int }

// spans cuts every limit's numbers from 2 into chunks of size numbers.
func spans(limits []int, size int) []span {
	var all []span
	for i, n := range limits {
		for lo := 2; lo <= n; lo += size {
			all = append(all, span{i, lo, min(lo+size-1, n)})
		}
	}
	return all
}

// addBySpan adds each chunk's sum to its limit's total.
func addBySpan(limits []int, all []span, sums []int) []int {
	totals := make([]int, len(limits))
	for i, c := range all {
		totals[c.limit] += sums[i]
	}
	return totals
}

// dealtSumPrimes deals each limit's chunks out in advance, like
// cards, as the notebook's sumSeedDealt does: worker w sums chunks w,
// w+workers, … of every limit. With chunks that cost about the same as
// their neighbours it is as good as a pool.
func dealtSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	parts := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			parts[w] = make([]int, len(limits))
			for i, n := range limits {
				for lo := 2 + w*chunkSize; lo <= n; lo += workers * chunkSize {
					parts[w][i] += sumBetween(lo, min(lo+chunkSize-1, n))
				}
			}
		})
	}
	wg.Wait()
	totals := make([]int, len(limits))
	for _, p := range parts {
		for i, s := range p {
			totals[i] += s
		}
	}
	return totals
}

// blockSumPrimes deals the chunks out in contiguous blocks, one block
// per worker.
func blockSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	sums := make([]int, len(all))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * len(all) / workers; i < (w+1)*len(all)/workers; i++ {
				sums[i] = sumBetween(all[i].lo, all[i].hi)
			}
		})
	}
	wg.Wait()
	return addBySpan(limits, all, sums)
}

// limitByLimitSumPrimes runs a good pool, but on one limit at a time:
// at the end of each limit, workers wait for the last chunk of it.
func limitByLimitSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	totals := make([]int, len(limits))
	for i, n := range limits {
		all := spans([]int{n}, chunkSize)
		sums := make([]int, len(all))
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for j := range next {
					sums[j] = sumBetween(all[j].lo, all[j].hi)
				}
			})
		}
		for j := range all {
			next <- j
		}
		close(next)
		wg.Wait()
		totals[i] = addBySpan([]int{n}, all, sums)[0]
	}
	return totals
}

// racySumPrimes is a good pool whose workers add each chunk's sum to
// its limit's total themselves, without a lock.
func racySumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	totals := make([]int, len(limits))
	next := make(chan span)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := range next {
				totals[c.limit] += sumBetween(c.lo, c.hi)
			}
		})
	}
	for _, c := range all {
		next <- c
	}
	close(next)
	wg.Wait()
	return totals
}

// batchSumPrimes sums workers chunks at a time and waits for the whole
// batch before the next.
func batchSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	sums := make([]int, len(all))
	for start := 0; start < len(all); start += workers {
		var wg sync.WaitGroup
		for i := start; i < min(start+workers, len(all)); i++ {
			wg.Go(func() { sums[i] = sumBetween(all[i].lo, all[i].hi) })
		}
		wg.Wait()
	}
	return addBySpan(limits, all, sums)
}

// bigChunkSumPrimes is a good pool whose chunks hold one number too
// many: lo to lo+chunkSize.
func bigChunkSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize+1)
	sums := make([]int, len(all))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				sums[i] = sumBetween(all[i].lo, all[i].hi)
			}
		})
	}
	for i := range all {
		next <- i
	}
	close(next)
	wg.Wait()
	return addBySpan(limits, all, sums)
}

// perLimitSumPrimes is the seed's Pool.map: one goroutine per limit,
// each summing its whole range. It ignores workers and chunkSize.
func perLimitSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	sums := make([]int, len(limits))
	var wg sync.WaitGroup
	for i, n := range limits {
		wg.Go(func() { sums[i] = sumBetween(2, n) })
	}
	wg.Wait()
	return sums
}

// overlapSumPrimes sums one chunk after another, each starting at
// lo-1, so each chunk boundary is summed twice.
func overlapSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	sums := make([]int, len(limits))
	for i, n := range limits {
		for lo := 2; lo <= n; lo += chunkSize {
			sums[i] += sumBetween(max(lo-1, 2), min(lo+chunkSize-1, n))
		}
	}
	return sums
}

func TestBadDealtSumPrimes(t *testing.T)        { bad(t); CheckSumPrimes(t, dealtSumPrimes) }
func TestBadBlockSumPrimes(t *testing.T)        { bad(t); CheckSumPrimes(t, blockSumPrimes) }
func TestBadLimitByLimitSumPrimes(t *testing.T) { bad(t); CheckSumPrimes(t, limitByLimitSumPrimes) }
func TestBadRacySumPrimes(t *testing.T)         { bad(t); CheckSumPrimes(t, racySumPrimes) }
func TestBadBatchSumPrimes(t *testing.T)        { bad(t); CheckSumPrimes(t, batchSumPrimes) }
func TestBadBigChunkSumPrimes(t *testing.T)     { bad(t); CheckSumPrimes(t, bigChunkSumPrimes) }
func TestBadPerLimitSumPrimes(t *testing.T)     { bad(t); CheckSumPrimes(t, perLimitSumPrimes) }
func TestBadOverlapSumPrimes(t *testing.T)      { bad(t); CheckSumPrimes(t, overlapSumPrimes) }

// loadAddSumPrimes's workers read the index of the next chunk, then add
// one to it, in two atomic steps: two workers that read it at once both
// sum that chunk, and the one after it is never summed.
func loadAddSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	sums := make([]int, len(all))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Load())
				next.Add(1)
				if i >= len(all) {
					return
				}
				sums[i] = sumBetween(all[i].lo, all[i].hi)
			}
		})
	}
	wg.Wait()
	return addBySpan(limits, all, sums)
}

func TestBadLoadAddSumPrimes(t *testing.T) { bad(t); CheckSumPrimes(t, loadAddSumPrimes) }
