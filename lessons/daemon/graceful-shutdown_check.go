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
// named. When the tasks run out, the check never cancels ctx, so a
// goroutine that waits for a cancel is left behind there. The ten late
// workers' names are neither sorted nor in the order their tasks
// began or ended, and the part runs ten times, so that a map's order
// passes by luck at most once in 10^22; and it runs pairs of workers,
// so that a flag read at the deadline without a lock is a race the
// detector reports every run (see latePairs).
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

// lateWorker is one worker of checkShutdownLate, whose tasks all take
// as long.
type lateWorker struct {
	name string
	task time.Duration
}

// lateCrew: 16 workers, each with tasks of its own length, all busy at
// the cancel at 250ms. With 100ms of grace, ten are still working at
// 350ms: zoe (her task ends at 400ms), bob (360ms), ivy (380ms), tom
// (460ms), max (480ms), sue (372ms), gus (366ms), abe (500ms), fay
// (420ms) and pam (370ms). In the order of names that is neither
// sorted, nor reversed, nor the order in which their tasks began or
// end, and no two of those tasks begin or end at the same time. The
// other six finish in time, between 260 and 330ms.
//
// Ten late names, and not eight or fewer, because of maps: a map of up
// to 8 entries keeps them in one group in the order they were put in,
// and a range starts at a random slot of it, which gives 4 names back
// in their order 5 times in 8. A map of more than 8 spreads them by
// hash, and its order is right at most 6 times in 1000 (measured over
// a million maps, built from names, from the late ones, with and
// without a size hint); checkShutdownLate runs ten times, so a map
// passes by luck once in 10^22.
var lateCrew = []lateWorker{
	{"zoe", 200 * ms}, {"kim", 300 * ms}, {"bob", 180 * ms}, {"ivy", 190 * ms},
	{"ann", 100 * ms}, {"tom", 230 * ms}, {"lee", 130 * ms}, {"max", 240 * ms},
	{"sue", 124 * ms}, {"eve", 70 * ms}, {"gus", 122 * ms}, {"ray", 160 * ms},
	{"abe", 500 * ms}, {"fay", 210 * ms}, {"ned", 110 * ms}, {"pam", 185 * ms},
}

// latePairs: two workers, one late and one that stops during the grace
// period, either way round. They are for the race detector. It keeps
// the last 4 accesses to each 8 bytes of memory, and a []bool of 16
// workers' flags puts 8 in the same 8 bytes: by the deadline, the
// stopped workers' unlocked writes have pushed each other out, and a
// read of them at the deadline goes unreported on some runs. Two flags
// leave room for every access, so that race is reported every run.
var latePairs = [][]lateWorker{
	{{"ann", 100 * ms}, {"bob", 200 * ms}},
	{{"ann", 200 * ms}, {"bob", 100 * ms}},
}

// lateRuns is how many times checkShutdownLate runs lateCrew, and
// pairRuns each of latePairs.
const lateRuns, pairRuns = 10, 3

func checkShutdownLate(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, grace = 250 * ms, 100 * ms
	// Every fixture runs before any is judged, so that a wrong list in
	// one does not spare a race in another.
	fixtures := []struct {
		crew []lateWorker
		runs []*shutdownRun
	}{{crew: lateCrew}, {crew: latePairs[0]}, {crew: latePairs[1]}}
	for i := range fixtures {
		f := &fixtures[i]
		n := pairRuns
		if i == 0 {
			n = lateRuns
		}
		var workers []string
		cost := map[string]time.Duration{}
		for _, w := range f.crew {
			workers = append(workers, w.name)
			cost[w.name] = w.task
		}
		byWorker := func(worker, _ string) time.Duration { return cost[worker] }
		for range n {
			r, ok := runShutdown(t, runWorkers, workers, queue(100), byWorker, cancelAt, grace)
			if !ok {
				return
			}
			f.runs = append(f.runs, r)
		}
	}
	for _, f := range fixtures {
		if !judgeLate(t, f.crew, f.runs, cancelAt, grace) {
			return // one fixture's failures are enough to read
		}
	}
}

// judgeLate checks the runs of checkShutdownLate on one crew, and
// reports whether they were right.
func judgeLate(t *testing.T, crew []lateWorker, runs []*shutdownRun, cancelAt, grace time.Duration) (right bool) {
	t.Helper()
	deadline := cancelAt + grace
	var workers, want, working, finished []string
	for _, w := range crew {
		workers = append(workers, w.name)
		// The task in its hands at the cancel ends at the first
		// multiple of its length after it.
		end := (cancelAt/w.task + 1) * w.task
		if end > deadline {
			want = append(want, w.name)
			working = append(working, fmt.Sprintf("%s (till %v)", w.name, end))
		} else {
			finished = append(finished, fmt.Sprintf("%s (at %v)", w.name, end))
		}
	}
	r, wrong, changes := runs[0], 0, false
	for _, run := range runs {
		if !slices.Equal(run.late, want) {
			if wrong == 0 {
				r = run
			}
			wrong++
		}
		changes = changes || !slices.Equal(run.late, runs[0].late)
	}
	often, order := "", ""
	if wrong < len(runs) {
		often = fmt.Sprintf(" (in %d of %d runs)", wrong, len(runs))
	}
	if changes {
		order = "; an order that changes from run to run is a map's, which has none"
	}
	right = true
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format, args...)
		right = false
	}
	switch {
	case wrong == 0:
	case sameNames(r.late, want):
		fail("RunWorkers reported %q as late, want %q%s: the right workers, but list them in the order of names "+
			"(%q), whatever the order in which their tasks began or end%s", r.late, want, often, workers, order)
	default:
		was := "were"
		if len(working) == 1 {
			was = "was"
		}
		fail("RunWorkers reported %q as late, want %q%s: at the grace deadline (the cancel at %v + %v = %v) "+
			"%s %s still working; %s had finished", r.late, want, often, cancelAt, grace, deadline,
			and(working), was, and(finished))
	}
	switch {
	case r.returnedAt > deadline:
		fail("RunWorkers returned at %v, want %v: stop waiting at the grace deadline (the cancel at %v + the %v grace) "+
			"and return the names of the workers still working; they may go on in the background",
			r.returnedAt, deadline, cancelAt, grace)
	case r.returnedAt < deadline:
		fail("RunWorkers returned at %v, before the grace deadline at %v, while these tasks were still running: %s. Wait for them until the deadline",
			r.returnedAt, deadline, listRuns(r.runningAtReturn))
	}
	if late := r.startedAfter(cancelAt); len(late) > 0 {
		fail("%d tasks were started after the cancel at %v (%s): once ctx is cancelled, take no new task",
			len(late), cancelAt, listRuns(late))
	}
	return right
}

// and joins words as a sentence does: "a", "a and b", "a, b and c".
func and(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
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

// checkShutdownDrained: 7 tasks in a closed channel and no cancel. A
// RunWorkers that waits for one anyway gets it at 10s, so that it
// returns and is told; one that returns in time never sees ctx
// cancelled, to the end of the part, so that a goroutine it left
// waiting for the cancel is found there, blocked, and named.
func checkShutdownDrained(t *testing.T, runWorkers runWorkersFunc) {
	const cancelAt, want = 10 * time.Second, 300 * ms
	tasks := queue(7)
	close(tasks)
	r, ok := runShutdownWith(t, runWorkers, names("p", 3), tasks, everyTask(100*ms), cancelAt, 100*ms, cancelIfRunning)
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
