package daemon

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// CheckGracefulShutdown checks the graceful-shutdown exercise:
// runWorkers starts one worker goroutine per name, each taking tasks
// from the channel and calling work(name, task) on them, one at a time,
// until ctx is cancelled or tasks is closed. On cancel, every worker
// finishes the task in its hands and takes no new one; runWorkers waits
// for them at most grace after the cancel, and returns the names of
// the workers still working then, in the order of names (none if all
// stopped in time).
//
// Every part runs on synctest's fake clock with injected work that
// sleeps, so "finished at 300ms" and "still working at the grace
// deadline" are exact; a goroutine left behind fails the part and is
// named.
func CheckGracefulShutdown(t *testing.T, runWorkers func(ctx context.Context, names []string,
	tasks <-chan string, work WorkFunc, grace time.Duration) (late []string)) {
	t.Helper()
	exercise.Check(t, "graceful-shutdown",
		exercise.Part{Name: "keeps every worker busy until the cancel", Points: 2,
			Run: exercise.InBubble(runWorkers, checkShutdownBusy)},
		exercise.Part{Name: "lets each worker finish its task and start no new one", Points: 3,
			Run: exercise.InBubble(runWorkers, checkShutdownFinish)},
		exercise.Part{Name: "reports the workers still busy at the grace deadline by name", Points: 3,
			Run: exercise.InBubble(runWorkers, checkShutdownLate)},
		exercise.Part{Name: "stops idle workers at once", Points: 1,
			Run: exercise.InBubble(runWorkers, checkShutdownIdle)},
		exercise.Part{Name: "returns when the tasks run out", Points: 1,
			Run: exercise.InBubble(runWorkers, checkShutdownDrained)},
	)
}

// checkShutdownBusy: 3 workers and plenty of 100ms tasks; by the
// cancel at 250ms each has started a task at 0, 100 and 200ms.
func checkShutdownBusy(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt = 250 * ms
	workers := names("w", 3)
	r, ok := runShutdown(t, runWorkers, workers, queue(100), everyTask(100*ms), cancelAt, time.Second)
	if !ok {
		return
	}
	if r.returnedAt < cancelAt {
		t.Errorf("RunWorkers returned at %v, before its context was cancelled at %v: "+
			"it runs the workers until ctx is cancelled (or tasks is closed), then waits for them", r.returnedAt, cancelAt)
	}
	started := r.byWorker(cancelAt)
	for w := range started {
		if !slices.Contains(workers, w) {
			t.Errorf("work was called with worker %q, which is not one of the names given (%q): "+
				"start one goroutine per name and pass that name to work", w, workers)
		}
	}
	total := 0
	var per []string
	for _, w := range workers {
		total += started[w]
		per = append(per, fmt.Sprintf("%s %d", w, started[w]))
	}
	if total != 9 || slices.ContainsFunc(workers, func(w string) bool { return started[w] != 3 }) {
		t.Errorf("by the cancel at %v the workers had started %d tasks (%s), want 9, 3 each: "+
			"with 100ms tasks, each worker starts one at 0s, 100ms and 200ms, taking the next as soon as it is done",
			cancelAt, total, strings.Join(per, ", "))
	}
	if r.peak > len(workers) {
		t.Errorf("%d tasks ran at once with %d workers: each worker does one task at a time", r.peak, len(workers))
	}
}

// checkShutdownFinish: 16 workers are all in the middle of a task at
// the cancel. They finish at 300ms, when RunWorkers must return. There
// are tasks left, and a select that waits on ctx.Done() and tasks
// picks either at random when both are ready: with 16 workers a
// learner who relies on it is caught on all but 1 run in 65536.
func checkShutdownFinish(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace, want = 250 * ms, time.Second, 300 * ms
	r, ok := runShutdown(t, runWorkers, names("w", 16), queue(200), everyTask(100*ms), cancelAt, grace)
	if !ok {
		return
	}
	switch late := r.startedAfter(cancelAt); {
	case len(late) > 0:
		t.Errorf("%d tasks were started after the cancel at %v (%s): once ctx is cancelled, take no new task. "+
			"Check ctx.Err() before taking the next one: when ctx.Done() and a task are both ready, "+
			"select picks one of them at random", len(late), cancelAt, listRuns(late))
	case len(r.runningAtReturn) > 0:
		t.Errorf("RunWorkers returned at %v while %d tasks were still running (%s): after the cancel, "+
			"wait for every worker to finish its task, up to the grace period",
			r.returnedAt, len(r.runningAtReturn), listRuns(r.runningAtReturn))
	case r.returnedAt != want:
		t.Errorf("RunWorkers returned at %v, want %v, when the last task ended: return as soon as every worker "+
			"has stopped (wait for them on a channel, not by sleeping); wait out the grace period only for workers still working",
			r.returnedAt, want)
	}
	if len(r.late) > 0 {
		t.Errorf("RunWorkers reported %q as late, want none: every worker had finished by %v, "+
			"well within the %v grace period after the cancel at %v", r.late, want, grace, cancelAt)
	}
}

