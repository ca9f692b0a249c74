package exercise

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
)

// Bubble runs f inside a testing/synctest bubble, where time.Sleep,
// timers and tickers use a fake clock that jumps ahead whenever every
// goroutine is blocked. Work that sleeps 100ms in ten goroutines at
// once takes exactly 100ms there, every run, on any machine: that is
// how checks prove timing claims without flaking.
//
// When f returns, every goroutine it started must have finished. Any
// that is still blocked or sleeping is reported by the function it is
// stuck in, and the part fails: that goroutine has leaked. A panic in
// f fails the part with its message instead of ending the test binary.
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
		func() {
			defer failOnPanic(t)
			f(t)
		}()
		synctest.Wait()
		if gs := bubbleGoroutines(); len(gs) > 0 {
			leaked = true
			t.Errorf("goroutines still running after your function returned "+
				"(a goroutine leak: wait for every goroutine you start):\n%s",
				strings.Join(gs, "\n"))
		}
	})
}
