package daemon

import "time"

// ms keeps the checks' fake times readable.
const ms = time.Millisecond

// returnsWithin calls f in a goroutine of its own and waits at most
// limit (of fake time, inside a bubble) for it to return, so that a
// learner's function that never returns fails its part with a message
// instead of hanging the check. A panic in f is raised again in the
// caller, where the part reports it ("your code panicked: TODO …").
func returnsWithin[T any](limit time.Duration, f func() T) (v T, ok bool) {
	type result struct {
		v     T
		panic any
		ok    bool
	}
	out := make(chan result, 1) // buffered: a late f still returns
	go func() {
		r := result{}
		defer func() {
			if !r.ok {
				r.panic = recover()
			}
			out <- r
		}()
		r.v = f()
		r.ok = true
	}()
	select {
	case r := <-out:
		if !r.ok {
			panic(r.panic)
		}
		return r.v, true
	case <-time.After(limit):
		return v, false
	}
}

// closedWithin waits at most limit for done to be closed and says how
// long that took. A nil channel is never closed.
func closedWithin(done <-chan struct{}, limit time.Duration) (took time.Duration, ok bool) {
	start := time.Now()
	select {
	case <-done:
		return time.Since(start), true
	case <-time.After(limit):
		return time.Since(start), false
	}
}
