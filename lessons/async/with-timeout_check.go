package async

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// withTimeoutFunc is the learner's WithTimeout, instantiated for
// string results.
type withTimeoutFunc = func(ctx context.Context, d time.Duration, task func(context.Context) (string, error)) (string, error)

// CheckWithTimeout checks the with-timeout exercise, asyncio.wait_for
// in Go, but for one thing: withTimeout runs task with a context that
// is done after d (or when the caller's is), and returns what the task
// returned, value and error, if it comes in time. Otherwise it returns
// the zero value and the context's error as soon as the context is
// done, whether or not the task has stopped: where wait_for cancels
// the task and waits for the cancellation to finish, WithTimeout tells
// the task to stop and gives up on it. The task's goroutine must still
// be able to finish on its own later.
//
// Every part runs on synctest's fake clock, with injected tasks that
// sleep; some listen to their context, some never do.
func CheckWithTimeout(t *testing.T, withTimeout func(ctx context.Context, d time.Duration, task func(context.Context) (string, error)) (string, error)) {
	t.Helper()
	exercise.Check(t, "with-timeout",
		exercise.Part{Name: "returns the task's result when it finishes in time", Points: 2,
			Run: inTimeoutBubble(withTimeout, checkTimeoutInTime)},
		exercise.Part{Name: "gives up at the deadline with context.DeadlineExceeded", Points: 3,
			Run: inTimeoutBubble(withTimeout, checkTimeoutGivesUp)},
		exercise.Part{Name: "tells the task to stop at the deadline", Points: 3,
			Run: inTimeoutBubble(withTimeout, checkTimeoutTellsTask)},
		exercise.Part{Name: "stops waiting, and tells the task to stop, at once when the caller cancels", Points: 2,
			Run: inTimeoutBubble(withTimeout, checkTimeoutCallerCancel)},
	)
}

// The fixtures' times, each off the grid of any round period (100.5ms,
// not 100ms): code that looks every 10ms or every millisecond whether
// the task is done, instead of waiting for whichever comes first, is
// late at each of them, on every run, and never lucky at a tie.
const (
	timeout = 100*ms + 500*time.Microsecond // the d that WithTimeout is given
	inTime  = 50*ms + 500*time.Microsecond  // when a task in time returns
	early   = 30*ms + 500*time.Microsecond  // when a task fails, or the caller cancels
)

// taskTime is longer than any injected task works.
const taskTime = time.Second

// inTimeoutBubble runs check in a Bubble, then lets the fake clock run
// until every injected task has returned. WithTimeout may return before
// its task does (that is the point of a timeout), but the goroutine
// that ran the task must then finish by itself. The usual way it does
// not is a send that nobody receives any more, and that gets its own
// advice before Bubble reports the leak.
func inTimeoutBubble(withTimeout withTimeoutFunc, check func(*testing.T, withTimeoutFunc)) func(*testing.T) {
	return exercise.InBubble(withTimeout, func(t *testing.T, withTimeout withTimeoutFunc) {
		check(t, withTimeout)
		time.Sleep(2 * taskTime)
		var sends []string
		for _, g := range exercise.Blocked() {
			if strings.Contains(g, "waiting (chan send)") {
				sends = append(sends, g)
			}
		}
		if len(sends) > 0 {
			t.Errorf("once WithTimeout has given up, nobody receives the task's result any more, so the "+
				"goroutine that ran the task is stuck forever sending it (a leak, one per timeout): make its "+
				"channel buffered, make(chan result, 1), so that this last send never blocks:\n%s",
				strings.Join(sends, "\n"))
		}
	})
}

