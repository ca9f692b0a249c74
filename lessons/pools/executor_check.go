package pools

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// CheckExecutor checks the executor exercise, Python's
// ThreadPoolExecutor for goroutines: newExecutor(workers) returns an
// executor whose Submit queues a task and returns at once with a
// future, however many tasks wait; at most workers tasks run at once,
// in the order submitted, a free worker taking the next at once, also
// after the executor has been idle; a future's Result waits for its
// task and its Done channel closes when the task is done;
// Shutdown(true) waits for every task already submitted,
// Shutdown(false) does not, and Submit after Shutdown returns
// ErrShutdown.
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
		exercise.Part{Name: "never runs more tasks at once than there are workers", Points: 1,
			Run: inBubble(c.bound)},
		exercise.Part{Name: "Submit returns at once however many tasks wait", Points: 1,
			Run: inBubble(c.queue)},
		exercise.Part{Name: "starts tasks in order the moment a worker is free", Points: 2,
			Run: inBubble(c.order)},
		exercise.Part{Name: "runs tasks submitted after it has been idle", Points: 1,
			Run: inBubble(c.idle)},
		exercise.Part{Name: "Shutdown(true) waits for every task and Shutdown(false) does not", Points: 1,
			Run: inBubble(c.shutdown)},
		exercise.Part{Name: "refuses tasks after Shutdown with ErrShutdown", Points: 1,
			Run: inBubble(c.refuse)},
	)
}

// inBubble runs a part in a MutexBubble: executors use a sync.Mutex,
// and one held while a task sleeps on the fake clock would hang a plain
// bubble.
func inBubble(check func(t *testing.T)) func(t *testing.T) {
	return func(t *testing.T) { exercise.MutexBubble(t, check) }
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
		futures = append(futures, c.submit(t, e, i, ft.task(i, time.Duration(6-i)*10*time.Millisecond, err)))
	}
	for i, f := range futures {
		var want error
		if i == 3 {
			want = failed
		}
		for call := range 2 {
			got, err := result(t, f, i)
			if got != i*i || !errors.Is(err, want) {
				t.Errorf("future %d: Result() = %d, %v the %s time it was called, want %d, %v: "+
					"each future keeps what its own task returned", i, got, err, []string{"first", "second"}[call], i*i, want)
				break
			}
		}
	}
	c.stop(t, e, true)
}

// done runs a task of 100ms and one of 50ms on two workers, so that
// neither waits for a worker, and looks at their Done channels as the
// fake clock runs.
func (c executorCheck[E, F]) done(t *testing.T) {
	e := c.newExecutor(2)
	var ft fakeTasks
	start := time.Now()
	slow := c.submit(t, e, 0, ft.task(0, 100*time.Millisecond, nil))
	quick := c.submit(t, e, 1, ft.task(1, 50*time.Millisecond, nil))
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
	result(t, slow, 0)
	if took := time.Since(before); took != 0 {
		t.Errorf("Result of a finished task took %v, want 0: it should return at once", took)
	}
	c.stop(t, e, true)
}

func (c executorCheck[E, F]) bound(t *testing.T) {
	for _, workers := range []int{3, 1} {
		e := c.newExecutor(workers)
		var ft fakeTasks
		c.submitAll(t, e, &ft, 10, 100*time.Millisecond)
		c.stop(t, e, true)
		if peak := ft.log.inFlight.Peak(); peak > workers {
			t.Errorf("%d tasks ran at once with workers=%d: more than %d at once; "+
				"let at most %d goroutines run tasks, and queue the others", peak, workers, workers, workers)
			return
		}
	}
}

// queue proves that Submit does not wait for a worker, however many
// tasks are waiting: more than a channel of any size a learner would
// pick holds.
func (c executorCheck[E, F]) queue(t *testing.T) {
	const workers, n = 2, 10_000
	e := c.newExecutor(workers)
	var ft fakeTasks
	start := time.Now()
	futures := make([]F, 0, workers+n)
	for i := range workers {
		futures = append(futures, c.submit(t, e, i, ft.task(i, time.Second, nil)))
	}
	// One call for all the Submits: a goroutine and a timer per Submit
	// would cost more than the executor.
	type waited struct {
		at   int // the first Submit that did not return at once, or -1
		took time.Duration
		err  error
	}
	w, ok := exercise.Returns(func() waited {
		for i := workers; i < workers+n; i++ {
			f, err := e.Submit(ft.task(i, 0, nil))
			if err != nil {
				return waited{i, 0, err}
			}
			futures = append(futures, f)
			if took := time.Since(start); took != 0 {
				return waited{i, took, nil}
			}
		}
		return waited{-1, 0, nil}
	})
	switch {
	case !ok:
		t.Fatalf("%s, while 2 tasks of 1s kept the 2 workers busy: Submit must queue the task and return at once",
			stuck(fmt.Sprintf("submitting %d tasks", n)))
	case w.err != nil:
		t.Fatalf("Submit of task %d returned %v, want no error before Shutdown", w.at, w.err)
	case w.at >= 0:
		t.Errorf("Submit of task %d waited %v of fake time, while %d tasks of 1s kept the %d workers busy "+
			"and %d waited, want 0: Submit must queue the task and return at once, however many tasks wait; "+
			"a channel of a fixed size fills up, keep waiting tasks in a slice", w.at, w.took, workers, workers, w.at-workers)
	}
	c.stop(t, e, true) // it waits for the tasks; their results are another part's business
}

