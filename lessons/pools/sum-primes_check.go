package pools

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// sumPrimesFunc is the learner's SumPrimes in the sum-primes exercise.
type sumPrimesFunc = func(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int

// CheckSumPrimes checks the sum-primes exercise: sumPrimes returns the
// sum of the primes up to each limit, splitting the numbers from 2 to
// each limit into chunks of at most chunkSize numbers that at most
// workers goroutines sum at once with sumBetween, keeping every worker
// busy until the last chunk.
//
// The first part sums the seed's real numbers with [SumPrimesBetween].
// The others inject a sumBetween that records each chunk and sleeps on
// synctest's fake clock as long as that chunk would really take: the
// cost of a range grows as hi^1.5 - lo^1.5 (bigger numbers need more
// trial divisions), so the top of a range weighs more than its bottom,
// as it does on a real CPU. How fast it really runs is for the
// benchmark (bench_test.go), not for a check.
func CheckSumPrimes(t *testing.T, sumPrimes func(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int) {
	t.Helper()
	exercise.Check(t, "sum-primes",
		exercise.Part{Name: "returns the seed's sums of the primes up to 1, 2 and 3 million", Points: 3,
			Run: exercise.InBubble(sumPrimes, checkSumSeed)},
		exercise.Part{Name: "sums every number from 2 to each limit exactly once", Points: 2,
			Run: exercise.InBubble(sumPrimes, checkSumCover)},
		exercise.Part{Name: "splits the work into chunks of at most chunkSize numbers", Points: 1,
			Run: exercise.InBubble(sumPrimes, checkSumChunks)},
		exercise.Part{Name: "never sums more chunks at once than there are workers", Points: 2,
			Run: exercise.InBubble(sumPrimes, checkSumBound)},
		exercise.Part{Name: "keeps every worker busy until the last chunk", Points: 2,
			Run: exercise.InBubble(sumPrimes, checkSumBusy)},
	)
}

func checkSumSeed(t *testing.T, sumPrimes sumPrimesFunc) {
	limits := slices.Clone(SeedLimits)
	got := sumPrimes(limits, 2, 100_000, SumPrimesBetween)
	if want := SeedSums; !slices.Equal(got, want) {
		t.Errorf("SumPrimes(%v, 2 workers, chunks of 100000, SumPrimesBetween) = %v, want %v, the seed's sums",
			limits, got, want)
	}
}

// chunk is one call of sumBetween.
type chunk struct{ lo, hi int }

// fakeSum is a sumBetween that records its chunks, counts how many run
// at once, sleeps as long as the chunk would take, and returns the sum
// of every number in it (not just the primes: a simple sum tells a
// chunk counted twice from one left out).
type fakeSum struct {
	inFlight exercise.InFlight
	mu       sync.Mutex
	chunks   []chunk
}

// cost is how long summing the primes from lo to hi takes on the fake
// clock: a millisecond for the first thousand numbers, growing as
// hi^1.5 - lo^1.5.
func cost(lo, hi int) time.Duration {
	lo = max(lo, 2)
	if hi < lo {
		return 0
	}
	f := func(n int) float64 { return math.Pow(float64(n)/1000, 1.5) }
	return time.Duration((f(hi) - f(lo-1)) * float64(time.Millisecond))
}

func (s *fakeSum) sumBetween(lo, hi int) int {
	defer s.inFlight.Enter()()
	s.mu.Lock()
	s.chunks = append(s.chunks, chunk{lo, hi})
	s.mu.Unlock()
	time.Sleep(cost(lo, hi))
	sum := 0
	for n := max(lo, 2); n <= hi; n++ {
		sum += n
	}
	return sum
}

// fakeLimits are the seed's numbers made a hundred times smaller, with
// the same shape, and two odd ones: a limit that is not a multiple of
// the chunk size, and one with nothing to sum.
var fakeLimits = []int{10_000, 20_000, 30_000, 2_500, 1}

// sumTo is what fakeSum's chunks add up to for one limit: 2+3+…+n.
func sumTo(n int) int {
	if n < 2 {
		return 0
	}
	return n*(n+1)/2 - 1
}

func checkSumCover(t *testing.T, sumPrimes sumPrimesFunc) {
	var s fakeSum
	limits := slices.Clone(fakeLimits)
	got := sumPrimes(limits, 3, 1_000, s.sumBetween)
	want := make([]int, len(limits))
	for i, n := range limits {
		want[i] = sumTo(n)
	}
	if !slices.Equal(got, want) {
		t.Errorf("with a sumBetween that adds up every number of its chunk, SumPrimes(%v, …) = %v, want %v: "+
			"add up the results of each limit's chunks, and only of its own", limits, got, want)
	}
	if msg := coverage(limits, s.chunks); msg != "" {
		t.Errorf("%s: the chunks of each limit must cover 2…limit exactly once", msg)
	}
}

// coverage says how the chunks fail to cover 2…limit once per limit:
// number n must be in as many chunks as there are limits ≥ n.
func coverage(limits []int, chunks []chunk) string {
	type edge struct{ at, have, want int }
	var edges []edge
	for _, n := range limits {
		if n >= 2 {
			edges = append(edges, edge{2, 0, +1}, edge{n + 1, 0, -1})
		}
	}
	for _, c := range chunks {
		if lo := max(c.lo, 2); lo <= c.hi {
			edges = append(edges, edge{lo, +1, 0}, edge{c.hi + 1, -1, 0})
		}
	}
	slices.SortFunc(edges, func(a, b edge) int { return cmp.Compare(a.at, b.at) })
	have, want := 0, 0
	for i, e := range edges {
		have, want = have+e.have, want+e.want
		if i+1 < len(edges) && edges[i+1].at == e.at || have == want {
			continue
		}
		return fmt.Sprintf("number %d was in %d chunks, want %d (one for each limit ≥ %d)", e.at, have, want, e.at)
	}
	return ""
}

func checkSumChunks(t *testing.T, sumPrimes sumPrimesFunc) {
	var s fakeSum
	sumPrimes(slices.Clone(fakeLimits), 3, 1_000, s.sumBetween)
	if len(s.chunks) == 0 {
		t.Errorf("sumBetween was never called: sum every chunk with the sumBetween you are given")
		return
	}
	biggest := slices.MaxFunc(s.chunks, func(a, b chunk) int { return cmp.Compare(a.hi-a.lo, b.hi-b.lo) })
	if n := biggest.hi - biggest.lo + 1; n > 1_000 {
		t.Errorf("sumBetween(%d, %d) summed %d numbers at once, want at most chunkSize=1000: "+
			"cut each range 2…limit into chunks of chunkSize numbers", biggest.lo, biggest.hi, n)
	}
}

func checkSumBound(t *testing.T, sumPrimes sumPrimesFunc) {
	for _, workers := range []int{3, 1} {
		var s fakeSum
		sumPrimes(slices.Clone(fakeLimits), workers, 1_000, s.sumBetween)
		if peak := s.inFlight.Peak(); peak > workers {
			t.Errorf("%d chunks were summed at once with workers=%d: more than %d at once; "+
				"start a pool of %d goroutines that take chunks from a channel, not one goroutine per chunk or per limit",
				peak, workers, workers, workers)
			return
		}
	}
}

// checkSumBusy is the speedup on the fake clock. With every worker
// busy until the chunks run out, the work ends at most one chunk after
// a perfect split, total/workers; this is Graham's bound for any pool
// whose free worker takes the next chunk at once. The chunk is the
// costliest one chunkSize allows, so one huge chunk does not pass.
func checkSumBusy(t *testing.T, sumPrimes sumPrimesFunc) {
	const chunkSize = 1_000
	top := slices.Max(fakeLimits)
	longest := cost(top-chunkSize+1, top)
	for _, workers := range []int{2, 4} {
		var s fakeSum
		start := time.Now()
		sumPrimes(slices.Clone(fakeLimits), workers, chunkSize, s.sumBetween)
		took := time.Since(start)
		var total time.Duration
		for _, c := range s.chunks {
			total += cost(c.lo, c.hi)
		}
		if total == 0 {
			t.Errorf("sumBetween was never called: sum every chunk with the sumBetween you are given")
			return
		}
		ideal := total / time.Duration(workers)
		if took > ideal+longest {
			t.Errorf("with %d workers the work took %v of fake time, want at most %v (its %v split evenly, "+
				"plus one chunk of %d numbers, %v); a speedup of %.2f, want about %d: workers sat idle while chunks were left. "+
				"Put every chunk of every limit on one channel, and let each worker take the next chunk as soon as it is free",
				workers, took.Round(time.Millisecond), (ideal + longest).Round(time.Millisecond),
				total.Round(time.Millisecond), chunkSize, longest.Round(time.Millisecond),
				float64(total)/float64(took), workers)
			return
		}
		if peak := s.inFlight.Peak(); peak < workers {
			t.Errorf("at most %d chunks were summed at once with workers=%d, want %d at once", peak, workers, workers)
			return
		}
	}
}
