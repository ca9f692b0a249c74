package exercise

import (
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// TestDemoMutexDeadlock deadlocks on purpose; the test after it reads
// its output.
func TestDemoMutexDeadlock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-mutex",
		Part{Name: "locks two mutexes in opposite orders", Points: 1, Run: func(t *testing.T) {
			MutexBubble(t, func(t *testing.T) {
				var a, b sync.Mutex
				var wg sync.WaitGroup
				wg.Go(func() { lockBoth(&a, &b) })
				wg.Go(func() { lockBoth(&b, &a) })
				wg.Wait()
			})
		}},
		Part{Name: "never runs", Points: 1, Run: func(t *testing.T) {}},
	)
}

// lockBoth locks first, lets the other goroutine lock its own first,
// then locks second: two of them in opposite orders deadlock.
func lockBoth(first, second *sync.Mutex) {
	first.Lock()
	time.Sleep(time.Millisecond)
	second.Lock()
}

func TestMutexBubbleReportsADeadlockOnMutexesInsteadOfHanging(t *testing.T) {
	start := time.Now()
	out := exercisetest.Output(t, "TestDemoMutexDeadlock")
	assert.Less(t, time.Since(start), 30*time.Second)
	assert.Contains(t, out, "panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex")
	assert.Contains(t, out, "2 goroutines waiting (sync.Mutex.Lock) in lockBoth (mutexwatch_test.go:")
	assert.Contains(t, out, "the check runs on a fake clock")
	assert.NotContains(t, out, "never_runs")
}

// Mutexes that are only contended for a moment, with fake time passing
// outside them, are not a deadlock.
func TestMutexBubbleLetsBusyMutexesBe(t *testing.T) {
	MutexBubble(t, func(t *testing.T) {
		var mu sync.Mutex
		n := 0
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 1000 {
					mu.Lock()
					n++
					mu.Unlock()
				}
				time.Sleep(time.Second)
			})
		}
		wg.Wait()
		assert.Equal(t, 8000, n)
	})
}

// TestDemoPanicWhileLocked panics between Lock and Unlock on purpose:
// the deadlock that follows must not hide the panic.
func TestDemoPanicWhileLocked(t *testing.T) {
	exercisetest.OnlyInChild(t)
	Check(t, "demo-panic-locked",
		Part{Name: "panics holding a mutex", Points: 1, Run: func(t *testing.T) {
			MutexBubble(t, func(t *testing.T) {
				var mu sync.Mutex
				Go(func() { lockAndPanic(&mu) })
				Go(func() { time.Sleep(time.Millisecond); mu.Lock() }).Wait()
			})
		}},
	)
}

func lockAndPanic(mu *sync.Mutex) {
	mu.Lock()
	panic("TODO: unlock me")
}

func TestAPanicWhileLockedIsReportedWithTheDeadlock(t *testing.T) {
	out := exercisetest.Output(t, "TestDemoPanicWhileLocked")
	assert.Contains(t, out, "panic: deadlock: your code panicked: TODO: unlock me (in lockAndPanic)")
	assert.Contains(t, out, "A panic between Lock and Unlock leaves the mutex locked")
}
