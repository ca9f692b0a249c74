package daemon

import (
	"context"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// runWorkersFunc is the learner's RunWorkers in the graceful-shutdown
// exercise.
type runWorkersFunc = func(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string

// settle is how long the graceful-shutdown checks let fake time run on
// after RunWorkers returns, longer than any task they hand out, so that
// the workers it reported late finish their task and stop before the
// part ends.
const settle = 2 * time.Second

// shutdownRun is one call of the learner's RunWorkers, watched on the
// fake clock.
type shutdownRun struct {
	*taskLog
	cancelAt, grace time.Duration
	returnedAt      time.Duration
	late            []string  // what RunWorkers returned
	runningAtReturn []taskRun // the tasks still running when it returned
}

// runShutdown calls runWorkers with the given workers and tasks, each
// task taking cost, cancels its context at cancelAt, and waits for
// RunWorkers to return. Then it lets fake time run on, so that workers
// still busy can finish before the part ends, and cancels the context
// if it was not yet. When RunWorkers does not return, it says so on t
// and returns false.
func runShutdown(t *testing.T, runWorkers runWorkersFunc, workers []string, tasks <-chan string,
	cost func(worker, task string) time.Duration, cancelAt, grace time.Duration) (*shutdownRun, bool) {
	t.Helper()
	return runShutdownWith(t, runWorkers, workers, tasks, cost, cancelAt, grace, cancelAlways)
}

// cancelPlan says whether runShutdownWith cancels the context at
// cancelAt when RunWorkers has returned before.
type cancelPlan bool

const (
	cancelAlways    cancelPlan = false // at cancelAt, and at the latest when runShutdown returns
	cancelIfRunning cancelPlan = true  // at cancelAt if RunWorkers is still running; else never
)

// runShutdownWith is runShutdown with a cancelPlan. With
// cancelIfRunning, a RunWorkers that returned before cancelAt leaves
// its context never cancelled, to the end of the part: the tasks ran
// out, and in a real program a cancel may never come, so a goroutine
// still waiting for it is left behind for good, and the bubble names
// it as a leak.
func runShutdownWith(t *testing.T, runWorkers runWorkersFunc, workers []string, tasks <-chan string,
	cost func(worker, task string) time.Duration, cancelAt, grace time.Duration, plan cancelPlan) (*shutdownRun, bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	timer := time.AfterFunc(cancelAt, cancel)
	if plan == cancelAlways {
		defer cancel()
	}
	r := &shutdownRun{taskLog: newTaskLog(cost), cancelAt: cancelAt, grace: grace}
	late, ok := exercise.Returns(func() []string {
		return runWorkers(ctx, workers, tasks, worker{r.taskLog}.work, grace)
	})
	if plan == cancelIfRunning {
		timer.Stop() // no cancel after this, if it was not already
	}
	r.returnedAt = r.since()
	r.runningAtReturn = r.running()
	if !ok {
		t.Errorf("RunWorkers had not returned %v after it was called, although its context was cancelled at %v "+
			"with a grace period of %v: after the cancel, wait for the workers only until the grace deadline, then return",
			exercise.StuckAfter, cancelAt, grace)
		return r, false
	}
	r.late = late
	time.Sleep(settle)
	return r, true
}
