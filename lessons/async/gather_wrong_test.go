package async

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"golang.org/x/sync/errgroup"
)

// Wrong Gathers, the subtle ones first. Each has a TestBad… test that
// fails on purpose (it runs only in a child process), and a test that
// reads what the learner would read, on every one of wrongRuns runs.

// lowestIndexGather is right but for which error it returns: it keeps
// every task's error in its slot and returns the first in the order of
// the tasks that is not a cancellation, not the first in time.
func lowestIndexGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]string, len(tasks))
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() {
			results[i], errs[i] = task(ctx)
			if errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

// partialResultsGather is right but for the results it returns with
// its error: the ones that came, where the task says nil.
func partialResultsGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
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

// joinedGather returns every task's error, errors.Join'ed, where the
// task says the first one.
func joinedGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]string, len(tasks))
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() {
			results[i], errs[i] = task(ctx)
			if errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return results, nil
}

// unsyncedFirstGather is right but keeps the first error without a
// lock: two tasks that fail race on it.
func unsyncedFirstGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]string, len(tasks))
	var (
		wg    sync.WaitGroup
		first error
	)
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				if first == nil {
					first = err
					cancel()
				}
				return
			}
			results[i] = v
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return results, nil
}

// sortedGather appends the results as they come, under a lock, and
// sorts them: an order, but not the tasks'.
func sortedGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results []string
		first   error
	)
	for _, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = err
					cancel()
				}
				return
			}
			results = append(results, v)
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	slices.Sort(results)
	return results, nil
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
				return
			}
			results[i] = v
		})
	}
	wg.Wait()
	if lastErr != nil {
		return nil, lastErr
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
	if first != nil {
		return nil, first
	}
	return results, nil
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
				return
			}
			results[i] = v
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return results, nil
}

// uncleanGather is right but cancels the tasks' context only at an
// error: after a success it lives on. (go vet would see the cancel
// lost if it were a plain variable; a learner may not run vet.)
func uncleanGather(ctx context.Context, tasks ...task) ([]string, error) {
	var lost struct{ cancel context.CancelFunc }
	ctx, lost.cancel = context.WithCancel(ctx)
	cancel := lost.cancel
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
				return
			}
			results[i] = v
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return results, nil
}

// callerImpatientGather is right but for the caller's cancel: it
// returns at once then, without waiting for its tasks.
func callerImpatientGather(ctx context.Context, tasks ...task) ([]string, error) {
	caller := ctx
	ctx, cancel := context.WithCancel(ctx)
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
				return
			}
			results[i] = v
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-caller.Done():
		return nil, caller.Err()
	}
	if first != nil {
		return nil, first
	}
	return results, nil
}

// pooledGather is right but runs at most 8 tasks at once, as a pool
// does: with 5 tasks it looks like "all at once".
func pooledGather(ctx context.Context, tasks ...task) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	results := make([]string, len(tasks))
	for i, task := range tasks {
		g.Go(func() error {
			v, err := task(ctx)
			results[i] = v
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

// bufferedGather collects the outcomes in a channel of 16 and reads
// them after wg.Wait(): with more than 16 tasks, the 17th waits
// forever for room, and so does Gather.
func bufferedGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		i   int
		v   string
		err error
	}
	outcomes := make(chan outcome, 16)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				once.Do(func() { first = err; cancel() })
			}
			outcomes <- outcome{i, v, err}
		})
	}
	wg.Wait()
	close(outcomes)
	results := make([]string, len(tasks))
	for o := range outcomes {
		results[o.i] = o.v
	}
	if first != nil {
		return nil, first
	}
	return results, nil
}

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

func TestBadLowestIndexGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, lowestIndexGather)
}
func TestBadPartialResultsGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, partialResultsGather)
}
func TestBadJoinedGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, joinedGather)
}
func TestBadUnsyncedFirstGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, unsyncedFirstGather)
}
func TestBadSortedGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, sortedGather)
}
func TestBadLastErrorGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, lastErrorGather)
}
func TestBadUncancelledGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, uncancelledGather)
}
func TestBadImpatientGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, impatientGather)
}
func TestBadBackgroundGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, backgroundGather)
}
func TestBadUncleanGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, uncleanGather)
}
func TestBadCallerImpatientGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, callerImpatientGather)
}
func TestBadPooledGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, pooledGather)
}
func TestBadBufferedGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, bufferedGather)
}
func TestBadSequentialGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, sequentialGather)
}

