package async

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// gatherFunc is the learner's Gather, instantiated for string results.
type gatherFunc = func(ctx context.Context, tasks ...func(context.Context) (string, error)) ([]string, error)

// CheckGather checks the gather exercise: gather runs every task in its
// own goroutine and returns their results in the order of the tasks.
// At the first error in time it cancels the context the other tasks
// were given, waits for all of them to return, and returns that first
// error and nil results. When it returns, the tasks' context is
// cancelled in any case.
//
// Every part runs on synctest's fake clock, with injected tasks that
// sleep and write down when they ended and why. The tasks finish in an
// order that is neither the order they were given in, nor its reverse,
// nor sorted, so that no other order passes for the right one.
func CheckGather(t *testing.T, gather func(ctx context.Context, tasks ...func(context.Context) (string, error)) ([]string, error)) {
	t.Helper()
	exercise.Check(t, "gather",
		exercise.Part{Name: "runs every task at the same time", Points: 2,
			Run: exercise.InBubble(gather, checkGatherAtOnce)},
		exercise.Part{Name: "returns the results in the order of the tasks", Points: 2,
			Run: exercise.InBubble(gather, checkGatherOrder)},
		exercise.Part{Name: "returns the first error and no results, and cancels the other tasks", Points: 2,
			Run: exercise.InBubble(gather, checkGatherFirstError)},
		exercise.Part{Name: "returns the error that came first in time, not the one of the lowest index", Points: 1,
			Run: exercise.InBubble(gather, checkGatherFirstInTime)},
		exercise.Part{Name: "waits for every task to return, even after an error", Points: 1,
			Run: exercise.InBubble(gather, checkGatherWaits)},
		exercise.Part{Name: "passes the caller's cancellation on to every task", Points: 1,
			Run: exercise.InBubble(gather, checkGatherCallerCancel)},
		exercise.Part{Name: "cancels the tasks' context once it returns", Points: 1,
			Run: exercise.InBubble(gather, checkGatherCleanup)},
	)
}

const ms = time.Millisecond

// checkGatherAtOnce gathers the seed's say(1, "Good") and
// say(2, "Morning"), 10 times shorter, and three more: together they
// take as long as the longest, 200ms, not the 600ms of their sum.
func checkGatherAtOnce(t *testing.T, gather gatherFunc) {
	msgs := []string{"Morning", "Good", "night", "and", "good"}
	delays := []time.Duration{100 * ms, 200 * ms, 150 * ms, 50 * ms, 100 * ms}
	log := newTaskLog()
	var inFlight exercise.InFlight
	tasks := make([]task, len(msgs))
	for i, msg := range msgs {
		say := listeningTask(log, i, delays[i], msg, nil)
		tasks[i] = func(ctx context.Context) (string, error) {
			defer inFlight.Enter()()
			return say(ctx)
		}
	}
	start := time.Now()
	results, err := gathered(t, gather, context.Background(), tasks...)
	took := time.Since(start)

	sum, longest := time.Duration(0), slices.Max(delays)
	for _, d := range delays {
		sum += d
	}
	head := fmt.Sprintf("Gather took %v of fake time for %d tasks of %s, want %v (the longest)",
		took, len(tasks), durations(delays), longest)
	switch {
	case took >= sum:
		t.Errorf("%s: the tasks ran one after another; start one goroutine per task", head)
	case took > longest:
		t.Errorf("%s: some tasks waited for others; start all %d goroutines at once", head, len(tasks))
	case took < longest:
		t.Errorf("%s: it returned before its tasks were done; wait for every goroutine (sync.WaitGroup)", head)
	}
	if peak := inFlight.Peak(); peak != len(tasks) {
		t.Errorf("at most %d of the %d tasks ran at once, want all %d", peak, len(tasks), len(tasks))
	}
	if err != nil {
		t.Errorf("Gather returned the error %q, want nil: no task failed", err)
	} else if !slices.Equal(results, msgs) {
		t.Errorf("Gather returned %q, want %q, in the order of the tasks", results, msgs)
	}
	if !t.Failed() {
		checkGatherMany(t, gather)
	}
}

// manyTasks is more tasks than any fixed number of workers or any
// fixed buffer a Gather might have, and more than this machine has
// cores: "all at once" means all of them.
const manyTasks = 100