// checkTimeoutInTime runs tasks that end before the deadline: one
// with a result, one with an error.
func checkTimeoutInTime(t *testing.T, withTimeout withTimeoutFunc) {
	log := newTaskLog()
	start := time.Now()
	v, err := timedOut(t, withTimeout, context.Background(), timeout, listeningTask(log, 0, inTime, "Good", nil))
	took := time.Since(start)
	if v != "Good" || err != nil {
		t.Errorf("WithTimeout(ctx, 100.5ms, task) returned (%q, %v) for a task that returns \"Good\" at 50.5ms, "+
			"want (\"Good\", nil)", v, err)
	}
	switch {
	case took == timeout:
		t.Errorf("WithTimeout took 100.5ms of fake time, want 50.5ms: the task was done at 50.5ms; " +
			"return its result as soon as it arrives, not at the deadline")
	case took != inTime:
		t.Errorf("WithTimeout took %v of fake time, want 50.5ms, when the task was done", took)
	}
	if r := log.record(0); r.started && r.ctx.Err() == nil {
		t.Errorf("the context the task was given was still live after WithTimeout returned: make it with " +
			"context.WithTimeout(ctx, d) and defer its cancel(), which ends it, and its timer, when " +
			"WithTimeout returns")
	}

	// A task may return a value with its error (io.Reader's n with
	// io.EOF, the part of a page read before the connection broke):
	// WithTimeout returns both, as the task returned them.
	failed := errors.New("GET /say: connection reset")
	start = time.Now()
	v, err = timedOut(t, withTimeout, context.Background(), timeout, listeningTask(log, 1, early, "half a page", failed))
	took = time.Since(start)
	switch {
	case !errors.Is(err, failed):
		t.Errorf("WithTimeout returned the error %v for a task that fails at 30.5ms, want the task's own "+
			"error %q: it failed before the deadline", err, failed)
	case v != "half a page":
		t.Errorf("WithTimeout returned (%q, %q) for a task that returned (\"half a page\", %q) at 30.5ms: "+
			"return what the task returned, its value as well as its error", v, err, failed)
	}
	if took != early {
		t.Errorf("WithTimeout took %v of fake time for a task that fails at 30.5ms, want 30.5ms", took)
	}
}

// checkTimeoutGivesUp runs a task that never looks at its context and
// works for a second: WithTimeout must not wait for it.
func checkTimeoutGivesUp(t *testing.T, withTimeout withTimeoutFunc) {
	log := newTaskLog()
	start := time.Now()
	v, err := timedOut(t, withTimeout, context.Background(), timeout, deafTask(log, 0, taskTime, "too late"))
	took := time.Since(start)
	switch {
	case took >= taskTime:
		t.Errorf("WithTimeout(ctx, 100.5ms, task) took %v of fake time, want 100.5ms: it waited for a task that "+
			"never looks at its context (asyncio.wait_for waits like that for the task it cancelled; "+
			"WithTimeout must not); run the task in its own goroutine, select on its result and "+
			"ctx.Done(), whichever comes first, and once ctx.Done() wins return at once", took)
	case took != timeout:
		t.Errorf("WithTimeout(ctx, 100.5ms, task) took %v of fake time, want 100.5ms, the deadline", took)
	}
	switch {
	case err == nil:
		t.Errorf("WithTimeout returned (%q, nil), want the error context.DeadlineExceeded: "+
			"the task was not done by the deadline", v)
	case !errors.Is(err, context.DeadlineExceeded):
		t.Errorf("WithTimeout returned the error %q, want context.DeadlineExceeded: "+
			"return ctx.Err() once ctx.Done() is closed", err)
	case v != "":
		t.Errorf("WithTimeout returned %q with its error, want the zero value \"\": "+
			"a result that comes too late is no result", v)
	}
}

