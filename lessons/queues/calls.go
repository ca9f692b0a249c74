package queues

import (
	"fmt"
	"testing"
	"time"
)

// patience is how long, in fake time, a check waits for a call that
// should return. Fake time is free, so it is long: a call still
// blocked after it is blocked for good, and the message says why.
const patience = time.Second

// call is a piece of the learner's code running in a goroutine of its
// own, so that a check can see whether it is still blocked and when
// it returned, on the fake clock. A check that called a blocking
// method directly would block with it.
type call struct {
	done     chan struct{}
	at       time.Duration // when it returned, since origin; read after done
	panicked bool
}

// callAsync runs f in a new goroutine. A panic in f fails t with the same
// words [exercise.Check] uses, and where, instead of ending the test
// binary.
func callAsync(t *testing.T, origin time.Time, f func()) *call {
	c := &call{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		defer func() {
			if r := recover(); r != nil {
				c.panicked = true
				t.Errorf("%s", panicMessage(r))
			}
		}()
		f()
		c.at = time.Since(origin)
	}()
	return c
}

// returned reports whether the call has returned by now without
// panicking: it first lets every goroutine of the bubble run until it
// blocks, so "not yet" means blocked, not merely slow to be scheduled.
// A call that panicked has already been reported by callAsync.
func (c *call) returned() bool {
	waitForBlocked()
	select {
	case <-c.done:
		return !c.panicked
	default:
		return false
	}
}

// wait waits up to patience for the call to return, and reports
// whether it returned without panicking. When it does not return, t
// fails with the message why, formatted with args; when it panicked,
// callAsync has already said so.
func (c *call) wait(t *testing.T, why string, args ...any) bool {
	t.Helper()
	select {
	case <-c.done:
		return !c.panicked
	case <-time.After(patience):
		t.Errorf("%s", fmt.Sprintf(why, args...))
		return false
	}
}

// returns runs f in a goroutine and waits up to patience for its
// result, failing t with why when it does not come.
func returns[R any](t *testing.T, f func() R, why string, args ...any) (R, bool) {
	t.Helper()
	var r R
	c := callAsync(t, time.Now(), func() { r = f() })
	ok := c.wait(t, why, args...)
	return r, ok
}
