package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// What the learner reads when the sum-primes check fails the wrong
// SumPrimes of sum-primes_wrong_test.go: the line that says what to
// fix, and the score.

// idleSum is the line that says a worker sat idle, up to the figures
// that follow it: the time a pool needs for the chunks in the order the
// learner's code began them, which goroutines started at the same
// instant may take in any order.
func idleSum(workers, at, running, waiting string) string {
	return "with " + workers + " workers, at " + at + " of fake time only " + running + " being summed, while " +
		waiting + " numbers were in no chunk begun yet: workers sat idle while chunks were left (the numbers 5001 " +
		"to 6000 cost 300µs each more than the others here, so work dealt out in advance is uneven). Put every " +
		"chunk of every limit on one channel, and let each worker take the next chunk as soon as it is free (yours took "
}

func TestChunksDealtOutInAdvanceAreToldWorkersSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadDealtSumPrimes",
		"--- FAIL: "+exercise.Subtest("TestBadDealtSumPrimes", "keeps every worker busy until the last chunk"),
		idleSum("2", "141.165ms", "1 chunk was", "27997"),
		"FAIL sum-primes: 8/10 points")
}

func TestContiguousBlocksOfChunksAreToldWorkersSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadBlockSumPrimes",
		idleSum("2", "467.268ms", "1 chunk was", "14999"),
		"FAIL sum-primes: 8/10 points")
}

func TestOneLimitAtATimeIsToldWorkersSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadLimitByLimitSumPrimes",
		idleSum("2", "23.773ms", "1 chunk was", "52497"),
		"FAIL sum-primes: 8/10 points")
}

func TestTotalsAddedUpWithoutALockScoreZero(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadRacySumPrimes",
		"WARNING: DATA RACE",
		"--- FAIL: "+exercise.Subtest("TestBadRacySumPrimes", "has no data race"),
		"FAIL sum-primes: 0/10 points (a data race: 0 points until it is gone)")
}

func TestBatchesOfChunksAreToldWorkersSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadBatchSumPrimes",
		idleSum("2", "1.001ms", "1 chunk was", "60496"),
		"FAIL sum-primes: 8/10 points")
}

func TestAChunkOneNumberTooBigIsTold(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadBigChunkSumPrimes",
		"sumBetween(2, 1002) summed 1001 numbers at once, want at most chunkSize=1000: "+
			"cut each range 2…limit into chunks of chunkSize numbers",
		"FAIL sum-primes: 9/10 points")
}

func TestOneGoroutinePerLimitIsToldToSplitTheWork(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadPerLimitSumPrimes",
		"sumBetween(2, 30000) summed 29999 numbers at once, want at most chunkSize=1000",
		// 4 or 5 at once: the limit 1 has nothing to sum, and its
		// goroutine may be done before the last one begins.
		"chunks were summed at once with workers=3: more than 3 at once; start a pool of 3 goroutines "+
			"that take chunks from a channel, not one goroutine per chunk or per limit",
		"FAIL sum-primes: 7/10 points")
}

func TestOverlappingChunksAreToldWhichNumberCountedTwice(t *testing.T) {
	saysEveryRun(t, runsOfBadSum, "TestBadOverlapSumPrimes",
		"want [37550402023 142913828922 312471072265], the seed's sums",
		"number 1001 was in 8 chunks, want 4 (one for each limit ≥ 1001): "+
			"the chunks of each limit must cover 2…limit exactly once",
		idleSum("2", "0s", "1 chunk was", "61496"),
		"FAIL sum-primes: 2/10 points")
}

func TestAChunkTakenInTwoAtomicStepsIsToldANumberWasSummedTwice(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadLoadAddSumPrimes",
		"--- FAIL: "+exercise.Subtest("TestBadLoadAddSumPrimes", "sums every number from 2 to each limit exactly once"),
		// Which step of the claim sees a chunk taken twice (the seed's
		// limits, or the 8 workers let go together, and in which round)
		// is up to the schedule; that one of them does is not.
		// 8, or 0 when the race detector also saw the two workers
		// write the same sum at once: up to the schedule.
		"FAIL sum-primes: ")
}
