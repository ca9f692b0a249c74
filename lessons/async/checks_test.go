package async

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what went wrong. The Bad… tests below run them on mistakes a learner
// makes; they fail on purpose, so they only run in a child process that
// the tests after them start and read.

// sequentialGather awaits one task after the other, as the seed's
// two awaits in a row do.
func sequentialGather(ctx context.Context, tasks ...task) ([]string, error) {
	results := make([]string, len(tasks))
	for i, task := range tasks {
		v, err := task(ctx)
		if err != nil {
			return nil, err
		}
		results[i] = v
	}
	return results, nil
}

// uncancelledGather keeps the first error but tells nobody, like
// asyncio.gather, whose other tasks run on after an exception.
func uncancelledGather(ctx context.Context, tasks ...task) ([]string, error) {
	results := make([]string, len(tasks))
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				once.Do(func() { first = err })
			}
			results[i] = v
		})
	}
	wg.Wait()
	return results, first
}

// lastErrorGather cancels the others, then lets their context.Canceled
// overwrite the error that caused it.
func lastErrorGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]string, len(tasks))
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		lastErr error
	)
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				mu.Lock()
				lastErr = err
				mu.Unlock()
				cancel()
			}
			results[i] = v
		})
	}
	wg.Wait()
	return results, lastErr
}

// impatientGather returns at the first error without waiting for the
// tasks it cancelled.
func impatientGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		v   string
		err error
	}
	done := make(chan result, len(tasks))
	for i, task := range tasks {
		go func() {
			v, err := task(ctx)
			done <- result{i, v, err}
		}()
	}
	results := make([]string, len(tasks))
	for range tasks {
		r := <-done
		if r.err != nil {
			return nil, r.err
		}
		results[r.i] = r.v
	}
	return results, nil
}

// backgroundGather is right but for where its context comes from: not
// from the caller's.
func backgroundGather(_ context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	results := make([]string, len(tasks))
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				once.Do(func() { first = err; cancel() })
			}
			results[i] = v
		})
	}
	wg.Wait()
	return results, first
}

// directWithTimeout gives the task a deadline and trusts it to keep it.
func directWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return task(ctx)
}

// unbufferedWithTimeout is right but for its channel: after a timeout
// the goroutine waits forever to hand over its result.
func unbufferedWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	type result struct {
		v   string
		err error
	}
	done := make(chan result)
	go func() {
		v, err := task(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// timerWithTimeout times out with time.After and never tells the task.
func timerWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	type result struct {
		v   string
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := task(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(d):
		return "", context.DeadlineExceeded
	}
}

func TestBadSequentialGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, sequentialGather)
}
func TestBadUncancelledGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, uncancelledGather)
}
func TestBadLastErrorGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, lastErrorGather)
}
func TestBadImpatientGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, impatientGather)
}
func TestBadBackgroundGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, backgroundGather)
}
func TestBadDirectWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, directWithTimeout)
}
func TestBadUnbufferedWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, unbufferedWithTimeout)
}
func TestBadTimerWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, timerWithTimeout)
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestASequentialGatherIsToldTheTasksRanOneAfterAnother(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSequentialGather")
	assert.Contains(t, out, "Gather took 600ms of fake time for 5 tasks of 100ms, 200ms, 150ms, 50ms and 100ms, "+
		"want 200ms (the longest): the tasks ran one after another; start one goroutine per task")
	assert.Contains(t, out, "at most 1 of the 5 tasks ran at once, want all 5")
	assert.Contains(t, out, "tasks[2], tasks[3] never ran; start every task in its own goroutine")
	assert.Contains(t, out, "FAIL gather: 3/10 points")
}