// slowWorkers: at the cancel at 120ms everyone is busy; ann and dan
// finish by 160ms, bob at 300ms and cid at 1s, after the deadline.
var slowWorkers = map[string]time.Duration{"ann": 50 * ms, "bob": 300 * ms, "cid": time.Second, "dan": 80 * ms}

func checkShutdownLate(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace = 120 * ms, 100 * ms
	deadline := cancelAt + grace
	want := []string{"bob", "cid"}
	cost := func(worker, _ string) time.Duration { return slowWorkers[worker] }
	r, ok := runShutdown(t, runWorkers, []string{"ann", "bob", "cid", "dan"}, queue(100), cost, cancelAt, grace)
	if !ok {
		return
	}
	switch {
	case slices.Equal(r.late, want):
	case sameNames(r.late, want):
		t.Errorf("RunWorkers reported %q as late, want %q: the right workers, but list them in the order of names", r.late, want)
	default:
		t.Errorf("RunWorkers reported %q as late, want %q: at the grace deadline (the cancel at %v + %v = %v) "+
			"bob and cid were still working, ann and dan had finished (at 150ms and 160ms)",
			r.late, want, cancelAt, grace, deadline)
	}
	switch {
	case r.returnedAt > deadline:
		t.Errorf("RunWorkers returned at %v, want %v: stop waiting at the grace deadline (the cancel at %v + the %v grace) "+
			"and return the names of the workers still working; they may go on in the background",
			r.returnedAt, deadline, cancelAt, grace)
	case r.returnedAt < deadline:
		t.Errorf("RunWorkers returned at %v, before the grace deadline at %v, while these tasks were still running: %s. Wait for them until the deadline",
			r.returnedAt, deadline, listRuns(r.runningAtReturn))
	}
	if late := r.startedAfter(cancelAt); len(late) > 0 {
		t.Errorf("%d tasks were started after the cancel at %v (%s): once ctx is cancelled, take no new task",
			len(late), cancelAt, listRuns(late))
	}
}

// checkShutdownIdle: the workers wait for tasks that never come.
func checkShutdownIdle(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace = 100 * ms, 100 * ms
	r, ok := runShutdown(t, runWorkers, []string{"x", "y", "z"}, make(chan string), everyTask(0), cancelAt, grace)
	if !ok {
		return
	}
	if r.returnedAt != cancelAt || len(r.late) > 0 {
		t.Errorf("RunWorkers returned at %v with %q late, want %v and none: the workers were only waiting for a task "+
			"when the context was cancelled, so they must stop at once (select on ctx.Done() as well as tasks)",
			r.returnedAt, r.late, cancelAt)
	}
}

// checkShutdownDrained: 7 tasks in a closed channel and no cancel (but
// one at 10s, so that a RunWorkers that waits only for it returns).
func checkShutdownDrained(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, want = 10 * time.Second, 300 * ms
	tasks := queue(7)
	close(tasks)
	r, ok := runShutdown(t, runWorkers, names("p", 3), tasks, everyTask(100*ms), cancelAt, 100*ms)
	if !ok {
		return
	}
	done := map[string]int{}
	for _, run := range r.all() {
		done[run.Task]++
	}
	if n := done[""]; n > 0 {
		t.Errorf("work was called %d times with an empty task: a receive from a closed channel gives \"\" at once, "+
			"forever; stop the worker when tasks is closed (task, ok := <-tasks, or for task := range tasks)", n)
	}
	for i := range 7 {
		if task := fmt.Sprintf("t%d", i+1); done[task] != 1 {
			t.Errorf("task %s was done %d times, want once", task, done[task])
		}
	}
	if r.returnedAt != want {
		t.Errorf("RunWorkers returned at %v, want %v, when the 7 tasks were done (3 workers, 3 rounds of 100ms): "+
			"when tasks is closed and empty the workers stop, and RunWorkers returns without waiting for a cancel",
			r.returnedAt, want)
	}
	if len(r.late) > 0 {
		t.Errorf("RunWorkers reported %q as late, want none: there was no cancel", r.late)
	}
}

// sameNames reports whether a and b hold the same names in any order.
func sameNames(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(s string) bool { return !slices.Contains(b, s) })
}
