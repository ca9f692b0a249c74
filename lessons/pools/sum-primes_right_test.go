package pools

import (
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sync/errgroup"
)

// Correct SumPrimes in other styles than the reference's channel of
// chunk indexes and one slot per chunk. Each must pass every run.

// errgroupSumPrimes gives each chunk a goroutine of its own, and lets
// errgroup's SetLimit hold all but workers of them back.
func errgroupSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	sums := make([]int, len(all))
	var g errgroup.Group
	g.SetLimit(workers)
	for i, c := range all {
		g.Go(func() error {
			sums[i] = sumBetween(c.lo, c.hi)
			return nil
		})
	}
	g.Wait() // the tasks return no error
	return addBySpan(limits, all, sums)
}

// mutexSumPrimes's producer makes the chunks as it sends them, and the
// workers add each sum to its limit's total under a mutex.
func mutexSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	next := make(chan span)
	go func() {
		defer close(next)
		for i, n := range limits {
			for lo := 2; lo <= n; lo += chunkSize {
				next <- span{i, lo, min(lo+chunkSize-1, n)}
			}
		}
	}()
	totals := make([]int, len(limits))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := range next {
				s := sumBetween(c.lo, c.hi)
				mu.Lock()
				totals[c.limit] += s
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return totals
}

// atomicSumPrimes's workers claim the next chunk with an atomic
// counter and add to atomic totals, biggest limit first.
func atomicSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	all := spans(limits, chunkSize)
	totals := make([]atomic.Int64, len(limits))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(all); i = int(next.Add(1) - 1) {
				c := all[len(all)-1-i]
				totals[c.limit].Add(int64(sumBetween(c.lo, c.hi)))
			}
		})
	}
	wg.Wait()
	out := make([]int, len(limits))
	for i := range totals {
		out[i] = int(totals[i].Load())
	}
	return out
}

func TestRightSumPrimesPassEveryRun(t *testing.T) {
	for name, impl := range map[string]sumPrimesFunc{
		"errgroup": errgroupSumPrimes,
		"mutex":    mutexSumPrimes,
		"atomic":   atomicSumPrimes,
	} {
		t.Run(name, func(t *testing.T) {
			for range runsOfRightSum {
				CheckSumPrimes(t, impl)
			}
		})
	}
}
