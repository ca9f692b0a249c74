package pools

import (
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

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

// blockSumPrimes cuts the work into chunks but deals them out in
// contiguous blocks, one block per worker: the last worker gets the
// biggest numbers of the biggest limit, and the others wait for it.
func blockSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	type chunk struct{ limit, lo, hi int }
	var chunks []chunk
	for i, n := range limits {
		for lo := 2; lo <= n; lo += chunkSize {
			chunks = append(chunks, chunk{i, lo, min(lo+chunkSize-1, n)})
		}
	}
	sums := make([]int, len(chunks))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * len(chunks) / workers; i < (w+1)*len(chunks)/workers; i++ {
				sums[i] = sumBetween(chunks[i].lo, chunks[i].hi)
			}
		})
	}
	wg.Wait()
	totals := make([]int, len(limits))
	for i, c := range chunks {
		totals[c.limit] += sums[i]
	}
	return totals
}

// overlapSumPrimes starts every chunk at 0 instead of 2 the first time
// and at lo-1 afterwards, so each chunk boundary is summed twice.
func overlapSumPrimes(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	sums := make([]int, len(limits))
	for i, n := range limits {
		for lo := 2; lo <= n; lo += chunkSize {
			sums[i] += sumBetween(max(lo-1, 2), min(lo+chunkSize-1, n))
		}
	}
	return sums
}

func TestBadPerLimitSumPrimes(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSumPrimes(t, perLimitSumPrimes)
}

func TestBadBlockSumPrimes(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSumPrimes(t, blockSumPrimes)
}

func TestBadOverlapSumPrimes(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSumPrimes(t, overlapSumPrimes)
}

func TestOneGoroutinePerLimitIsToldToSplitTheWork(t *testing.T) {
	out := exercisetest.Output(t, "TestBadPerLimitSumPrimes")
	assert.Contains(t, out, "sumBetween(2, 30000) summed 29999 numbers at once, want at most chunkSize=1000")
	assert.Contains(t, out, "chunks were summed at once with workers=3: more than 3 at once")
	assert.Contains(t, out, "with 2 workers the work took 164ms of fake time, want at most 153ms "+
		"(its 289ms split evenly, plus one chunk of 1000 numbers, 8ms); a speedup of 1.76, want about 2")
	assert.Contains(t, out, "workers sat idle while chunks were left. "+
		"Put every chunk of every limit on one channel, and let each worker take the next chunk as soon as it is free")
	assert.Contains(t, out, "FAIL sum-primes: 5/10 points")
}

func TestContiguousBlocksAreToldWorkersSatIdle(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBlockSumPrimes")
	assert.Contains(t, out, "with 2 workers the work took 167ms of fake time, want at most 153ms")
	assert.Contains(t, out, "workers sat idle while chunks were left")
	assert.Contains(t, out, "FAIL sum-primes: 8/10 points")
}

func TestOverlappingChunksAreToldWhichNumberCountedTwice(t *testing.T) {
	out := exercisetest.Output(t, "TestBadOverlapSumPrimes")
	assert.Contains(t, out, "want [37550402023 142913828922 312471072265], the seed's sums")
	assert.Contains(t, out, "number 1001 was in 8 chunks, want 4 (one for each limit ≥ 1001): "+
		"the chunks of each limit must cover 2…limit exactly once")
	assert.Contains(t, out, "a speedup of 1.00, want about 2")
	assert.Contains(t, out, "FAIL sum-primes: 2/10 points")
}
