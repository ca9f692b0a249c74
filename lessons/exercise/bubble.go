package exercise

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// settleTime is how much fake time Bubble lets pass after f returns.
const settleTime = 10 * time.Second

// InBubble makes a Part's Run that calls check with the learner's
// impl inside a [Bubble]:
//
//	exercise.Part{Name: "…", Points: 2, Run: exercise.InBubble(fetchAll, checkFetchOrder)}
func InBubble[F any](impl F, check func(t *testing.T, impl F)) func(t *testing.T) {
	return func(t *testing.T) {
		Bubble(t, func(t *testing.T) { check(t, impl) })
	}
}

// Bubble runs f inside a testing/synctest bubble, where time.Sleep,
// timers and tickers use a fake clock that jumps ahead whenever every
// goroutine is blocked. Work that sleeps 100ms in ten goroutines at
// once takes exactly 100ms there, every run, on any machine: that is
// how checks prove timing claims without flaking.
//
// When f returns, every goroutine it started must have finished. One
// that is still blocked after the fake clock has run on is reported by
// the function it is stuck in: it has leaked. One that was still
// working when f returned, and finished later, is reported too: f did
// not wait for it. Either fails the part. A panic in f fails the part
// with its message instead of ending the test binary.
func Bubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	leaked := false
	defer func() {
		// synctest.Test panics with "deadlock" when goroutines are left
		// blocked after f returns. We have already named them.
		if r := recover(); r != nil {
			if !leaked || !strings.HasPrefix(fmt.Sprint(r), "deadlock") {
				t.Errorf("goroutines were left blocked when the check ended: %v", r)
			}
		}
	}()
	synctest.Test(t, func(t *testing.T) {
		// Deferred, so that the leak check also runs when f ends the
		// part with t.Fatal (runtime.Goexit).
		defer func() { leaked = checkLeaks(t) }()
		defer failOnPanic(t)
		f(t)
	})
}

// checkLeaks names the goroutines of the bubble that are still there
// after f returned, and reports whether any were left blocked.
func checkLeaks(t *testing.T) (leaked bool) {
	synctest.Wait()
	early := bubbleGoroutines()
	// Fake time is free: we let it run on, so that a goroutine left
	// behind has finished the check's injected work and is found
	// where it is stuck in the learner's code, not asleep in ours.
	time.Sleep(settleTime)
	synctest.Wait()
	switch stuck := bubbleGoroutines(); {
	case len(stuck) > 0:
		t.Errorf("goroutines still running after your function returned "+
			"(a goroutine leak: every goroutine you start must be able to finish; "+
			"wait for it, or give it a way out, such as a buffered channel or a context it watches):\n%s",
			strings.Join(stuck, "\n"))
		return true
	case len(early) > 0:
		t.Errorf("your function returned while goroutines it started were still working "+
			"(they finished later): wait for every goroutine you start before returning:\n%s",
			strings.Join(early, "\n"))
	}
	return false
}
