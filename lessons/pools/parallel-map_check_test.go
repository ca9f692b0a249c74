package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// What the learner reads when the parallel-map check fails the wrong
// ParallelMaps of parallel-map_wrong_test.go: the line that says what
// to fix, and the score.

const busyMap = "keeps every worker busy while inputs are left"

// unevenMapIdle is the line that says a worker sat idle, up to the
// figures that follow it: the time a pool needs for the inputs in the
// order the learner's code started them, which goroutines started at
// the same instant may take in any order.
func unevenMapIdle(at string, running, waiting string) string {
	return "with inputs of 900, 100, 200, 100, 150, 100, 50, 200, 100, 100 ms and 3 workers, at " + at +
		" of fake time only " + running + " calling f, while " + waiting + " of the 10 inputs had not started yet: " +
		"a worker that is done must start the next input at once; do not start the inputs in batches of 3, " +
		"nor deal them out to the workers in advance (yours took "
}

func TestInputsDealtOutInAdvanceAreToldAWorkerSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadDealtParallelMap",
		"--- FAIL: "+exercise.Subtest("TestBadDealtParallelMap", busyMap),
		unevenMapIdle("400ms", "2 of the 3 workers were", "3"),
		"FAIL parallel-map: 7/10 points")
}

func TestContiguousBlocksOfInputsAreToldAWorkerSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadBlockParallelMap",
		unevenMapIdle("350ms", "2 of the 3 workers were", "2"),
		"FAIL parallel-map: 7/10 points")
}

func TestBatchesOfInputsAreToldAWorkerSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadBatchParallelMap",
		unevenMapIdle("100ms", "2 of the 3 workers were", "7"),
		"FAIL parallel-map: 7/10 points")
}

func TestASharedIndexWithoutALockScoresZero(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadRacyParallelMap",
		"WARNING: DATA RACE",
		"--- FAIL: "+exercise.Subtest("TestBadRacyParallelMap", "has no data race"),
		"FAIL parallel-map: 0/10 points (a data race: 0 points until it is gone)")
}

func TestAnAppendingParallelMapIsToldToWriteIntoSlots(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadAppendingParallelMap",
		"--- FAIL: "+exercise.Subtest("TestBadAppendingParallelMap", "returns f of every input in the order given"),
		`want ["v0" "v1" "v2" "v3" "v4" "v5" "v6" "v7" "v8" "v9"]: here later inputs finish first; `+
			"write the result of in[i] into out[i] instead of appending results as they come",
		"FAIL parallel-map: 8/10 points")
}

func TestAParallelMapThatDoesNotWaitIsTold(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadUnwaitedParallelMap",
		"your function returned while goroutines it started were still working (they finished later): "+
			"wait for every goroutine you start before returning:",
		// It may race with the check's reading of the results too,
		// depending on the schedule; the score is 0 either way.
		"FAIL parallel-map: 0/10 points")
}

func TestAnUnboundedParallelMapIsToldItRanMoreThanItsWorkers(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadUnboundedParallelMap",
		"10 calls of f ran at once with workers=3: more than 3 at once; "+
			"start a fixed pool of 3 goroutines that take inputs from a channel, not one goroutine per input",
		"ParallelMap took 100ms of fake time for 10 inputs of 100ms with 3 workers, "+
			"want 400ms (4 rounds of 3): it returned before its calls were done, or ran them all at once",
		"FAIL parallel-map: 5/10 points")
}

func TestASequentialParallelMapIsToldToUseItsWorkers(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadSequentialParallelMap",
		"ParallelMap took 1s of fake time for 10 inputs of 100ms with 3 workers, want 400ms (4 rounds of 3): "+
			"the calls ran one after another, let all 3 workers call f at the same time",
		unevenMapIdle("0s", "1 of the 3 workers was", "9"),
		"ParallelMap took 300ms of fake time for 3 inputs of 100ms with 8 workers, want 100ms: all 3 at once",
		"FAIL parallel-map: 5/10 points")
}

func TestAnIndexTakenInTwoAtomicStepsIsToldAnInputWasMappedTwice(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadLoadAddParallelMap",
		"--- FAIL: "+exercise.Subtest("TestBadLoadAddParallelMap", "calls f exactly once for each input"),
		// Which step of the claim sees an input taken twice (the uneven
		// inputs, or the 8 workers let go together, and in which round)
		// is up to the schedule; that one of them does is not.
		// 9, or 0 when the race detector also saw the two workers
		// write the same result at once: up to the schedule.
		"FAIL parallel-map: ")
}
