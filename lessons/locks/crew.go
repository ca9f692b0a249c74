package locks

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// stuckAfter is how long a check waits, on the fake clock, for the
// learner's code to return. Correct code needs at most a second of fake
// time; code that can never return (a deadlock) makes the clock jump
// straight to stuckAfter, because nothing else in the bubble can move.
const stuckAfter = time.Minute

// errExited marks a goroutine that ended with runtime.Goexit: an
// Account's Lock does that to goroutines still waiting after a
// deadlock was reported.
var errExited = errors.New("ended by runtime.Goexit")

// crew runs calls into the learner's code in goroutines of a check's
// bubble and waits for them on the fake clock. A panic in one of them
// becomes a failed part, not a crashed test binary, and a call that
// never returns is reported after stuckAfter instead of hanging the
// check.
type crew struct {
	started, ended int
	done           chan any // per goroutine: nil, errExited, or its panic
	panicked       any      // the first panic
}

// newCrew makes a crew for at most n goroutines.
func newCrew(n int) *crew { return &crew{done: make(chan any, n)} }

// Go runs f in a new goroutine of the crew.
func (c *crew) Go(f func()) {
	if c.started == cap(c.done) {
		panic("locks: crew is full, a bug in the check")
	}
	c.started++
	go func() {
		returned := false
		defer func() {
			switch r := recover(); {
			case r != nil:
				c.done <- r
			case !returned:
				c.done <- errExited
			default:
				c.done <- nil
			}
		}()
		f()
		returned = true
	}()
}

// Wait waits until every goroutine has ended, or for stuckAfter of
// fake time. It reports whether they all ended.
func (c *crew) Wait() bool {
	timeout := time.After(stuckAfter)
	for c.ended < c.started {
		select {
		case r := <-c.done:
			c.ended++
			if r != nil && r != errExited && c.panicked == nil {
				c.panicked = r
			}
		case <-timeout:
			return false
		}
	}
	return true
}

// Running is how many goroutines have not ended.
func (c *crew) Running() int { return c.started - c.ended }

// Panicked fails t if one of the goroutines panicked, with the
// message a panic in the learner's code gets everywhere in the course,
// and reports whether one did.
func (c *crew) Panicked(t *testing.T) bool {
	t.Helper()
	if c.panicked != nil {
		t.Errorf("your code panicked: %v", c.panicked)
	}
	return c.panicked != nil
}

// call runs f in a crew of its own and waits for it: for calls that
// could block forever, such as a lock. It fails t and returns false
// if f panicked or did not return; what describes the call.
func call(t *testing.T, what string, f func()) bool {
	t.Helper()
	c := newCrew(1)
	c.Go(f)
	if !c.Wait() {
		t.Errorf("%s had not returned after %v of fake time: it waits for something that never happens (a deadlock)",
			what, stuckAfter)
		return false
	}
	return !c.Panicked(t)
}

// plural is "1 goroutine", "2 goroutines".
func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
