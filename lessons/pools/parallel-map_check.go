package pools

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
			Run: exercise.InMutexBubble(parallelMap, checkMapOrder)},
		exercise.Part{Name: "calls f exactly once for each input", Points: 1,
			Run: exercise.InMutexBubble(parallelMap, checkMapOnce)},
		exercise.Part{Name: "never runs more calls at once than there are workers", Points: 2,
			Run: exercise.InMutexBubble(parallelMap, checkMapBound)},
		exercise.Part{Name: "keeps every worker busy while inputs are left", Points: 3,
			Run: exercise.InMutexBubble(parallelMap, checkMapBusy)},
		exercise.Part{Name: "handles no inputs and more workers than inputs", Points: 2,
			Run: exercise.InMutexBubble(parallelMap, checkMapEdges)},
	)
}

// fakeF is an f for ParallelMap that takes delay(x) of fake time,
// returns "v<x>", counts its calls per input and how many run at once.
type fakeF struct {
	delay func(x int) time.Duration
	log   workLog
	mu    sync.Mutex
	calls map[int]int
}

func newFakeF(delay func(x int) time.Duration) *fakeF {
	return &fakeF{delay: delay, calls: map[int]int{}}
}

func (f *fakeF) call(x int) string {
	d := f.delay(x)
	defer f.log.begin(d, 1)()
	f.mu.Lock()
	f.calls[x]++
	f.mu.Unlock()
	time.Sleep(d)
	return fmt.Sprint("v", x)
}

// neverReturned is what the checks say of code that is still blocked
// after exercise.StuckAfter of fake time.
var neverReturned = fmt.Sprintf("did not return within %v of fake time, though every call of f had long "+
	"returned: a deadlock? (every goroutine that sends must have one that receives, and close the channel "+
	"the workers range over)", exercise.StuckAfter)

// callMap calls parallelMap under exercise.StuckAfter and fails the
// part if it does not return.
func callMap(t *testing.T, parallelMap parallelMapFunc, in []int, workers int, f func(int) string) []string {
	t.Helper()
	out, ok := exercise.Returns(func() []string { return parallelMap(in, workers, f) })
	if !ok {
		t.Fatalf("ParallelMap(%d inputs, %d workers) %s", len(in), workers, neverReturned)
	}
	return out
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
	got := callMap(t, parallelMap, in, 3, f.call)
	if want := results(in); !slices.Equal(got, want) {
		t.Errorf("ParallelMap(0…9, 3 workers) returned %q, want %q: here later inputs finish first; "+
			"write the result of in[i] into out[i] instead of appending results as they come", got, want)
	}
}

func checkMapOnce(t *testing.T, parallelMap parallelMapFunc) {
	in := inputs(12)
	f := newFakeF(every(10 * time.Millisecond))
	callMap(t, parallelMap, in, 4, f.call)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, x := range in {
		if n := f.calls[x]; n != 1 {
			t.Errorf("f(%d) was called %d times, want once: send every input to the workers exactly once", x, n)
			return
		}
	}
	checkMapOnceAtOnce(t, parallelMap)
}

// No more than 4,000 inputs: a correct goroutine per one must stay under
// the race detector's limit of 8,128 goroutines.
//
// The counts of checkMapOnceAtOnce: up to onceRounds rounds of
// onceInputs inputs on onceWorkers workers, on at least onceProcs Ps.
const (
	onceRounds  = 60
	onceInputs  = 4_000
	onceWorkers = 8
	onceProcs   = 8
)

// checkMapOnceAtOnce maps 4,000 inputs on 8 workers let go together
// (see together), with GOMAXPROCS raised to 8, up to 60 rounds, until
// an input is mapped twice or never.
func checkMapOnceAtOnce(t *testing.T, parallelMap parallelMapFunc) {
	defer onProcs(onceProcs)()
	in := inputs(onceInputs)
	want := results(in)
	for round := range onceRounds {
		calls := make([]atomic.Int32, len(in))
		gate := newTogether(onceWorkers)
		f := func(x int) string {
			calls[x].Add(1)
			gate.wait()
			return want[x]
		}
		callMap(t, parallelMap, in, onceWorkers, f)
		for x := range in {
			if n := calls[x].Load(); n != 1 {
				t.Errorf("f(%d) was called %d times, want once, when %d workers mapped %d inputs at the same time "+
					"(round %d of %d): two workers took the same next input, or one was skipped. Take the next input "+
					"in one step: receive it from a channel, or take its index with one atomic Add",
					x, n, onceWorkers, len(in), round+1, onceRounds)
				return
			}
		}
	}
}

