package locks

import (
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// crew is the goroutines of a check that call the learner's code at
// once, each an [exercise.Call], waited for together: one
// [exercise.StuckAfter] of fake time for all of them, not one each.
// A goroutine may end without returning, by runtime.Goexit: an
// Account's Lock does that to goroutines still waiting after a
// deadlock was reported, and the crew counts it as ended.
type crew struct{ calls []*exercise.Call }

// Go runs f in a new goroutine of the crew.
func (c *crew) Go(f func()) { c.calls = append(c.calls, exercise.Go(f)) }

// Wait waits until every goroutine has ended, or for
// exercise.StuckAfter of fake time. It reports whether they all ended.
func (c *crew) Wait() bool {
	timeout := time.After(exercise.StuckAfter)
	for _, call := range c.calls {
		select {
		case <-call.Done():
		case <-timeout:
			return false
		}
	}
	return true
}

// Running is how many goroutines have not ended.
func (c *crew) Running() int {
	n := 0
	for _, call := range c.calls {
		select {
		case <-call.Done():
		default:
			n++
		}
	}
	return n
}

// Panicked is the first panic of the crew's goroutines, or nil.
func (c *crew) Panicked() *exercise.Panic {
	for _, call := range c.calls {
		if p := call.Panicked(); p != nil {
			return p
		}
	}
	return nil
}

// finished waits for a crew calling the learner's code (calls says
// what they call) and fails t if one panicked or they did not all
// return. A panic comes first: when the others then wait forever, it
// is why.
func finished(t *testing.T, cr *crew, calls string) bool {
	t.Helper()
	ended := cr.Wait()
	if p := cr.Panicked(); p != nil {
		t.Error(panicked(p, cr.Running()))
		return false
	}
	if !ended {
		t.Errorf("%s calling %s had not returned after %v of fake time: they wait for something "+
			"that never happens (a deadlock)", plural(cr.Running(), "goroutine"), calls, exercise.StuckAfter)
		return false
	}
	return true
}

// panicked is the message for a panic in the learner's code, the
// course's usual "your code panicked: …", and what it left behind.
func panicked(p *exercise.Panic, stuck int) string {
	msg := "your code panicked: " + p.String()
	if stuck > 0 {
		msg += fmt.Sprintf("; then %s still waited after %v of fake time: a panic between Lock and Unlock "+
			"leaves the lock locked (write defer …Unlock() right after …Lock(), so that it is unlocked "+
			"however the function ends)", plural(stuck, "goroutine"), exercise.StuckAfter)
	}
	return msg
}

// call runs f in a goroutine and waits for it: for calls that could
// block forever, such as a lock. It fails t and returns false if f did
// not return; a panic in f fails the part with "your code panicked".
// what describes the call.
func call(t *testing.T, what string, f func()) bool {
	t.Helper()
	if !exercise.Go(f).Wait() {
		t.Errorf("%s had not returned after %v of fake time: it waits for something that never happens (a deadlock)",
			what, exercise.StuckAfter)
		return false
	}
	return true
}

// timed calls f in a goroutine and returns what it returned and how
// much fake time it took; ok is false (and t has failed) if f never
// returned. A panic in f fails the part with "your code panicked".
func timed[R any](t *testing.T, what string, f func() R) (got R, took time.Duration, ok bool) {
	t.Helper()
	start := time.Now()
	c := exercise.Go(func() { got = f() })
	if !c.Wait() {
		t.Errorf("%s had not returned after %v of fake time: it waits for something that never happens (a deadlock)",
			what, exercise.StuckAfter)
		var zero R
		return zero, 0, false
	}
	return got, c.At().Sub(start), true
}

// plural is "1 goroutine", "2 goroutines".
func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