const (
	gatherFirstPart     = "returns the first error and no results, and cancels the other tasks"
	gatherFirstTimePart = "returns the error that came first in time, not the one of the lowest index"
)

func TestAGatherThatKeepsTheLowestIndexErrorIsToldToKeepTheFirstInTime(t *testing.T) {
	failsEveryRun(t, "TestBadLowestIndexGather",
		"--- FAIL: "+exercise.Subtest("TestBadLowestIndexGather", gatherFirstTimePart),
		`Gather returned tasks[0]'s error, "tasks[0] failed at 50ms", want tasks[2]'s "tasks[2] failed at 20ms": `+
			`tasks[2] failed first, at 20ms, tasks[0] only at 50ms; keep the error that comes first in time `+
			`(sync.Once, when it happens), not the first in the order of the tasks`,
		"FAIL gather: 9/10 points")
}

func TestAGatherThatReturnsResultsWithItsErrorIsToldToReturnNil(t *testing.T) {
	failsEveryRun(t, "TestBadPartialResultsGather",
		`Gather returned the results ["" "" "" ""] with its error, want nil: after an error there are no results (return nil, first)`,
		`Gather returned the results ["" "" "" "fine" ""] with its error, want nil: after an error there are no results`,
		`Gather returned the results ["" "" "" "done anyway"] with its error, want nil: after an error there are no results`,
		"FAIL gather: 6/10 points")
}

func TestAGatherThatJoinsTheErrorsIsToldToReturnTheFirstAlone(t *testing.T) {
	failsEveryRun(t, "TestBadJoinedGather",
		`which holds more errors than the first: return tasks[1]'s "tasks[1] failed: 500 Internal Server Error" alone, `+
			`not the errors of the tasks you cancelled with it`,
		`Gather returned "tasks[0] failed at 50ms\ntasks[1] failed at 80ms\ntasks[2] failed at 20ms\ntasks[4] failed at 50ms", `+
			`which holds tasks[0]'s, tasks[1]'s and tasks[4]'s errors as well: return the first error alone, `+
			`tasks[2]'s "tasks[2] failed at 20ms"`,
		"FAIL gather: 7/10 points")
}

func TestAGatherThatKeepsTheFirstErrorWithoutALockScoresZero(t *testing.T) {
	failsEveryRun(t, "TestBadUnsyncedFirstGather",
		"WARNING: DATA RACE",
		"lessons/async.unsyncedFirstGather.func1()",
		"--- FAIL: "+exercise.Subtest("TestBadUnsyncedFirstGather", exercise.NoRaceClaim),
		raceScore("gather"))
}

func TestASortingGatherIsToldToWriteEachResultInItsSlot(t *testing.T) {
	failsEveryRun(t, "TestBadSortedGather",
		`Gather returned ["Good" "Morning" "and" "good" "night"], want ["Morning" "Good" "night" "and" "good"], in the order of the tasks`,
		`here the tasks finish in the order tasks[2], [0], [5], [1], [4], [3]; write each result into its own slot, `+
			`results[i], instead of keeping results in the order they arrive, or in any other order`,
		"FAIL gather: 6/10 points")
}

func TestAGatherThatKeepsTheLastErrorIsToldToKeepTheFirst(t *testing.T) {
	failsEveryRun(t, "TestBadLastErrorGather",
		`Gather returned "context canceled", which is what the tasks you cancelled returned; `+
			`return the error that came first, tasks[1]'s "tasks[1] failed: 500 Internal Server Error": keep only the first error (sync.Once)`,
		`Gather returned tasks[1]'s error, "tasks[1] failed at 80ms", from 80ms, the last one, want tasks[2]'s `+
			`"tasks[2] failed at 20ms" from 20ms: keep only the first error that comes`,
		"FAIL gather: 7/10 points")
}

