package queues

import (
	"testing/synctest"
	"time"
)

// waitForBlocked lets every other goroutine of the bubble run until it
// is blocked: after it, a goroutine that has not returned is waiting.
func waitForBlocked() { synctest.Wait() }

// recv receives one value from ch, waiting up to stuck. ok is
// false when ch was closed, timedOut true when nothing came.
func recv[T any](ch <-chan T) (v T, ok, timedOut bool) {
	select {
	case v, ok = <-ch:
		return v, ok, false
	case <-time.After(stuck):
		return v, false, true
	}
}

// closedNow reports whether ch is closed, without waiting for anyone,
// and without freeing a stage that is still blocked on a send (which
// would let a stage that missed the cancel close late, and pass). The
// values in ch's buffer were sent before, and are taken; a value that
// comes after them, or on an unbuffered ch, is from a stage still
// sending: not closed.
func closedNow[T any](ch <-chan T) bool {
	waitForBlocked()
	if n := len(ch); n > 0 {
		for range n {
			<-ch
		}
		if len(ch) > 0 { // a sender was waiting for room in the buffer
			return false
		}
		waitForBlocked()
	}
	select {
	case _, ok := <-ch:
		return !ok && len(ch) == 0
	default:
		return false
	}
}