// order proves that tasks start in the order they were submitted, each
// the moment a worker is free: with uneven tasks, a worker that is done
// takes the next one at once, so the work ends when
// exercise.PoolTime says; a worker that waits for a batch, or that was
// dealt its tasks in advance, sits idle while others still have some.
func (c executorCheck[E, F]) order(t *testing.T) {
	const workers = 3
	work := []time.Duration{900, 100, 200, 100, 150, 100, 50, 200, 100, 100}
	for i := range work {
		work[i] *= time.Millisecond
	}
	e := c.newExecutor(workers)
	var ft fakeTasks
	start := time.Now()
	idle, ok := watchIdle(&ft.log, workers, len(work), func() {
		futures := make([]F, len(work))
		for i, d := range work {
			futures[i] = c.submit(t, e, i, ft.task(i, d, nil))
		}
		for i, f := range futures {
			result(t, f, i)
		}
	})
	if !ok {
		t.Fatalf("%s", stuck("submitting 10 tasks and waiting for their results"))
	}
	took, want := time.Since(start), exercise.PoolTime(work, workers)
	switch {
	case idle != nil:
		t.Errorf("with tasks of %s and %d workers, at %v of fake time only %d of the %d workers %s running a task, "+
			"while %d of the %d tasks waited: a worker that is done must start the next waiting task at once "+
			"(the tasks were done after %v, want %v)",
			durations(work, time.Millisecond), workers, idle.at, idle.running, workers, wasWere(idle.running),
			idle.waiting, len(work), took, want)
	case took != want:
		t.Errorf("%d tasks of %s on %d workers were done after %v of fake time, want %v: "+
			"a worker that is done should start the next waiting task at once",
			len(work), durations(work, time.Millisecond), workers, took, want)
	}
	for i := 1; i < len(work); i++ {
		at, _ := ft.startedAt(i)
		before, _ := ft.startedAt(i - 1)
		if at.Before(before) {
			t.Errorf("task %d started at %v, before task %d, submitted earlier, at %v: "+
				"start the waiting tasks in the order they were submitted (first in, first out); "+
				"the order they started in was %v", i, at.Sub(start), i-1, before.Sub(start), ft.started)
			break
		}
	}
	c.stop(t, e, true)

	// One worker, many tasks: the order they start in is the order of
	// the queue, exactly.
	const many = 200
	one := c.newExecutor(1)
	var seq fakeTasks
	for i, f := range c.submitAll(t, one, &seq, many, time.Millisecond) {
		result(t, f, i)
	}
	for k, i := range seq.started {
		if i != k {
			t.Errorf("with one worker and %d tasks, task %d started where task %d belongs, in the order they were "+
				"submitted: keep waiting tasks in a first-in first-out queue (a goroutine per Submit that waits "+
				"to hand its task over starts them in any order)", many, i, k)
			break
		}
	}
	c.stop(t, one, true)
}

// idle proves that an executor that has run out of work starts tasks
// again: its workers may have returned, and the next Submit must not
// find every slot still taken.
func (c executorCheck[E, F]) idle(t *testing.T) {
	const workers = 2
	e := c.newExecutor(workers)
	first := c.submitAll(t, e, &fakeTasks{}, 3, 10*time.Millisecond)
	for i, f := range first {
		result(t, f, i)
	}
	time.Sleep(time.Second)

	work := []time.Duration{300, 100, 100, 100, 200}
	for i := range work {
		work[i] *= time.Millisecond
	}
	var ft fakeTasks
	start := time.Now()
	futures := make([]F, len(work))
	for i, d := range work {
		futures[i] = c.submit(t, e, i, ft.task(i, d, nil))
	}
	for i, f := range futures {
		r, ok := exercise.Returns(func() int { v, _ := f.Result(); return v })
		if !ok {
			t.Fatalf("after the executor had run 3 tasks and been idle for 1s, task %d of %d submitted then never "+
				"finished: its Result did not return within %v of fake time. When the queue is empty and a worker "+
				"returns, count it out, so that the next Submit starts a worker again", i, len(work), exercise.StuckAfter)
		}
		if r != i*i {
			t.Errorf("after the executor had been idle, task %d's Result() = %d, want %d", i, r, i*i)
		}
	}
	if took, want := time.Since(start), exercise.PoolTime(work, workers); took != want {
		t.Errorf("after the executor had been idle, %d tasks of %s on %d workers were done after %v of fake time, "+
			"want %v: every worker should run tasks again", len(work), durations(work, time.Millisecond), workers,
			took, want)
	}
	c.stop(t, e, true)
}

// durationsOf is n tasks of d each.
func durationsOf(n int, d time.Duration) []time.Duration { return slices.Repeat([]time.Duration{d}, n) }