func TestAGatherThatCancelsNobodyIsToldToCancel(t *testing.T) {
	failsEveryRun(t, "TestBadUncancelledGather",
		"--- FAIL: "+exercise.Subtest("TestBadUncancelledGather", gatherFirstPart),
		"Gather took 1s of fake time, want 30ms: when tasks[1] failed, tasks[0], tasks[2], tasks[3] never saw "+
			"the context they were given cancelled; give every task a context made with context.WithCancel(ctx), "+
			"and call its cancel at the first error",
		"the context tasks[0] was given was still live after Gather returned",
		"FAIL gather: 7/10 points")
}

func TestAnImpatientGatherIsToldThatGoCannotStopAGoroutine(t *testing.T) {
	failsEveryRun(t, "TestBadImpatientGather",
		"--- FAIL: "+exercise.Subtest("TestBadImpatientGather", "waits for every task to return, even after an error"),
		"Gather returned at 30ms of fake time, while tasks[1] was still working (until 100ms): it never looks at "+
			"its context, and Go cannot stop a goroutine from outside, so a cancelled context is only a request; "+
			"wait for every task to return (wg.Wait()) before you return",
		"started by impatientGather (gather_wrong_test.go:",
		"Gather returned at 40ms of fake time, when the caller cancelled, while tasks[3] was still working (until 100ms)",
		"FAIL gather: 7/10 points")
}

func TestAGatherOnTheBackgroundContextIsToldToUseTheCallers(t *testing.T) {
	failsEveryRun(t, "TestBadBackgroundGather",
		"Gather took 1s of fake time, want 100ms: the caller cancelled ctx at 40ms, but tasks[0], tasks[1] and "+
			"tasks[2] did not hear of it; make the tasks' context from the ctx Gather was given, "+
			"context.WithCancel(ctx), not from context.Background()",
		"Gather returned <nil>, want context.Canceled",
		"FAIL gather: 9/10 points")
}

func TestAGatherThatLeavesTheContextLiveIsToldToDeferCancel(t *testing.T) {
	failsEveryRun(t, "TestBadUncleanGather",
		"the context tasks[0] was given was still live after Gather returned: cancel it when Gather returns "+
			"(defer cancel() right after context.WithCancel), or whatever the tasks started with it lives on "+
			"as long as the caller's context",
		"FAIL gather: 9/10 points")
}

func TestAGatherThatLeavesWhenTheCallerCancelsIsToldToWait(t *testing.T) {
	failsEveryRun(t, "TestBadCallerImpatientGather",
		"Gather returned at 40ms of fake time, when the caller cancelled, while tasks[3] was still working "+
			"(until 100ms): it never looks at its context; the others returned context.Canceled, an error like "+
			"any other, so wait for every task to return (wg.Wait()) before you return",
		"FAIL gather: 9/10 points")
}

func TestAPoolOfGoroutinesIsToldToRunEveryTaskAtOnce(t *testing.T) {
	failsEveryRun(t, "TestBadPooledGather",
		"--- FAIL: "+exercise.Subtest("TestBadPooledGather", "runs every task at the same time"),
		"at most 8 of 100 tasks ran at once, want all 100: start one goroutine per task, not a fixed number of workers",
		"FAIL gather: 8/10 points")
}

func TestAGatherWithAFixedBufferIsToldWhereItIsStuck(t *testing.T) {
	failsEveryRun(t, "TestBadBufferedGather",
		"Gather had not returned after 1m0s of fake time, long after its tasks had: it is stuck, and so are these goroutines:",
		"84 goroutines waiting (chan send) in bufferedGather.func1 (gather_wrong_test.go:",
		"FAIL gather: 8/10 points")
}

func TestASequentialGatherIsToldTheTasksRanOneAfterAnother(t *testing.T) {
	failsEveryRun(t, "TestBadSequentialGather",
		"Gather took 600ms of fake time for 5 tasks of 100ms, 200ms, 150ms, 50ms and 100ms, "+
			"want 200ms (the longest): the tasks ran one after another; start one goroutine per task",
		"at most 1 of the 5 tasks ran at once, want all 5",
		"tasks[2], tasks[3] never ran; start every task in its own goroutine",
		"Gather returned at 40ms of fake time, and tasks[3] never ran; start every task in its own goroutine",
		"FAIL gather: 2/10 points")
}