// checkGatherMany gathers manyTasks tasks of uneven lengths, from 1ms
// to 100ms: all at once, they take the longest, 100ms.
func checkGatherMany(t *testing.T, gather gatherFunc) {
	log := newTaskLog()
	var inFlight exercise.InFlight
	tasks := make([]task, manyTasks)
	want := make([]string, manyTasks)
	for i := range tasks {
		want[i] = fmt.Sprint(i)
		work := time.Duration(1+i*37%manyTasks) * ms // 1ms, 38ms, 75ms, 12ms, …
		say := listeningTask(log, i, work, want[i], nil)
		tasks[i] = func(ctx context.Context) (string, error) {
			defer inFlight.Enter()()
			return say(ctx)
		}
	}
	start := time.Now()
	results, err := gathered(t, gather, context.Background(), tasks...)
	took := time.Since(start)
	if peak := inFlight.Peak(); peak != manyTasks {
		t.Errorf("at most %d of %d tasks ran at once, want all %d: start one goroutine per task, "+
			"not a fixed number of workers", peak, manyTasks, manyTasks)
	} else if took != 100*ms {
		t.Errorf("Gather took %v of fake time for %d tasks of 1ms to 100ms, want 100ms, the longest", took, manyTasks)
	}
	if err != nil {
		t.Errorf("Gather returned the error %q for %d tasks, want nil: no task failed", err, manyTasks)
	} else if !slices.Equal(results, want) {
		t.Errorf("Gather returned the wrong results for %d tasks: want results[i] to be what tasks[i] returned", manyTasks)
	}
}

// checkGatherOrder lets the tasks finish in an order that is not
// theirs, nor its reverse, nor sorted; then it gathers nothing.
func checkGatherOrder(t *testing.T, gather gatherFunc) {
	want := []string{"night", "Good", "all", "Morning", "and", "good"}
	// Done in the order tasks[2], [0], [5], [1], [4], [3].
	delays := []time.Duration{20 * ms, 40 * ms, 10 * ms, 60 * ms, 50 * ms, 30 * ms}
	log := newTaskLog()
	tasks := make([]task, len(want))
	for i := range want {
		tasks[i] = listeningTask(log, i, delays[i], want[i], nil)
	}
	results, err := gathered(t, gather, context.Background(), tasks...)
	switch {
	case err != nil:
		t.Errorf("Gather returned the error %q, want nil: no task failed", err)
	case !slices.Equal(results, want):
		t.Errorf("Gather returned %q,\nwant %q:\nhere the tasks finish in the order tasks[2], [0], [5], [1], [4], [3]; "+
			"write each result into its own slot, results[i], instead of keeping results in the order they "+
			"arrive, or in any other order", results, want)
	}

	start := time.Now()
	results, err = gathered(t, gather, context.Background())
	if took := time.Since(start); took != 0 {
		t.Errorf("Gather took %v of fake time for no tasks, want 0: with nothing to run, return at once", took)
	}
	if err != nil || len(results) != 0 {
		t.Errorf("Gather() with no tasks returned (%q, %v), want no results and a nil error", results, err)
	}
}

// checkGatherFirstError fails tasks[1] at 30ms and tasks[3] at 60ms,
// if it is still running then. The others would work for a second,
// but they listen to their context.
func checkGatherFirstError(t *testing.T, gather gatherFunc) {
	first := errors.New("tasks[1] failed: 500 Internal Server Error")
	later := errors.New("tasks[3] failed too, later")
	log := newTaskLog()
	start := time.Now()
	results, err := gathered(t, gather, context.Background(),
		listeningTask(log, 0, time.Second, "never", nil),
		listeningTask(log, 1, 30*ms, "", first),
		listeningTask(log, 2, time.Second, "never", nil),
		listeningTask(log, 3, 60*ms, "", later),
	)
	took := time.Since(start)
	switch {
	case err == nil:
		t.Errorf("Gather returned no error, want tasks[1]'s %q: return the first error a task returns", first)
	case errors.Is(err, first) && !errors.Is(err, context.Canceled) && !errors.Is(err, later):
	case errors.Is(err, first):
		t.Errorf("Gather returned %q, which holds more errors than the first: return tasks[1]'s %q alone, "+
			"not the errors of the tasks you cancelled with it", err, first)
	case errors.Is(err, context.Canceled):
		t.Errorf("Gather returned %q, which is what the tasks you cancelled returned; return the error "+
			"that came first, tasks[1]'s %q: keep only the first error (sync.Once)", err, first)
	case errors.Is(err, later):
		t.Errorf("Gather returned tasks[3]'s error from 60ms, want the first error, tasks[1]'s %q from 30ms", first)
	default:
		t.Errorf("Gather returned %q, want tasks[1]'s %q", err, first)
	}
	if err != nil && results != nil {
		t.Errorf("Gather returned the results %q with its error, want nil: after an error there are no results "+
			"(return nil, first)", results)
	}
	// A Gather that returns without waiting has cancelled the others on
	// its way out; we let them see it before we look (the next part
	// proves the waiting).
	synctest.Wait()
	var deaf, never []string
	for _, i := range []int{0, 2, 3} {
		switch r := log.record(i); {
		case !r.started:
			never = append(never, fmt.Sprintf("tasks[%d]", i))
		case r.stoppedBy == nil:
			deaf = append(deaf, fmt.Sprintf("tasks[%d]", i))
		case r.endedAt != 30*ms:
			t.Errorf("tasks[%d] saw its context cancelled at %v of fake time, want 30ms, when tasks[1] failed",
				i, r.endedAt)
		}
	}
	switch {
	case len(never) > 0:
		t.Errorf("Gather took %v of fake time, want 30ms: %s never ran; start every task in its own "+
			"goroutine before you wait for any of them", took, strings.Join(never, ", "))
	case len(deaf) > 0:
		t.Errorf("Gather took %v of fake time, want 30ms: when tasks[1] failed, %s never saw the context "+
			"they were given cancelled; give every task a context made with context.WithCancel(ctx), and "+
			"call its cancel at the first error", took, strings.Join(deaf, ", "))
	case took > 30*ms:
		t.Errorf("Gather took %v of fake time, want 30ms: every task had stopped by then", took)
	}
}

