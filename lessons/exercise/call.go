package exercise

import (
	"fmt"
	"runtime"
	"strings"
	"testing/synctest"
	"time"
)

// StuckAfter is how long, on the fake clock, a check waits for the
// learner's code to return. Correct code needs at most seconds of fake
// time; code that can never return (a deadlock, a lost wake-up) makes
// the clock jump straight here, because nothing else in the bubble can
// move. Fake time is free, so the wait costs nothing.
const StuckAfter = time.Minute

// RealStuckAfter is StuckAfter for the parts that run on the real
// clock (real files, a real server on this machine): far more than
// correct code needs there, even on a busy machine, and far less than
// the time limit of the whole check, so that code that never returns
// fails its part and the check still ends with its score.
const RealStuckAfter = 5 * time.Second

// Call is a call into the learner's code running in a goroutine of its
// own, so that a check can see whether it is still blocked, and when it
// returned, instead of blocking with it. Start one with [Go].
type Call struct {
	done     chan struct{}
	returned bool
	at       time.Time
	panic    *Panic
}

// Panic is a panic in the learner's code, carried from the goroutine
// it happened in to the check's, with the function that panicked (a
// recover far from it cannot tell).
type Panic struct {
	Value any
	Site  string // "(*TaskQueue[...]).Get", or "" when unknown
}

func (p *Panic) String() string {
	if p.Site == "" {
		return fmt.Sprint(p.Value)
	}
	return fmt.Sprintf("%v (in %s)", p.Value, p.Site)
}

// Go runs f in a new goroutine and returns at once.
func Go(f func()) *Call {
	c := &Call{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		defer func() {
			if !c.returned {
				// A nil recover here is runtime.Goexit, not a panic.
				if r := recover(); r != nil {
					c.panic = &Panic{Value: r, Site: panicSite()}
					notePanic(c.panic)
				}
			}
		}()
		f()
		c.returned, c.at = true, time.Now()
	}()
	return c
}

// Done is closed when the call has ended: returned, panicked or exited.
func (c *Call) Done() <-chan struct{} { return c.done }

// Returned reports whether the call has returned by now. It first lets
// every goroutine of the bubble run until it blocks, so "not yet"
// means blocked, not merely slow to be scheduled; call it inside a
// [Bubble]. A panic in the call is raised again here (see [Call.Wait]).
func (c *Call) Returned() bool {
	synctest.Wait()
	select {
	case <-c.done:
		c.raise()
		return c.returned
	default:
		return false
	}
}

// Wait waits up to [StuckAfter] of fake time for the call to end and
// reports whether it returned. A panic in the call is raised again
// here, in the check's goroutine, so that the part fails with "your
// code panicked: … (in Func)" as if the check had called it directly.
func (c *Call) Wait() bool { return c.waitUntil(time.After(StuckAfter)) }

// WaitReal is [Call.Wait] on the real clock, for [RealStuckAfter].
func (c *Call) WaitReal() bool {
	timer := time.NewTimer(RealStuckAfter)
	defer timer.Stop()
	return c.waitUntil(timer.C)
}

// waitUntil waits for the call to end or for limit to fire.
func (c *Call) waitUntil(limit <-chan time.Time) bool {
	select {
	case <-c.done:
		c.raise()
		return c.returned
	case <-limit:
		return false
	}
}

// At is when the call returned; the zero time while it has not.
func (c *Call) At() time.Time {
	select {
	case <-c.done:
		return c.at
	default:
		return time.Time{}
	}
}

// Panicked is the call's panic, or nil. Unlike Wait it does not raise
// it, for checks that report it themselves.
func (c *Call) Panicked() *Panic {
	select {
	case <-c.done:
		return c.panic
	default:
		return nil
	}
}

func (c *Call) raise() {
	if c.panic != nil {
		panic(c.panic)
	}
}

// Returns calls f in a goroutine of its own and waits up to
// [StuckAfter] of fake time for its result; ok is false when it did not
// come. A panic in f is raised again in the caller, as [Call.Wait] does.
func Returns[T any](f func() T) (v T, ok bool) {
	c := Go(func() { v = f() })
	if !c.Wait() {
		var zero T
		return zero, false
	}
	return v, true
}

// panicSite names the first function below runtime.gopanic on the
// stack that is not the runtime's own: the one that panicked. Call it
// from the deferred function that recovers.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	below := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			below = true
		case below && !strings.HasPrefix(f.Function, "runtime."):
			return shortFunc(f.Function)
		}
		if !more {
			return ""
		}
	}
}

// shortFunc drops the package path from a function's full name:
// "main.(*TaskQueue[...]).Get" becomes "(*TaskQueue[...]).Get".
func shortFunc(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if _, rest, ok := strings.Cut(name, "."); ok {
		return rest
	}
	return name
}
