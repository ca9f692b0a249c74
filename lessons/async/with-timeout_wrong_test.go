package async

import (
	"context"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// Wrong WithTimeouts, the subtle ones first. Each has a TestBad… test
// that fails on purpose (it runs only in a child process), and a test
// that reads what the learner would read, on every one of wrongRuns
// runs.

// timeoutResult is what the task's goroutine hands over.
type timeoutResult struct {
	v   string
	err error
}

// waitingWithTimeout is asyncio.wait_for's way: at the deadline it
// cancels the task and then waits for it to finish, so a task that
// does not listen holds the caller up.
func waitingWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	done := make(chan timeoutResult, 1)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		cancel()
		<-done
		return "", ctx.Err()
	}
}

// valueDroppingWithTimeout is right but drops the value that the task
// returned with its error.
func valueDroppingWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	done := make(chan timeoutResult, 1)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", r.err
		}
		return r.v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// sharedVarsWithTimeout hands the result over in two variables and a
// closed channel, which is fine, but at the deadline it returns v
// while the task's goroutine may still write it: a data race.
func sharedVarsWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		v   string
		err error
	)
	done := make(chan struct{})
	go func() {
		v, err = task(ctx)
		close(done)
	}()
	select {
	case <-done:
		return v, err
	case <-ctx.Done():
		return v, ctx.Err()
	}
}

// backgroundWithTimeout makes its deadline from context.Background(),
// so the caller's cancel goes unheard.
func backgroundWithTimeout(_ context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	done := make(chan timeoutResult, 1)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// pollingWithTimeout looks every 10ms whether the task is done or the
// deadline has passed, instead of waiting for whichever comes first.
// On round fixture times it would tie, and pass on some runs.
func pollingWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	done := make(chan timeoutResult, 1)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
	}()
	for {
		time.Sleep(10 * time.Millisecond)
		select {
		case r := <-done:
			return r.v, r.err
		default:
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
	}
}

// unbufferedWithTimeout is right but for its channel: after a timeout
// the goroutine waits forever to hand over its result.
func unbufferedWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	done := make(chan timeoutResult)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
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
	done := make(chan timeoutResult, 1)
	go func() {
		v, err := task(ctx)
		done <- timeoutResult{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(d):
		return "", context.DeadlineExceeded
	}
}

// directWithTimeout gives the task a deadline and trusts it to keep it.
func directWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return task(ctx)
}

func TestBadWaitingWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, waitingWithTimeout)
}
func TestBadValueDroppingWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, valueDroppingWithTimeout)
}
func TestBadSharedVarsWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, sharedVarsWithTimeout)
}
func TestBadBackgroundWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, backgroundWithTimeout)
}
func TestBadPollingWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, pollingWithTimeout)
}
func TestBadUnbufferedWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, unbufferedWithTimeout)
}
func TestBadTimerWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, timerWithTimeout)
}
func TestBadDirectWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, directWithTimeout)
}

const (
	timeoutGivesUp   = "gives up at the deadline with context.DeadlineExceeded"
	timeoutTellsTask = "tells the task to stop at the deadline"
)

func TestAWithTimeoutThatWaitsLikeWaitForIsToldToGiveUp(t *testing.T) {
	failsEveryRun(t, "TestBadWaitingWithTimeout",
		"--- FAIL: "+exercise.Subtest("TestBadWaitingWithTimeout", timeoutGivesUp),
		"WithTimeout(ctx, 100.5ms, task) took 1s of fake time, want 100.5ms: it waited for a task that never looks at "+
			"its context (asyncio.wait_for waits like that for the task it cancelled; WithTimeout must not); run "+
			"the task in its own goroutine, select on its result and ctx.Done(), whichever comes first, and once "+
			"ctx.Done() wins return at once",
		"WithTimeout took 1s of fake time, want 30.5ms: it waited for a task that never looks at its context; select "+
			"on the task's result and ctx.Done(), whichever comes first, and once ctx.Done() wins return at once",
		"--- PASS: "+exercise.Subtest("TestBadWaitingWithTimeout", timeoutTellsTask),
		"FAIL with-timeout: 5/10 points")
}