// checkGatherFirstInTime fails four tasks that never look at their
// context, so that each returns its own error: tasks[2] first, at
// 20ms, then tasks[0] and tasks[4] at the same moment, 50ms, and
// tasks[1] last, at 80ms, while tasks[3] succeeds at 30ms. The first
// in time is neither the lowest index nor the highest, nor the last.
// Two tasks failing at the same fake moment also make sure that a
// first error kept without a lock or a sync.Once races on every run.
func checkGatherFirstInTime(t *testing.T, gather gatherFunc) {
	errs := []error{
		errors.New("tasks[0] failed at 50ms"),
		errors.New("tasks[1] failed at 80ms"),
		errors.New("tasks[2] failed at 20ms"),
		nil,
		errors.New("tasks[4] failed at 50ms"),
	}
	log := newTaskLog()
	results, err := gathered(t, gather, context.Background(),
		failingDeafTask(log, 0, 50*ms, errs[0]),
		failingDeafTask(log, 1, 80*ms, errs[1]),
		failingDeafTask(log, 2, 20*ms, errs[2]),
		deafTask(log, 3, 30*ms, "fine"),
		failingDeafTask(log, 4, 50*ms, errs[4]),
	)
	first := errs[2]
	var also []string
	for i, e := range errs {
		if e != nil && e != first && errors.Is(err, e) {
			also = append(also, fmt.Sprintf("tasks[%d]'s", i))
		}
	}
	switch {
	case err == nil:
		t.Errorf("Gather returned no error, want tasks[2]'s %q, the first in time", first)
	case errors.Is(err, first) && len(also) == 0:
	case errors.Is(err, first):
		t.Errorf("Gather returned %q, which holds %s as well: return the first error alone, tasks[2]'s %q",
			err, andList(also)+" "+pluralWord(len(also), "error"), first)
	case errors.Is(err, errs[0]):
		t.Errorf("Gather returned tasks[0]'s error, %q, want tasks[2]'s %q: tasks[2] failed first, at 20ms, "+
			"tasks[0] only at 50ms; keep the error that comes first in time (sync.Once, when it happens), "+
			"not the first in the order of the tasks", err, first)
	case errors.Is(err, errs[1]):
		t.Errorf("Gather returned tasks[1]'s error, %q, from 80ms, the last one, want tasks[2]'s %q from 20ms: "+
			"keep only the first error that comes", err, first)
	case errors.Is(err, errs[4]):
		t.Errorf("Gather returned tasks[4]'s error, %q, from 50ms, want tasks[2]'s %q from 20ms: keep the error "+
			"that comes first in time", err, first)
	default:
		t.Errorf("Gather returned %q, want tasks[2]'s %q, the first in time", err, first)
	}
	if err != nil && results != nil {
		t.Errorf("Gather returned the results %q with its error, want nil: after an error there are no results", results)
	}
}

// checkGatherWaits fails tasks[0] at 30ms while tasks[1], which never
// looks at its context, works on until 100ms.
func checkGatherWaits(t *testing.T, gather gatherFunc) {
	failed := errors.New("tasks[0] failed")
	log := newTaskLog()
	start := time.Now()
	_, err := gathered(t, gather, context.Background(),
		listeningTask(log, 0, 30*ms, "", failed),
		deafTask(log, 1, 100*ms, "done anyway"),
	)
	took := time.Since(start)
	switch r := log.record(1); {
	case !r.started:
		t.Errorf("tasks[1] never ran: Gather returned at %v of fake time, at tasks[0]'s error, before it "+
			"started tasks[1]; start every task in its own goroutine before you wait for any of them", took)
	case !r.ended || took < 100*ms:
		t.Errorf("Gather returned at %v of fake time, while tasks[1] was still working (until 100ms): "+
			"it never looks at its context, and Go cannot stop a goroutine from outside, so a cancelled "+
			"context is only a request; wait for every task to return (wg.Wait()) before you return", took)
	case took != 100*ms:
		t.Errorf("Gather took %v of fake time, want 100ms: tasks[1] had returned then", took)
	}
	if !errors.Is(err, failed) {
		t.Errorf("Gather returned %v, want tasks[0]'s %q", err, failed)
	}
}

