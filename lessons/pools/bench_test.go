package pools

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

// The benchmarks time the seed's CPU work, the sum of the primes up to
// 1, 2 and 3 million: one after another, one goroutine per number (the
// shape of the seed's Pool.map), and split evenly over every core, two
// ways. A benchmark measures; it does not assert, because wall-clock
// time varies. Run them when the machine is quiet (see uptime), with
// -cpu to choose GOMAXPROCS:
//
//	go test -run '^$' -bench Seed -benchtime 5x -count 3 ./lessons/pools/
//
// and compare with the seed's own Python program (seed_pool.py):
//
//	python3 lessons/pools/seed_pool.py
//
// On the course's machine (2 cores, Intel Xeon 2.50GHz under KVM, Go
// 1.26, Python 3.11.7; 21 November 2026, four sittings at a 1-minute
// load below 0.6, -benchtime 3x -count 10), the quietest sitting gave,
// min and median of ten:
//
//	Sequential    660 ms   853 ms
//	OnePerNumber  443 ms   558 ms   (the biggest number dominates)
//	Dealt         298 ms   306 ms
//	Chunks        307 ms   313 ms   (speedup 2.15 min to min)
//
// and over all four sittings Chunks was 1.83 to 2.15 times as fast as
// Sequential (min to min). The seed's Pool(2) program printed 9.9 s
// and 10.0 s in that sitting (9.9 s to 16.7 s over eight runs): about
// 30 times the time of Chunks, on the same two cores.

// seedSequential sums the seed's numbers in one goroutine.
func seedSequential(limits []int) []int {
	sums := make([]int, len(limits))
	for i, n := range limits {
		sums[i] = SumPrimesBetween(2, n)
	}
	return sums
}

// seedOnePerNumber is Pool.map's shape: one goroutine per number. The
// biggest number is more than half of the work, so this is never twice
// as fast as seedSequential, however many cores there are.
func seedOnePerNumber(limits []int) []int {
	sums := make([]int, len(limits))
	var wg sync.WaitGroup
	for i, n := range limits {
		wg.Go(func() { sums[i] = SumPrimesBetween(2, n) })
	}
	wg.Wait()
	return sums
}

// seedDealt cuts every limit's range into chunks of chunkSize numbers
// and deals them out like cards: worker w sums chunks w, w+workers, …
// (Dealing single numbers would give one of 2 workers every even
// number, which IsPrime rejects at once, and the other all the work.)
func seedDealt(limits []int, workers, chunkSize int) []int {
	parts := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			parts[w] = make([]int, len(limits))
			for i, n := range limits {
				for lo := 2 + w*chunkSize; lo <= n; lo += workers * chunkSize {
					parts[w][i] += SumPrimesBetween(lo, min(lo+chunkSize-1, n))
				}
			}
		})
	}
	wg.Wait()
	return addUpParts(parts, len(limits))
}

// seedChunks hands out chunks of chunkSize numbers from one channel to
// workers goroutines: the sum-primes exercise's way.
func seedChunks(limits []int, workers, chunkSize int) []int {
	type chunk struct{ limit, lo, hi int }
	next := make(chan chunk)
	parts := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		parts[w] = make([]int, len(limits))
		wg.Go(func() {
			for c := range next {
				parts[w][c.limit] += SumPrimesBetween(c.lo, c.hi)
			}
		})
	}
	for i, n := range limits {
		for lo := 2; lo <= n; lo += chunkSize {
			next <- chunk{i, lo, min(lo+chunkSize-1, n)}
		}
	}
	close(next)
	wg.Wait()
	return addUpParts(parts, len(limits))
}

// addUpParts adds up the workers' partial sums, limit by limit.
func addUpParts(parts [][]int, n int) []int {
	sums := make([]int, n)
	for _, p := range parts {
		for i, s := range p {
			sums[i] += s
		}
	}
	return sums
}

func benchSeed(b *testing.B, sum func([]int) []int) {
	for b.Loop() {
		if got := sum(SeedLimits); !slices.Equal(got, SeedSums) {
			b.Fatalf("got %v, want %v", got, SeedSums)
		}
	}
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

func BenchmarkSeedSequential(b *testing.B) { benchSeed(b, seedSequential) }

func BenchmarkSeedOnePerNumber(b *testing.B) { benchSeed(b, seedOnePerNumber) }

func BenchmarkSeedDealt(b *testing.B) {
	benchSeed(b, func(l []int) []int { return seedDealt(l, runtime.GOMAXPROCS(0), 10_000) })
}

func BenchmarkSeedChunks(b *testing.B) {
	benchSeed(b, func(l []int) []int { return seedChunks(l, runtime.GOMAXPROCS(0), 10_000) })
}

// The parallel versions must give the seed's sums, whatever the number
// of workers; the benchmarks only time them.
func TestTheBenchmarkedVersionsGiveTheSeedsSums(t *testing.T) {
	small := []int{10_000, 20_000, 30_000}
	want := seedSequential(small)
	assert := func(name string, got []int) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	assert("seedOnePerNumber", seedOnePerNumber(small))
	for _, w := range []int{1, 2, 3, 7} {
		assert("seedDealt", seedDealt(small, w, 999))
		assert("seedChunks", seedChunks(small, w, 999))
	}
}
