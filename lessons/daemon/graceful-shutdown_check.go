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
// the workers still working then, in the order of names (nil if all
// stopped in time).
//
// Every part runs on synctest's fake clock with injected work that
// sleeps, so "finished at 300ms" and "still working at the grace
// deadline" are exact; a goroutine left behind fails the part and is
// named. The late workers' names are neither sorted nor in the order
// their tasks began or ended, and the part runs ten times, so that a
// map's order passes by luck at most once in 10^9.
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

// busyWorkers: 3 workers whose tasks take 60, 100 and 140ms. By the
// cancel at 250ms, a worker that takes the next task as soon as it is
// done has started 5, 3 and 2; workers that wait for each other, in
// rounds, start fewer, which tasks that all take as long would hide.
var busyWorkers = []struct {
	name  string
	task  time.Duration
	start int // tasks started by the cancel
}{{"w1", 60 * ms, 5}, {"w2", 100 * ms, 3}, {"w3", 140 * ms, 2}}

func checkShutdownBusy(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt = 250 * ms
	var workers, want, got []string
	cost := map[string]time.Duration{}
	for _, w := range busyWorkers {
		workers = append(workers, w.name)
		cost[w.name] = w.task
		want = append(want, fmt.Sprintf("%s %d", w.name, w.start))
	}
	byWorker := func(worker, _ string) time.Duration { return cost[worker] }
	r, ok := runShutdown(t, runWorkers, workers, queue(100), byWorker, cancelAt, time.Second)
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
	for _, w := range workers {
		got = append(got, fmt.Sprintf("%s %d", w, started[w]))
	}
	if !slices.Equal(got, want) {
		t.Errorf("by the cancel at %v the workers had started %s tasks, want %s: with tasks of 60, 100 and 140ms, "+
			"each worker takes the next task as soon as it is done with one, without waiting for the others",
			cancelAt, strings.Join(got, ", "), strings.Join(want, ", "))
	}
	if peak := r.inFlight.Peak(); peak > len(workers) {
		t.Errorf("%d tasks ran at once with %d workers: each worker does one task at a time", peak, len(workers))
	}
}

// checkShutdownFinish: 32 workers are all in the middle of a task at
// the cancel. They finish at 300ms, when RunWorkers must return. There
// are tasks left, and a select that waits on ctx.Done() and tasks
// picks either at random when both are ready: with 32 workers a
// learner who relies on it is caught on all but 1 run in 2^32.
func checkShutdownFinish(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace, want = 250 * ms, time.Second, 300 * ms
	r, ok := runShutdown(t, runWorkers, names("w", 32), queue(200), everyTask(100*ms), cancelAt, grace)
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
	noneLate(t, r, fmt.Sprintf("every worker had finished by %v, well within the %v grace period after the cancel at %v",
		want, grace, cancelAt))
}

// lateWorkers: 8 workers, each with tasks of its own length, all busy
// at the cancel at 250ms. With 100ms of grace, four are still working
// at 350ms: zoe (her task ends at 400ms), bob (360ms), max (480ms) and
// abe (500ms). In the order of names that is zoe, bob, max, abe: not
// sorted, nor reversed, nor the order in which their tasks began (abe,
// bob, zoe, max) or end (bob, zoe, max, abe). The other four finish
// in time: kim and ann at 300ms, lee at 260ms, eve at 280ms.
var lateWorkers = []struct {
	name string
	task time.Duration
}{
	{"zoe", 200 * ms}, {"kim", 300 * ms}, {"bob", 180 * ms}, {"ann", 100 * ms},
	{"lee", 130 * ms}, {"max", 240 * ms}, {"eve", 70 * ms}, {"abe", 500 * ms},
}

// lateRuns is how many times checkShutdownLate runs: a map holding the
// 8 workers lists them from a random place on every range, which gets
// the 4 late ones in order once in 8 ranges; ten runs make that 8^-10.
const lateRuns = 10

func checkShutdownLate(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace = 250 * ms, 100 * ms
	deadline := cancelAt + grace
	want := []string{"zoe", "bob", "max", "abe"}
	var workers []string
	cost := map[string]time.Duration{}
	for _, w := range lateWorkers {
		workers = append(workers, w.name)
		cost[w.name] = w.task
	}
	byWorker := func(worker, _ string) time.Duration { return cost[worker] }
	var runs []*shutdownRun
	for range lateRuns {
		r, ok := runShutdown(t, runWorkers, workers, queue(100), byWorker, cancelAt, grace)
		if !ok {
			return
		}
		runs = append(runs, r)
	}
	r := runs[0]
	wrong := 0
	for _, run := range runs {
		if !slices.Equal(run.late, want) {
			if wrong == 0 {
				r = run
			}
			wrong++
		}
	}
	often, order := "", ""
	if wrong < lateRuns {
		often = fmt.Sprintf(" (in %d of %d runs)", wrong, lateRuns)
		order = "; an order that changes from run to run is a map's, which has none"
	}
	switch {
	case wrong == 0:
	case sameNames(r.late, want):
		t.Errorf("RunWorkers reported %q as late, want %q%s: the right workers, but list them in the order of names "+
			"(%q), whatever the order in which their tasks began or end%s", r.late, want, often, workers, order)
	default:
		t.Errorf("RunWorkers reported %q as late, want %q%s: at the grace deadline (the cancel at %v + %v = %v) "+
			"zoe, bob, max and abe were still working; kim, ann, lee and eve had finished (at 300ms, 300ms, 260ms and 280ms)",
			r.late, want, often, cancelAt, grace, deadline)
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
	if r.returnedAt != cancelAt {
		t.Errorf("RunWorkers returned at %v, want %v: the workers were only waiting for a task "+
			"when the context was cancelled, so they must stop at once (select on ctx.Done() as well as tasks)",
			r.returnedAt, cancelAt)
	}
	noneLate(t, r, "the workers were only waiting for a task when the context was cancelled")
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
	noneLate(t, r, "there was no cancel")
}

// noneLate fails t unless RunWorkers returned nil: the task promises
// nil, not an empty slice, when no worker is late.
func noneLate(t *testing.T, r *shutdownRun, why string) {
	t.Helper()
	switch {
	case len(r.late) > 0:
		t.Errorf("RunWorkers reported %q as late, want nil: %s", r.late, why)
	case r.late != nil:
		t.Errorf("RunWorkers returned an empty slice that is not nil, want nil: %s. Return nil when no worker is late "+
			"(var late []string stays nil until the first append)", why)
	}
}

// sameNames reports whether a and b hold the same names in any order.
func sameNames(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(s string) bool { return !slices.Contains(b, s) })
}