// checkGatherCallerCancel cancels the caller's context at 40ms, while
// three tasks that listen would work for a second, and tasks[3], which
// never looks at its context, works until 100ms: the listening ones
// return context.Canceled at 40ms, an error like any other, so Gather
// still waits for tasks[3] and then returns that error.
func checkGatherCallerCancel(t *testing.T, gather gatherFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := time.AfterFunc(40*ms, cancel)
	defer stop.Stop()
	log := newTaskLog()
	start := time.Now()
	results, err := gathered(t, gather, ctx,
		listeningTask(log, 0, time.Second, "never", nil),
		listeningTask(log, 1, time.Second, "never", nil),
		listeningTask(log, 2, time.Second, "never", nil),
		deafTask(log, 3, 100*ms, "done anyway"),
	)
	took := time.Since(start)
	synctest.Wait()
	var deaf []string
	for i := range 3 {
		if r := log.record(i); r.started && r.stoppedBy == nil {
			deaf = append(deaf, fmt.Sprintf("tasks[%d]", i))
		}
	}
	switch {
	case len(deaf) > 0:
		t.Errorf("Gather took %v of fake time, want 100ms: the caller cancelled ctx at 40ms, but %s did not hear "+
			"of it; make the tasks' context from the ctx Gather was given, context.WithCancel(ctx), "+
			"not from context.Background()", took, andList(deaf))
	case !log.record(3).started:
		t.Errorf("Gather returned at %v of fake time, and tasks[3] never ran; start every task in its own "+
			"goroutine before you wait for any of them", took)
	case took < 100*ms:
		t.Errorf("Gather returned at %v of fake time, when the caller cancelled, while tasks[3] was still working "+
			"(until 100ms): it never looks at its context; the others returned context.Canceled, an error like "+
			"any other, so wait for every task to return (wg.Wait()) before you return", took)
	case took != 100*ms:
		t.Errorf("Gather took %v of fake time, want 100ms: tasks[3] had returned then", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Gather returned %v, want context.Canceled: what the tasks returned when the caller cancelled", err)
	}
	if err != nil && results != nil {
		t.Errorf("Gather returned the results %q with its error, want nil: after an error there are no results", results)
	}
}

// checkGatherCleanup lets three tasks succeed, then looks at the
// context they were given.
func checkGatherCleanup(t *testing.T, gather gatherFunc) {
	log := newTaskLog()
	tasks := make([]task, 3)
	for i := range tasks {
		tasks[i] = listeningTask(log, i, 10*ms, "ok", nil)
	}
	if _, err := gathered(t, gather, context.Background(), tasks...); err != nil {
		t.Errorf("Gather returned the error %q, want nil: no task failed", err)
	}
	for i := range tasks {
		switch r := log.record(i); {
		case !r.started:
			t.Errorf("tasks[%d] never ran", i)
		case r.ctx.Err() == nil:
			t.Errorf("the context tasks[%d] was given was still live after Gather returned: cancel it when "+
				"Gather returns (defer cancel() right after context.WithCancel), or whatever the tasks started "+
				"with it lives on as long as the caller's context", i)
			return
		}
	}
}

// gathered calls the learner's gather with exercise.Returns: a panic
// in it names the function it happened in, and a Gather that never
// returns fails the part after exercise.StuckAfter of fake time.
func gathered(t *testing.T, gather gatherFunc, ctx context.Context, tasks ...task) ([]string, error) {
	t.Helper()
	type returned struct {
		results []string
		err     error
	}
	r, ok := exercise.Returns(func() returned {
		results, err := gather(ctx, tasks...)
		return returned{results, err}
	})
	if !ok {
		t.Fatalf("Gather had not returned after %v of fake time, long after its tasks had: it is stuck, "+
			"and so are these goroutines:\n%s", exercise.StuckAfter, strings.Join(exercise.Blocked(), "\n"))
	}
	return r.results, r.err
}

// durations lists delays as "100ms, 200ms and 50ms".
func durations(delays []time.Duration) string {
	s := make([]string, len(delays))
	for i, d := range delays {
		s[i] = d.String()
	}
	return andList(s)
}

// andList lists s as "a, b and c".
func andList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// pluralWord is word, with an s when n is not 1.
func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
