package pools

import (
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what to fix. The Bad… tests below run them on mistakes a learner
// makes; they fail on purpose, so they only run in a child process
// that the tests after them start and read.

// unboundedParallelMap forgets the pool: one goroutine per input.
func unboundedParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	var wg sync.WaitGroup
	for i, x := range in {
		wg.Go(func() { out[i] = f(x) })
	}
	wg.Wait()
	return out
}

// appendingParallelMap keeps the results in the order they finish.
func appendingParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	next := make(chan T)
	results := make(chan R)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for x := range next {
				results <- f(x)
			}
		})
	}
	go func() {
		for _, x := range in {
			next <- x
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	var out []R
	for r := range results {
		out = append(out, r)
	}
	return out
}

// batchParallelMap starts workers inputs at a time and waits for the
// whole batch before the next.
func batchParallelMap[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	for start := 0; start < len(in); start += workers {
		var wg sync.WaitGroup
		for i := start; i < min(start+workers, len(in)); i++ {
			wg.Go(func() { out[i] = f(in[i]) })
		}
		wg.Wait()
	}
	return out
}

func TestBadUnboundedParallelMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckParallelMap(t, unboundedParallelMap[int, string])
}

func TestBadAppendingParallelMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckParallelMap(t, appendingParallelMap[int, string])
}

func TestBadBatchParallelMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckParallelMap(t, batchParallelMap[int, string])
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestAnUnboundedParallelMapIsToldItRanMoreThanItsWorkers(t *testing.T) {
	out := exercisetest.Output(t, "TestBadUnboundedParallelMap")
	assert.Contains(t, out, "10 calls of f ran at once with workers=3: more than 3 at once; "+
		"start a fixed pool of 3 goroutines that take inputs from a channel, not one goroutine per input")
	assert.Contains(t, out, "ParallelMap took 100ms of fake time for 10 inputs of 100ms with 3 workers, "+
		"want 400ms (4 rounds of 3): it returned before its calls were done, or ran them all at once")
	assert.Contains(t, out, "FAIL parallel-map: 5/10 points")
}

func TestAnAppendingParallelMapIsToldToWriteIntoSlots(t *testing.T) {
	out := exercisetest.Output(t, "TestBadAppendingParallelMap")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadAppendingParallelMap", "returns f of every input in the order given"))
	assert.Contains(t, out, `want ["v0" "v1" "v2" "v3" "v4" "v5" "v6" "v7" "v8" "v9"]: here later inputs finish first; `+
		"write the result of in[i] into out[i] instead of appending results as they come")
	assert.Contains(t, out, "FAIL parallel-map: 8/10 points")
}

func TestABatchParallelMapIsToldItsWorkersSatIdle(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBatchParallelMap")
	assert.Contains(t, out, "ParallelMap took 500ms of fake time for inputs of 400ms, 100ms, 100ms, 100ms with 2 workers, "+
		"want 400ms: while one worker is busy with the slow input, the other should do the three quick ones")
	assert.Contains(t, out, "FAIL parallel-map: 7/10 points")
}
