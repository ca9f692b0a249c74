package pools

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
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
// as it does on a real CPU; and one heavy stretch of numbers costs far
// more, so that chunks dealt out in advance leave workers idle (see
// checkSumBusy). How fast it really runs is for the benchmark
// (bench_test.go), not for a check.
func CheckSumPrimes(t *testing.T, sumPrimes func(limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int) {
	t.Helper()
	exercise.Check(t, "sum-primes",
		exercise.Part{Name: "returns the seed's sums of the primes up to 1, 2 and 3 million", Points: 3,
			Run: exercise.InMutexBubble(sumPrimes, checkSumSeed)},
		exercise.Part{Name: "sums every number from 2 to each limit exactly once", Points: 2,
			Run: exercise.InMutexBubble(sumPrimes, checkSumCover)},
		exercise.Part{Name: "splits the work into chunks of at most chunkSize numbers", Points: 1,
			Run: exercise.InMutexBubble(sumPrimes, checkSumChunks)},
		exercise.Part{Name: "never sums more chunks at once than there are workers", Points: 2,
			Run: exercise.InMutexBubble(sumPrimes, checkSumBound)},
		exercise.Part{Name: "keeps every worker busy until the last chunk", Points: 2,
			Run: exercise.InMutexBubble(sumPrimes, checkSumBusy)},
	)
}

func checkSumSeed(t *testing.T, sumPrimes sumPrimesFunc) {
	limits := slices.Clone(SeedLimits)
	got := callSum(t, sumPrimes, limits, 2, 100_000, SumPrimesBetween)
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
	log    workLog
	mu     sync.Mutex
	chunks []chunk
}

// cost is how long summing the primes from lo to hi takes on the fake
// clock: a millisecond for the first thousand numbers, growing as
// hi^1.5 - lo^1.5, and more in the heavy stretch.
func cost(lo, hi int) time.Duration {
	lo = max(lo, 2)
	if hi < lo {
		return 0
	}
	f := func(n int) float64 { return math.Pow(float64(n)/1000, 1.5) }
	heavy := max(0, min(hi, heavyTo)-max(lo, heavyFrom)+1)
	return time.Duration((f(hi)-f(lo-1))*float64(time.Millisecond)) + time.Duration(heavy)*heavyCost
}

// The heavy stretch: the numbers from heavyFrom to heavyTo cost
// heavyCost each more than the others, as a stretch full of big primes
// would, or a core slowed down by another program. It is in three of
// fakeLimits, near their bottom, and one chunk of it costs more than
// all the other work of a worker's share: so whichever worker a share
// of work dealt out in advance gives it to, the others finish theirs
// while that one still has chunks waiting.
const (
	heavyFrom, heavyTo = 5_001, 6_000
	heavyCost          = 300 * time.Microsecond
)

func (s *fakeSum) sumBetween(lo, hi int) int {
	d := cost(lo, hi)
	defer s.log.begin(d, numbers(lo, hi))()
	s.mu.Lock()
	s.chunks = append(s.chunks, chunk{lo, hi})
	s.mu.Unlock()
	time.Sleep(d)
	sum := 0
	for n := max(lo, 2); n <= hi; n++ {
		sum += n
	}
	return sum
}

// numbers is how many numbers from lo to hi a chunk sums: those from 2.
func numbers(lo, hi int) int { return max(0, hi-max(lo, 2)+1) }

// recorded is every chunk summed so far.
func (s *fakeSum) recorded() []chunk {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.chunks)
}

// neverReturnedSum is what the checks say of a SumPrimes still blocked
// after exercise.StuckAfter of fake time.
var neverReturnedSum = fmt.Sprintf("did not return within %v of fake time, though every call of sumBetween "+
	"had long returned: a deadlock? (close the channel the workers range over, and let every send have a receiver)",
	exercise.StuckAfter)

// callSum calls sumPrimes under exercise.StuckAfter and fails the part
// if it does not return.
func callSum(t *testing.T, sumPrimes sumPrimesFunc, limits []int, workers, chunkSize int, sumBetween func(lo, hi int) int) []int {
	t.Helper()
	got, ok := exercise.Returns(func() []int { return sumPrimes(limits, workers, chunkSize, sumBetween) })
	if !ok {
		t.Fatalf("SumPrimes(%v, %d workers, chunks of %d) %s", limits, workers, chunkSize, neverReturnedSum)
	}
	return got
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
	got := callSum(t, sumPrimes, limits, 3, 1_000, s.sumBetween)
	want := make([]int, len(limits))
	for i, n := range limits {
		want[i] = sumTo(n)
	}
	if !slices.Equal(got, want) {
		t.Errorf("with a sumBetween that adds up every number of its chunk, SumPrimes(%v, …) = %v, want %v: "+
			"add up the results of each limit's chunks, and only of its own", limits, got, want)
	}
	if msg := coverage(limits, s.recorded()); msg != "" {
		t.Errorf("%s: the chunks of each limit must cover 2…limit exactly once", msg)
		return
	}
	checkSumCoverAtOnce(t, sumPrimes)
}

