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
// still busy can finish before the part ends. When RunWorkers does not
// return, it says so on t and returns false.
func runShutdown(t *testing.T, runWorkers runWorkersFunc, workers []string, tasks <-chan string,
	cost func(worker, task string) time.Duration, cancelAt, grace time.Duration) (*shutdownRun, bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(cancelAt, cancel)
	r := &shutdownRun{taskLog: newTaskLog(cost), cancelAt: cancelAt, grace: grace}
	late, ok := exercise.Returns(func() []string {
		return runWorkers(ctx, workers, tasks, worker{r.taskLog}.work, grace)
	})
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
