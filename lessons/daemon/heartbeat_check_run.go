package daemon

import (
	"context"
	"testing"
	"time"
)

// heartbeatFunc is the learner's Heartbeat in the heartbeat exercise.
type heartbeatFunc = func(ctx context.Context, interval time.Duration, beat func()) <-chan struct{}

// How long the heartbeat checks wait, in fake time, before they call a
// learner's function stuck. Fake time is free, so these are generous.
const (
	callLimit = 10 * time.Second
	stopLimit = 10 * time.Second
)

// heartbeatRun is one call of the learner's Heartbeat, watched on the
// fake clock: when it returned, when done was closed, and every beat.
type heartbeatRun struct {
	*beats
	cancelAt   time.Duration // when the context was cancelled; 0: before the call
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &heartbeatRun{beats: newBeats(work), cancelAt: cancelAt}
	if cancelAt == 0 {
		cancel()
	} else {
		time.AfterFunc(cancelAt, cancel)
	}
	done, ok := returnsWithin(callLimit, func() <-chan struct{} {
		return heartbeat(ctx, interval, beater{r.beats}.beat)
	})
	r.returnedAt = r.now()
	if !ok {
		t.Errorf("Heartbeat had not returned %v after it was called, although its context was cancelled at %v: "+
			"run the beating loop in a goroutine (go func() { … }()) and return done at once", callLimit, cancelAt)
		return r, false
	}
	if done == nil {
		t.Errorf("Heartbeat returned a nil channel: make done := make(chan struct{}), " +
			"close it when the goroutine stops, and return it")
		return r, false
	}
	if _, ok := closedWithin(done, max(cancelAt-r.returnedAt, 0)+stopLimit); !ok {
		t.Errorf("done was still open %v after the context was cancelled at %v: when ctx.Done() is closed, "+
			"return from the goroutine and close done on the way out (defer close(done))", stopLimit, cancelAt)
		return r, false
	}
	r.closedAt = r.now()
	r.busyAtDone, _ = r.busy()
	// Fake time is free: we watch three more intervals, so that a beat
	// after done is caught, and a goroutine that goes on beating fails
	// this part of the check rather than only the leak check.
	time.Sleep(3 * interval)
	return r, true
}
