package queues

import (
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// stuck is how long, in fake time, a check waits for the learner's
// code: exercise.StuckAfter. Fake time is free, so it is long: a call
// still blocked after it is blocked for good, and the message says why.
const stuck = exercise.StuckAfter

// returns calls f in a goroutine of its own with [exercise.Returns] and
// fails t with why, formatted with args, when f has not returned after
// [exercise.StuckAfter] of fake time. A panic in f is raised again
// here, so the part fails with "your code panicked: … (in Func)".
func returns[R any](t *testing.T, f func() R, why string, args ...any) (R, bool) {
	t.Helper()
	r, ok := exercise.Returns(f)
	if !ok {
		t.Errorf("%s", fmt.Sprintf(why, args...))
	}
	return r, ok
}

// waitFor waits for c with [exercise.Call.Wait], failing t with why
// when it did not return.
func waitFor(t *testing.T, c *exercise.Call, why string, args ...any) bool {
	t.Helper()
	if !c.Wait() {
		t.Errorf("%s", fmt.Sprintf(why, args...))
		return false
	}
	return true
}

// since is how long after origin c returned; call it once c returned.
func since(c *exercise.Call, origin time.Time) time.Duration { return c.At().Sub(origin) }