func checkMapBound(t *testing.T, parallelMap parallelMapFunc) {
	for _, workers := range []int{3, 1} {
		f := newFakeF(every(100 * time.Millisecond))
		callMap(t, parallelMap, inputs(10), workers, f.call)
		if peak := f.log.inFlight.Peak(); peak > workers {
			t.Errorf("%d calls of f ran at once with workers=%d: more than %d at once; "+
				"start a fixed pool of %d goroutines that take inputs from a channel, not one goroutine per input",
				peak, workers, workers, workers)
			return
		}
	}
}

// checkMapBusy proves the pool is really used. With uniform work any
// busy pool takes exactly exercise.PoolTime, whatever order it takes
// the inputs in; with uneven work the check looks each time a call
// ends: while an input is waiting to start, every worker must be busy.
// It never asks which input starts first: a semaphore taken by one
// goroutine per input passes as a channel of indexes does.
func checkMapBusy(t *testing.T, parallelMap parallelMapFunc) {
	const n, workers, latency = 10, 3, 100 * time.Millisecond
	want := exercise.PoolTime(slices.Repeat([]time.Duration{latency}, n), workers)
	f := newFakeF(every(latency))
	start := time.Now()
	callMap(t, parallelMap, inputs(n), workers, f.call)
	took := time.Since(start)
	head := fmt.Sprintf("ParallelMap took %v of fake time for %d inputs of %v with %d workers, want %v (%d rounds of %d)",
		took, n, latency, workers, want, want/latency, workers)
	switch {
	case took == want:
	case took >= n*latency:
		t.Errorf("%s: the calls ran one after another, let all %d workers call f at the same time", head, workers)
	case took <= latency:
		t.Errorf("%s: it returned before its calls were done, or ran them all at once; wait for a pool of %d workers",
			head, workers)
	default:
		t.Errorf("%s: some workers sat idle while inputs were left", head)
	}

	// Uneven work: a worker that waits for a batch, or that was dealt
	// its inputs in advance, sits idle while others still have inputs.
	// Input 0 is longer than any four others together, so whichever
	// worker is dealt it still has inputs waiting when the others are
	// done with theirs, however the inputs were dealt.
	uneven := []time.Duration{900, 100, 200, 100, 150, 100, 50, 200, 100, 100}
	for i := range uneven {
		uneven[i] *= time.Millisecond
	}
	g := newFakeF(func(x int) time.Duration { return uneven[x] })
	start = time.Now()
	idle, ok := watchIdle(&g.log, workers, len(uneven), func() { parallelMap(inputs(len(uneven)), workers, g.call) })
	if !ok {
		t.Fatalf("ParallelMap(0…9, %d workers) %s", workers, neverReturned)
	}
	if idle != nil {
		t.Errorf("with inputs of %s and %d workers, at %v of fake time only %d of the %d workers %s calling f, "+
			"while %d of the %d inputs had not started yet: "+
			"a worker that is done must start the next input at once; do not start the inputs in batches of %d, "+
			"nor deal them out to the workers in advance (yours took %v in all; a pool whose free worker takes the next "+
			"input at once needs %v for them, in the order yours started them)",
			durations(uneven, time.Millisecond), workers, idle.at, idle.running, workers, wasWere(idle.running), idle.waiting, len(uneven),
			workers, time.Since(start),
			exercise.PoolTime(g.log.startOrder(), workers))
	}
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// durations lists ds in unit: "300, 100, 100 ms".
func durations(ds []time.Duration, unit time.Duration) string {
	var s []string
	for _, d := range ds {
		s = append(s, fmt.Sprint(int64(d/unit)))
	}
	return strings.Join(s, ", ") + " " + strings.TrimPrefix(unit.String(), "1")
}

func checkMapEdges(t *testing.T, parallelMap parallelMapFunc) {
	f := newFakeF(every(100 * time.Millisecond))
	for _, in := range [][]int{nil, {}} {
		start := time.Now()
		out := callMap(t, parallelMap, in, 3, f.call)
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
	out := callMap(t, parallelMap, in, 8, f.call)
	if took := time.Since(start); took != 100*time.Millisecond {
		t.Errorf("ParallelMap took %v of fake time for 3 inputs of 100ms with 8 workers, want 100ms: all 3 at once", took)
	}
	// The order is the first part's business; here every result counts.
	if want := results(in); !slices.Equal(slices.Sorted(slices.Values(out)), want) {
		t.Errorf("ParallelMap(0…2, 8 workers) returned %q, want %q (in any order here)", out, want)
	}
}
