package pools

import (
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// CheckExecutor checks the executor exercise, Python's
// ThreadPoolExecutor for goroutines: newExecutor(workers) returns an
// executor whose Submit queues a task and returns at once with a
// future; at most workers tasks run at once, in the order submitted;
// a future's Result waits for its task and its Done channel closes
// when the task is done; Shutdown(true) waits for every task already
// submitted, Shutdown(false) does not, and Submit after Shutdown
// returns ErrShutdown.
//
// Pass the constructor instantiated, NewExecutor[int]: the check works
// out the types of the executor and its futures from it.
func CheckExecutor[E ExecutorLike[int, F], F FutureLike[int]](t *testing.T, newExecutor func(workers int) E) {
	t.Helper()
	c := executorCheck[E, F]{newExecutor}
	exercise.Check(t, "executor",
		exercise.Part{Name: "returns each task's result and error from its future", Points: 2,
			Run: inBubble(c.results)},
		exercise.Part{Name: "closes Done when the task is done and not before", Points: 1,
			Run: inBubble(c.done)},
		exercise.Part{Name: "never runs more tasks at once than there are workers", Points: 2,
			Run: inBubble(c.bound)},
		exercise.Part{Name: "queues tasks at once and starts them in order as workers free up", Points: 2,
			Run: inBubble(c.queue)},
		exercise.Part{Name: "Shutdown(true) waits for every task and Shutdown(false) does not", Points: 2,
			Run: inBubble(c.shutdown)},
		exercise.Part{Name: "refuses tasks after Shutdown with ErrShutdown", Points: 1,
			Run: inBubble(c.refuse)},
	)
}

func inBubble(check func(t *testing.T)) func(t *testing.T) {
	return func(t *testing.T) { exercise.Bubble(t, check) }
}

type executorCheck[E ExecutorLike[int, F], F FutureLike[int]] struct {
	newExecutor func(workers int) E
}

func (c executorCheck[E, F]) results(t *testing.T) {
	e := c.newExecutor(2)
	failed := errors.New("task 3 failed")
	var ft fakeTasks
	var futures []F
	for i := range 6 {
		var err error
		if i == 3 {
			err = failed
		}
		f, serr := e.Submit(ft.task(i, time.Duration(6-i)*10*time.Millisecond, err))
		if serr != nil {
			t.Fatalf("Submit returned %v, want no error before Shutdown", serr)
		}
		futures = append(futures, f)
	}
	for i, f := range futures {
		var want error
		if i == 3 {
			want = failed
		}
		for call := range 2 {
			got, err := f.Result()
			if got != i*i || !errors.Is(err, want) {
				t.Errorf("future %d: Result() = %d, %v the %s time it was called, want %d, %v: "+
					"each future keeps what its own task returned", i, got, err, []string{"first", "second"}[call], i*i, want)
				break
			}
		}
	}
	e.Shutdown(true)
}

// done runs a task of 100ms and one of 50ms on two workers, so that
// neither waits for a worker, and looks at their Done channels as the
// fake clock runs.
func (c executorCheck[E, F]) done(t *testing.T) {
	e := c.newExecutor(2)
	var ft fakeTasks
	slow, err1 := e.Submit(ft.task(0, 100*time.Millisecond, nil))
	quick, err2 := e.Submit(ft.task(1, 50*time.Millisecond, nil))
	if err := errors.Join(err1, err2); err != nil {
		t.Fatalf("Submit returned %v, want no error before Shutdown", err)
	}
	start := time.Now()
	isClosed := func(f F) bool {
		synctest.Wait() // until every goroutine is blocked: the executor has done what it will do now
		select {
		case <-f.Done():
			return true
		default:
			return false
		}
	}
	at := func() time.Duration { return time.Since(start) }
	if isClosed(slow) || isClosed(quick) {
		t.Errorf("at %v, Done was already closed, but the tasks take 50ms and 100ms: "+
			"close Done when the task has returned, not before", at())
	}
	time.Sleep(50*time.Millisecond - at())
	if !isClosed(quick) {
		t.Errorf("the 50ms task was done at %v but its Done was still open: close it when the task returns", at())
	}
	if isClosed(slow) {
		t.Errorf("at %v the 100ms task was still running, but its Done was closed", at())
	}
	time.Sleep(100*time.Millisecond - at())
	if !isClosed(slow) {
		t.Errorf("the 100ms task was done at %v but its Done was still open: close it when the task returns", at())
	}
	before := time.Now()
	slow.Result()
	if took := time.Since(before); took != 0 {
		t.Errorf("Result of a finished task took %v, want 0: it should return at once", took)
	}
	e.Shutdown(true)
}

func (c executorCheck[E, F]) bound(t *testing.T) {
	for _, workers := range []int{3, 1} {
		e := c.newExecutor(workers)
		var ft fakeTasks
		c.submitAll(t, e, &ft, 10, 100*time.Millisecond)
		e.Shutdown(true)
		if peak := ft.inFlight.Peak(); peak > workers {
			t.Errorf("%d tasks ran at once with workers=%d: more than %d at once; "+
				"let at most %d goroutines run tasks, and queue the others", peak, workers, workers, workers)
			return
		}
	}
}

// queue proves that Submit does not wait for a worker, that 10 tasks of
// 100ms on 3 workers take 4 rounds, and that tasks start in the order
// they were submitted.
func (c executorCheck[E, F]) queue(t *testing.T) {
	const n, workers, latency = 10, 3, 100 * time.Millisecond
	e := c.newExecutor(workers)
	var ft fakeTasks
	start := time.Now()
	futures := c.submitAll(t, e, &ft, n, latency)
	if took := time.Since(start); took != 0 {
		t.Errorf("submitting %d tasks to %d busy workers took %v of fake time, want 0: "+
			"Submit must queue the task and return at once, not wait for a free worker", n, workers, took)
	}
	for _, f := range futures {
		f.Result()
	}
	rounds := (n + workers - 1) / workers
	if took := time.Since(start); took != time.Duration(rounds)*latency {
		t.Errorf("%d tasks of %v on %d workers were done after %v of fake time, want %v (%d rounds of %d): "+
			"a worker that is done should start the next waiting task at once", n, latency, workers, took,
			time.Duration(rounds)*latency, rounds, workers)
	}
	if peak := ft.inFlight.Peak(); peak != workers {
		t.Errorf("up to %d tasks ran at once, want exactly %d: one per worker", peak, workers)
	}
	e.Shutdown(true)

	one := c.newExecutor(1)
	var order fakeTasks
	for _, f := range c.submitAll(t, one, &order, 5, 10*time.Millisecond) {
		f.Result()
	}
	if want := []int{0, 1, 2, 3, 4}; !slices.Equal(order.started, want) {
		t.Errorf("one worker started the tasks in the order %v, want %v, the order they were submitted: "+
			"keep waiting tasks in a first-in first-out queue", order.started, want)
	}
	one.Shutdown(true)
}