// No more than 4,000 chunks: a correct goroutine per one must stay under
// the race detector's limit of 8,128 goroutines.
//
// The counts of checkSumCoverAtOnce: up to coverRounds rounds of the
// numbers 2…coverLimit in chunks of coverChunk, on coverWorkers
// workers, on at least coverProcs Ps.
const (
	coverRounds  = 60
	coverLimit   = 16_001
	coverChunk   = 4
	coverWorkers = 8
	coverProcs   = 8
)

// checkSumCoverAtOnce sums 4,000 chunks on 8 workers let go together
// (see together), with GOMAXPROCS raised to 8, up to 60 rounds, until a
// number is summed twice or never.
func checkSumCoverAtOnce(t *testing.T, sumPrimes sumPrimesFunc) {
	defer onProcs(coverProcs)()
	limits := []int{coverLimit}
	for round := range coverRounds {
		summed := make([]atomic.Int32, coverLimit+1)
		gate := newTogether(coverWorkers)
		sumBetween := func(lo, hi int) int {
			for n := max(lo, 0); n <= min(hi, coverLimit); n++ {
				summed[n].Add(1)
			}
			gate.wait()
			return 0
		}
		callSum(t, sumPrimes, limits, coverWorkers, coverChunk, sumBetween)
		for n := 2; n <= coverLimit; n++ {
			if k := summed[n].Load(); k != 1 {
				t.Errorf("number %d was in %d chunks, want 1, when %d workers summed the chunks of 2…%d, %d numbers "+
					"each, at the same time (round %d of %d): two workers took the same next chunk, or one was "+
					"skipped. Take the next chunk in one step: receive it from a channel, or take its index with one "+
					"atomic Add", n, k, coverWorkers, coverLimit, coverChunk, round+1, coverRounds)
				return
			}
		}
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
	callSum(t, sumPrimes, slices.Clone(fakeLimits), 3, 1_000, s.sumBetween)
	chunks := s.recorded()
	if len(chunks) == 0 {
		t.Errorf("sumBetween was never called: sum every chunk with the sumBetween you are given")
		return
	}
	biggest := slices.MaxFunc(chunks, func(a, b chunk) int { return cmp.Compare(a.hi-a.lo, b.hi-b.lo) })
	if n := biggest.hi - biggest.lo + 1; n > 1_000 {
		t.Errorf("sumBetween(%d, %d) summed %d numbers at once, want at most chunkSize=1000: "+
			"cut each range 2…limit into chunks of chunkSize numbers", biggest.lo, biggest.hi, n)
	}
}

func checkSumBound(t *testing.T, sumPrimes sumPrimesFunc) {
	for _, workers := range []int{3, 1} {
		var s fakeSum
		callSum(t, sumPrimes, slices.Clone(fakeLimits), workers, 1_000, s.sumBetween)
		if peak := s.log.inFlight.Peak(); peak > workers {
			t.Errorf("%d chunks were summed at once with workers=%d: more than %d at once; "+
				"start a pool of %d goroutines that take chunks from a channel, not one goroutine per chunk or per limit",
				peak, workers, workers, workers)
			return
		}
	}
}

// checkSumBusy proves that a worker that is done takes the next chunk
// at once, whichever limit it belongs to: each time a chunk ends, once
// the learner's code has done what it does at that instant, either
// every worker is summing a chunk or no number is left waiting. The
// heavy stretch makes the work uneven, so chunks dealt out in advance,
// in blocks or in batches, or one limit after another, leave a worker
// idle; which chunk a pool takes first does not matter.
func checkSumBusy(t *testing.T, sumPrimes sumPrimesFunc) {
	const chunkSize = 1_000
	limits := slices.Clone(fakeLimits)
	total := 0
	for _, n := range limits {
		total += numbers(2, n)
	}
	for _, workers := range []int{2, 4} {
		var s fakeSum
		start := time.Now()
		idle, ok := watchIdle(&s.log, workers, total, func() { sumPrimes(limits, workers, chunkSize, s.sumBetween) })
		if !ok {
			t.Fatalf("SumPrimes(%v, %d workers, chunks of %d) %s", limits, workers, chunkSize, neverReturnedSum)
		}
		took := time.Since(start)
		if len(s.recorded()) == 0 {
			t.Errorf("sumBetween was never called: sum every chunk with the sumBetween you are given")
			return
		}
		if idle != nil {
			t.Errorf("with %d workers, at %v of fake time only %s being summed, while %d numbers were in "+
				"no chunk begun yet: workers sat idle while chunks were left (the numbers %d to %d cost %v each more "+
				"than the others here, so work dealt out in advance is uneven). Put every chunk of every limit on one "+
				"channel, and let each worker take the next chunk as soon as it is free (yours took %v in all; a pool "+
				"like that needs %v for your chunks, in the order yours began them)",
				workers, idle.at.Round(time.Microsecond), chunksWere(idle.running), idle.waiting, heavyFrom, heavyTo, heavyCost,
				took.Round(time.Millisecond), exercise.PoolTime(s.log.startOrder(), workers).Round(time.Millisecond))
			return
		}
	}
}

func chunksWere(n int) string {
	if n == 1 {
		return "1 chunk was"
	}
	return fmt.Sprintf("%d chunks were", n)
}
