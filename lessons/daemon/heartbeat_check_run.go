package daemon

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// heartbeatFunc is the learner's Heartbeat in the heartbeat exercise.
type heartbeatFunc = func(ctx context.Context, interval time.Duration, beat func()) <-chan struct{}

// heartbeatRun is one call of the learner's Heartbeat, watched on the
// fake clock: when it returned, when done was closed, and every beat.
type heartbeatRun struct {
	*beats
	cancelAt   time.Duration // when the context was cancelled; 0: before the call
	call       *exercise.Call
	done       <-chan struct{} // what Heartbeat returned
	returnedAt time.Duration
	closedAt   time.Duration
	busyAtDone bool // a beat was running when done was closed
}

// runHeartbeat calls heartbeat with the given interval and a beat that
// takes work, cancels its context at cancelAt (at once if cancelAt is
// 0, before the call), and waits for done to be closed. When Heartbeat
// does not return, returns nil or never closes done, it says so on t
// and returns false: the part has failed and cannot go on.
func runHeartbeat(t *testing.T, heartbeat heartbeatFunc, interval, work, cancelAt time.Duration) (*heartbeatRun, bool) {
	t.Helper()
	runs, ok := runHeartbeats(t, heartbeat, 1, interval, work, cancelAt)
	return runs[0], ok
}

// runHeartbeats is runHeartbeat for n heartbeats at once, each with a
// context of its own, all cancelled at cancelAt: a mistake that shows
// on half the runs, such as trusting select to prefer ctx.Done(), shows
// in about half of them, and in none only once in 2^n.
func runHeartbeats(t *testing.T, heartbeat heartbeatFunc, n int, interval, work, cancelAt time.Duration) ([]*heartbeatRun, bool) {
	t.Helper()
	runs := make([]*heartbeatRun, n)
	for i := range runs {
		runs[i] = startHeartbeat(heartbeat, interval, work, cancelAt)
	}
	for _, r := range runs {
		if !r.call.Wait() {
			t.Errorf("Heartbeat had not returned %v after it was called, although its context was cancelled at %v: "+
				"run the beating loop in a goroutine (go func() { … }()) and return done at once", exercise.StuckAfter, cancelAt)
			return runs, false
		}
		r.returnedAt = r.call.At().Sub(r.origin)
		if r.done == nil {
			t.Errorf("Heartbeat returned a nil channel: make done := make(chan struct{}), " +
				"close it when the goroutine stops, and return it")
			return runs, false
		}
	}
	// One watcher per run, so that each notes the moment its own done
	// is closed. A watcher gives up after StuckAfter, so that a done
	// never closed fails the part without leaving a goroutine of ours.
	var watchers sync.WaitGroup
	closed := make([]bool, n)
	for i, r := range runs {
		watchers.Go(func() {
			select {
			case <-r.done:
				closed[i] = true
				r.closedAt, r.busyAtDone = r.now(), r.inFlight.Now() > 0
			case <-time.After(exercise.StuckAfter):
			}
		})
	}
	watchers.Wait()
	for i := range runs {
		if !closed[i] {
			t.Errorf("done was still open %v after the context was cancelled at %v: when ctx.Done() is closed, "+
				"return from the goroutine and close done on the way out (defer close(done))", exercise.StuckAfter, cancelAt)
			return runs, false
		}
	}
	// Fake time is free: we watch three more intervals, so that a beat
	// after done is caught, and a goroutine that goes on beating fails
	// this part of the check rather than only the leak check.
	time.Sleep(3 * interval)
	return runs, true
}

// startHeartbeat calls heartbeat in a goroutine of its own, with a
// context that is cancelled at cancelAt (before the call if 0).
func startHeartbeat(heartbeat heartbeatFunc, interval, work, cancelAt time.Duration) *heartbeatRun {
	ctx, cancel := context.WithCancel(context.Background())
	r := &heartbeatRun{beats: newBeats(work), cancelAt: cancelAt}
	if cancelAt == 0 {
		cancel()
	} else {
		time.AfterFunc(cancelAt, cancel)
	}
	r.call = exercise.Go(func() { r.done = heartbeat(ctx, interval, beater{r.beats}.beat) })
	return r
}

// cancelled says when the context was cancelled, for a message.
func (r *heartbeatRun) cancelled() string {
	if r.cancelAt == 0 {
		return "cancelled before the call"
	}
	return fmt.Sprintf("cancelled at %v", r.cancelAt)
}
