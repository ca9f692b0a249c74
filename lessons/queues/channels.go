package queues

import (
	"testing/synctest"
	"time"
)

// waitForBlocked lets every other goroutine of the bubble run until it
// is blocked: after it, a goroutine that has not returned is waiting.
func waitForBlocked() { synctest.Wait() }

// recv receives one value from ch, waiting up to patience. ok is
// false when ch was closed, timedOut true when nothing came.
func recv[T any](ch <-chan T) (v T, ok, timedOut bool) {
	select {
	case v, ok = <-ch:
		return v, ok, false
	case <-time.After(patience):
		return v, false, true
	}
}

// closedNow reports whether ch is closed, taking whatever values are
// still buffered in it, without waiting for anyone: a stage that is
// still blocked on a send, or still running, has not closed it.
func closedNow[T any](ch <-chan T) (closed bool, buffered int) {
	waitForBlocked()
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return true, buffered
			}
			buffered++
			if buffered > 1000 {
				return false, buffered
			}
		default:
			return false, buffered
		}
	}
}