func TestAWithTimeoutThatDropsTheValueIsToldToReturnBoth(t *testing.T) {
	failsEveryRun(t, "TestBadValueDroppingWithTimeout",
		`WithTimeout returned ("", "GET /say: connection reset") for a task that returned ("half a page", `+
			`"GET /say: connection reset") at 30.5ms: return what the task returned, its value as well as its error`,
		"FAIL with-timeout: 8/10 points")
}

func TestAWithTimeoutThatReadsTheTasksVariablesAtTheDeadlineScoresZero(t *testing.T) {
	failsEveryRun(t, "TestBadSharedVarsWithTimeout",
		"WARNING: DATA RACE",
		"lessons/async.sharedVarsWithTimeout.func1()",
		"--- FAIL: "+exercise.Subtest("TestBadSharedVarsWithTimeout", exercise.NoRaceClaim),
		raceScore("with-timeout"))
}

func TestAWithTimeoutOnTheBackgroundContextIsToldToUseTheCallers(t *testing.T) {
	failsEveryRun(t, "TestBadBackgroundWithTimeout",
		"WithTimeout took 100.5ms of fake time, want 30.5ms: the caller cancelled ctx at 30.5ms, but WithTimeout waited "+
			"for its own deadline; make the deadline with context.WithTimeout(ctx, d)",
		"the task saw its context end at 100.5ms with context deadline exceeded, want at 30.5ms with context.Canceled, "+
			"when the caller cancelled: make the task's context from the ctx WithTimeout was given, "+
			"context.WithTimeout(ctx, d)",
		"FAIL with-timeout: 8/10 points")
}

func TestAPollingWithTimeoutIsToldItIsLate(t *testing.T) {
	failsEveryRun(t, "TestBadPollingWithTimeout",
		"WithTimeout took 60ms of fake time, want 50.5ms, when the task was done",
		"WithTimeout took 40ms of fake time for a task that fails at 30.5ms, want 30.5ms",
		"WithTimeout(ctx, 100.5ms, task) took 110ms of fake time, want 100.5ms, the deadline",
		"WithTimeout took 40ms of fake time, want 30.5ms, when the caller cancelled",
		"FAIL with-timeout: 3/10 points")
}

func TestAnUnbufferedWithTimeoutIsToldWhyItsGoroutineIsStuck(t *testing.T) {
	failsEveryRun(t, "TestBadUnbufferedWithTimeout",
		"nobody receives the task's result any more, so the goroutine that ran the task is "+
			"stuck forever sending it (a leak, one per timeout): make its channel buffered, make(chan result, 1)",
		"waiting (chan send) in unbufferedWithTimeout.func1 (with-timeout_wrong_test.go:",
		"FAIL with-timeout: 2/10 points")
}

func TestAWithTimeoutOnATimerIsToldToTellTheTask(t *testing.T) {
	failsEveryRun(t, "TestBadTimerWithTimeout",
		"the task's context was still live at the deadline, so the task worked on until 1s: "+
			"give the task the context that context.WithTimeout(ctx, d) returns",
		"WithTimeout took 100.5ms of fake time, want 30.5ms: the caller cancelled ctx at 30.5ms, "+
			"but WithTimeout waited for its own deadline",
		"the context the task was given was still live after WithTimeout returned",
		"FAIL with-timeout: 3/10 points")
}

func TestAWithTimeoutThatWaitsForItsTaskIsToldToSelect(t *testing.T) {
	failsEveryRun(t, "TestBadDirectWithTimeout",
		`WithTimeout returned ("too late", nil), want the error context.DeadlineExceeded`,
		"--- PASS: "+exercise.Subtest("TestBadDirectWithTimeout", timeoutTellsTask),
		"FAIL with-timeout: 5/10 points")
}