// checkTimeoutTellsTask runs a task that listens to its context, and
// looks at the context it was given.
func checkTimeoutTellsTask(t *testing.T, withTimeout withTimeoutFunc) {
	log := newTaskLog()
	var (
		mu          sync.Mutex
		deadline    time.Time
		hasDeadline bool
	)
	listen := listeningTask(log, 0, taskTime, "too late", nil)
	start := time.Now()
	_, err := timedOut(t, withTimeout, context.Background(), timeout, func(ctx context.Context) (string, error) {
		mu.Lock()
		deadline, hasDeadline = ctx.Deadline()
		mu.Unlock()
		return listen(ctx)
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WithTimeout returned %v, want context.DeadlineExceeded", err)
	}
	time.Sleep(taskTime) // the task has ended now, one way or the other
	r := log.record(0)
	mu.Lock()
	defer mu.Unlock()
	switch {
	case !r.started:
		t.Errorf("the task never ran")
	case r.stoppedBy == nil:
		t.Errorf("the task's context was still live at the deadline, so the task worked on until %v: "+
			"give the task the context that context.WithTimeout(ctx, d) returns, so that it is told to stop",
			r.endedAt)
	case !hasDeadline:
		t.Errorf("the task's context was cancelled (%v), but it had no deadline: make it with "+
			"context.WithTimeout(ctx, d), so that the task knows its deadline and can pass it on "+
			"(to an HTTP request, say)", r.stoppedBy)
	case deadline.Sub(start) != timeout:
		t.Errorf("the task's context had its deadline %v after the start, want 100.5ms", deadline.Sub(start))
	case r.endedAt != timeout:
		t.Errorf("the task was told to stop at %v of fake time, want 100.5ms, the deadline", r.endedAt)
	case !errors.Is(r.stoppedBy, context.DeadlineExceeded):
		t.Errorf("the task saw its context end with %v, want context.DeadlineExceeded", r.stoppedBy)
	}
}

// checkTimeoutCallerCancel cancels the caller's context at 30.5ms,
// before the 100.5ms deadline, first while the task never looks at its
// context, then while it listens: it must be told to stop at 30.5ms too.
func checkTimeoutCallerCancel(t *testing.T, withTimeout withTimeoutFunc) {
	log := newTaskLog()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := time.AfterFunc(early, cancel)
	defer stop.Stop()
	start := time.Now()
	_, err := timedOut(t, withTimeout, ctx, timeout, deafTask(log, 0, taskTime, "too late"))
	took := time.Since(start)
	switch {
	case took >= taskTime:
		t.Errorf("WithTimeout took %v of fake time, want 30.5ms: it waited for a task that never looks at its "+
			"context; select on the task's result and ctx.Done(), whichever comes first, and once ctx.Done() "+
			"wins return at once", took)
	case took == timeout:
		t.Errorf("WithTimeout took 100.5ms of fake time, want 30.5ms: the caller cancelled ctx at 30.5ms, but " +
			"WithTimeout waited for its own deadline; make the deadline with context.WithTimeout(ctx, d) " +
			"and select on its Done(), which is closed at the deadline or when the caller cancels, " +
			"whichever comes first")
	case took != early:
		t.Errorf("WithTimeout took %v of fake time, want 30.5ms, when the caller cancelled", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("WithTimeout returned %v, want context.Canceled: the caller cancelled before the deadline", err)
	}

	log = newTaskLog()
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	stop = time.AfterFunc(early, cancel)
	defer stop.Stop()
	_, err = timedOut(t, withTimeout, ctx, timeout, listeningTask(log, 0, taskTime, "too late", nil))
	time.Sleep(taskTime) // the task has ended now, one way or the other
	switch r := log.record(0); {
	case !r.started:
		t.Errorf("the task never ran")
	case r.stoppedBy == nil:
		t.Errorf("the caller cancelled ctx at 30.5ms, but the task's context stayed live, so the task worked on "+
			"until %v: make the task's context from the ctx WithTimeout was given, context.WithTimeout(ctx, d), "+
			"so that it ends when the caller's does", r.endedAt)
	case r.endedAt != early || !errors.Is(r.stoppedBy, context.Canceled):
		t.Errorf("the task saw its context end at %v with %v, want at 30.5ms with context.Canceled, when the "+
			"caller cancelled: make the task's context from the ctx WithTimeout was given, "+
			"context.WithTimeout(ctx, d)", r.endedAt, r.stoppedBy)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("WithTimeout returned %v for a task that listens, want context.Canceled: the caller cancelled "+
			"before the deadline", err)
	}
}

// timedOut calls the learner's withTimeout with exercise.Returns: a
// panic in it names the function it happened in, and a WithTimeout
// that never returns fails the part after exercise.StuckAfter of fake
// time.
func timedOut(t *testing.T, withTimeout withTimeoutFunc, ctx context.Context, d time.Duration, task task) (string, error) {
	t.Helper()
	type returned struct {
		v   string
		err error
	}
	r, ok := exercise.Returns(func() returned {
		v, err := withTimeout(ctx, d, task)
		return returned{v, err}
	})
	if !ok {
		t.Fatalf("WithTimeout(ctx, %v, task) had not returned after %v of fake time, long after its deadline: "+
			"it is stuck, and so are these goroutines:\n%s", d, exercise.StuckAfter, strings.Join(exercise.Blocked(), "\n"))
	}
	return r.v, r.err
}
