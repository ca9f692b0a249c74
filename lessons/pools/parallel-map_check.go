package pools

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// parallelMapFunc is the learner's ParallelMap, instantiated as
// ParallelMap[int, string].
type parallelMapFunc = func(in []int, workers int, f func(int) string) []string

// CheckParallelMap checks the parallel-map exercise: parallelMap calls
// f on every input with at most workers calls running at once, keeps
// every worker busy while inputs are left, and returns the results in
// the order of the inputs, as Pool.map does.
//
// ParallelMap is generic; pass it instantiated, ParallelMap[int,
// string]. Every part injects an f that sleeps on synctest's fake
// clock and counts how many calls run at once.
func CheckParallelMap(t *testing.T, parallelMap func(in []int, workers int, f func(int) string) []string) {
	t.Helper()
	exercise.Check(t, "parallel-map",
		exercise.Part{Name: "returns f of every input in the order given", Points: 2,
			Run: exercise.InBubble(parallelMap, checkMapOrder)},
		exercise.Part{Name: "calls f exactly once for each input", Points: 1,
			Run: exercise.InBubble(parallelMap, checkMapOnce)},
		exercise.Part{Name: "never runs more calls at once than there are workers", Points: 2,
			Run: exercise.InBubble(parallelMap, checkMapBound)},
		exercise.Part{Name: "keeps every worker busy while inputs are left", Points: 3,
			Run: exercise.InBubble(parallelMap, checkMapBusy)},
		exercise.Part{Name: "handles no inputs and more workers than inputs", Points: 2,
			Run: exercise.InBubble(parallelMap, checkMapEdges)},
	)
}

// fakeF is an f for ParallelMap that takes delay(x) of fake time,
// returns "v<x>", counts its calls per input and how many run at once.
type fakeF struct {
	delay    func(x int) time.Duration
	inFlight exercise.InFlight
	mu       sync.Mutex
	calls    map[int]int
}

func newFakeF(delay func(x int) time.Duration) *fakeF {
	return &fakeF{delay: delay, calls: map[int]int{}}
}

func (f *fakeF) call(x int) string {
	defer f.inFlight.Enter()()
	f.mu.Lock()
	f.calls[x]++
	f.mu.Unlock()
	time.Sleep(f.delay(x))
	return fmt.Sprint("v", x)
}

func every(d time.Duration) func(int) time.Duration { return func(int) time.Duration { return d } }

func inputs(n int) []int {
	in := make([]int, n)
	for i := range in {
		in[i] = i
	}
	return in
}

func results(in []int) []string {
	out := make([]string, len(in))
	for i, x := range in {
		out[i] = fmt.Sprint("v", x)
	}
	return out
}

// checkMapOrder makes later inputs finish sooner, so results gathered
// in the order they finish come out backwards.
func checkMapOrder(t *testing.T, parallelMap parallelMapFunc) {
	in := inputs(10)
	f := newFakeF(func(x int) time.Duration { return time.Duration(len(in)-x) * 10 * time.Millisecond })
	got := parallelMap(in, 3, f.call)
	if want := results(in); !slices.Equal(got, want) {
		t.Errorf("ParallelMap(0…9, 3 workers) returned %q, want %q: here later inputs finish first; "+
			"write the result of in[i] into out[i] instead of appending results as they come", got, want)
	}
}

func checkMapOnce(t *testing.T, parallelMap parallelMapFunc) {
	in := inputs(12)
	f := newFakeF(every(10 * time.Millisecond))
	parallelMap(in, 4, f.call)
	for _, x := range in {
		if n := f.calls[x]; n != 1 {
			t.Errorf("f(%d) was called %d times, want once: send every input to the workers exactly once", x, n)
		}
	}
}

func checkMapBound(t *testing.T, parallelMap parallelMapFunc) {
	for _, workers := range []int{3, 1} {
		f := newFakeF(every(100 * time.Millisecond))
		parallelMap(inputs(10), workers, f.call)
		if peak := f.inFlight.Peak(); peak > workers {
			t.Errorf("%d calls of f ran at once with workers=%d: more than %d at once; "+
				"start a fixed pool of %d goroutines that take inputs from a channel, not one goroutine per input",
				peak, workers, workers, workers)
			return
		}
	}
}

// checkMapBusy proves the pool is really used: 10 inputs of 100ms with
// 3 workers need 4 rounds, exactly 400ms of fake time; and a worker
// that is done early takes the next input at once.
func checkMapBusy(t *testing.T, parallelMap parallelMapFunc) {
	const n, workers, latency = 10, 3, 100 * time.Millisecond
	rounds := (n + workers - 1) / workers
	f := newFakeF(every(latency))
	start := time.Now()
	parallelMap(inputs(n), workers, f.call)
	took := time.Since(start)
	head := fmt.Sprintf("ParallelMap took %v of fake time for %d inputs of %v with %d workers, want %v (%d rounds of %d)",
		took, n, latency, workers, time.Duration(rounds)*latency, rounds, workers)
	switch {
	case took == time.Duration(rounds)*latency:
	case took >= n*latency:
		t.Errorf("%s: the calls ran one after another, let all %d workers call f at the same time", head, workers)
	case took <= latency:
		t.Errorf("%s: it returned before its calls were done, or ran them all at once; wait for a pool of %d workers",
			head, workers)
	default:
		t.Errorf("%s: some workers sat idle while inputs were left", head)
	}
	if peak := f.inFlight.Peak(); peak != workers {
		t.Errorf("up to %d calls ran at once, want exactly %d: one per worker", peak, workers)
	}

	// One slow input and three quick ones, two workers: the worker
	// that is not stuck on the slow one does all three quick ones.
	slow := newFakeF(func(x int) time.Duration { return time.Duration(map[int]int{0: 3}[x]+1) * latency })
	start = time.Now()
	parallelMap(inputs(4), 2, slow.call)
	if took := time.Since(start); took != 4*latency {
		t.Errorf("ParallelMap took %v of fake time for inputs of 400ms, 100ms, 100ms, 100ms with 2 workers, want 400ms: "+
			"while one worker is busy with the slow input, the other should do the three quick ones; "+
			"do not start the inputs in batches of %d, let each worker take the next input as soon as it is free", took, 2)
	}
}

func checkMapEdges(t *testing.T, parallelMap parallelMapFunc) {
	f := newFakeF(every(100 * time.Millisecond))
	for _, in := range [][]int{nil, {}} {
		start := time.Now()
		out := parallelMap(in, 3, f.call)
		if took := time.Since(start); took != 0 {
			t.Errorf("ParallelMap took %v of fake time for no inputs, want 0", took)
		}
		if len(out) != 0 {
			t.Errorf("ParallelMap(%#v, 3, f) returned %q, want no results", in, out)
		}
	}
	if len(f.calls) != 0 {
		t.Errorf("f was called for no inputs: %v", f.calls)
	}

	in := inputs(3)
	start := time.Now()
	out := parallelMap(in, 8, f.call)
	if took := time.Since(start); took != 100*time.Millisecond {
		t.Errorf("ParallelMap took %v of fake time for 3 inputs of 100ms with 8 workers, want 100ms: all 3 at once", took)
	}
	// The order is the first part's business; here every result counts.
	if want := results(in); !slices.Equal(slices.Sorted(slices.Values(out)), want) {
		t.Errorf("ParallelMap(0…2, 8 workers) returned %q, want %q (in any order here)", out, want)
	}
}