func TestAGatherThatCancelsNobodyIsToldToCancel(t *testing.T) {
	out := exercisetest.Output(t, "TestBadUncancelledGather")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadUncancelledGather",
		"returns the first error and cancels the other tasks"))
	assert.Contains(t, out, "Gather took 1s of fake time, want 30ms: when tasks[1] failed, tasks[0], tasks[2], "+
		"tasks[3] never saw the context they were given cancelled; give every task a context made with "+
		"context.WithCancel(ctx), and call its cancel at the first error")
	assert.Contains(t, out, "the context tasks[0] was given was still live after Gather returned")
	assert.Contains(t, out, "FAIL gather: 6/10 points")
}

func TestAGatherThatKeepsTheLastErrorIsToldToKeepTheFirst(t *testing.T) {
	out := exercisetest.Output(t, "TestBadLastErrorGather")
	assert.Contains(t, out, `Gather returned "context canceled", which is what the tasks you cancelled returned; `+
		`return the error that came first, tasks[1]'s "tasks[1] failed: 500 Internal Server Error"`)
	assert.Contains(t, out, "FAIL gather: 7/10 points")
}

func TestAnImpatientGatherIsToldThatGoCannotStopAGoroutine(t *testing.T) {
	out := exercisetest.Output(t, "TestBadImpatientGather")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadImpatientGather",
		"waits for every task to return, even after an error"))
	assert.Contains(t, out, "Gather returned at 30ms of fake time, while tasks[1] was still working (until 100ms)")
	assert.Contains(t, out, "Go cannot stop a goroutine from outside")
	assert.Contains(t, out, "started by impatientGather (checks_test.go:")
	assert.Contains(t, out, "FAIL gather: 9/10 points")
}

func TestAGatherOnTheBackgroundContextIsToldToUseTheCallers(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBackgroundGather")
	assert.Contains(t, out, "Gather took 1s of fake time, want 40ms: the caller cancelled ctx at 40ms, but the "+
		"tasks did not hear of it; make the tasks' context from the ctx Gather was given")
	assert.Contains(t, out, "Gather returned <nil>, want context.Canceled")
	assert.Contains(t, out, "FAIL gather: 9/10 points")
}

func TestAWithTimeoutThatWaitsForItsTaskIsToldToSelect(t *testing.T) {
	out := exercisetest.Output(t, "TestBadDirectWithTimeout")
	assert.Contains(t, out, "WithTimeout(ctx, 100ms, task) took 1s of fake time, want 100ms: it waited for a task "+
		"that never looks at its context; run the task in its own goroutine, and select on its result and "+
		"ctx.Done(), whichever comes first")
	assert.Contains(t, out, `WithTimeout returned ("too late", nil), want the error context.DeadlineExceeded`)
	assert.Contains(t, out, "--- PASS: "+subtest("TestBadDirectWithTimeout", "tells the task to stop at the deadline"))
	assert.Contains(t, out, "FAIL with-timeout: 5/10 points")
}

func TestAnUnbufferedWithTimeoutIsToldWhyItsGoroutineIsStuck(t *testing.T) {
	out := exercisetest.Output(t, "TestBadUnbufferedWithTimeout")
	assert.Contains(t, out, "nobody receives the task's result any more, so the goroutine that ran the task is "+
		"stuck forever sending it (a leak, one per timeout): make its channel buffered, make(chan result, 1)")
	assert.Contains(t, out, "waiting (chan send) in unbufferedWithTimeout.func1 (checks_test.go:")
	assert.Contains(t, out, "FAIL with-timeout: 2/10 points")
}

func TestAWithTimeoutOnATimerIsToldToTellTheTask(t *testing.T) {
	out := exercisetest.Output(t, "TestBadTimerWithTimeout")
	assert.Contains(t, out, "the task's context was still live at the deadline, so the task worked on until 1s: "+
		"give the task the context that context.WithTimeout(ctx, d) returns")
	assert.Contains(t, out, "WithTimeout took 100ms of fake time, want 30ms: the caller cancelled ctx at 30ms, "+
		"but WithTimeout waited for its own deadline")
	assert.Contains(t, out, "the context the task was given was still live after WithTimeout returned")
	assert.Contains(t, out, "FAIL with-timeout: 3/10 points")
}
