package pools

import (
	"errors"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// shutdown proves Python's shutdown(wait): 5 tasks of 100ms on 2
// workers take 3 rounds; Shutdown(true) returns after them, and
// Shutdown(false) at once, though the tasks still run.
func (c executorCheck[E, F]) shutdown(t *testing.T) {
	const n, workers, latency = 5, 2, 100 * time.Millisecond
	want := exercise.PoolTime(durationsOf(n, latency), workers)

	e := c.newExecutor(workers)
	start := time.Now()
	futures := c.submitAll(t, e, &fakeTasks{}, n, latency)
	c.stop(t, e, true)
	if took := time.Since(start); took != want {
		t.Errorf("Shutdown(true) returned %v after the tasks were submitted, want %v: it waits until every task "+
			"already submitted has run (%d tasks of %v, %d workers)", took, want, n, latency, workers)
	}
	for i, f := range futures {
		if v, err := result(t, f, i); v != i*i || err != nil {
			t.Errorf("after Shutdown(true), future %d: Result() = %d, %v, want %d, <nil>", i, v, err, i*i)
		}
	}

	e = c.newExecutor(workers)
	start = time.Now()
	futures = c.submitAll(t, e, &fakeTasks{}, n, latency)
	before := time.Now()
	c.stop(t, e, false)
	if took := time.Since(before); took != 0 {
		t.Errorf("Shutdown(false) returned after %v of fake time, want 0: it returns at once", took)
	}
	for i, f := range futures {
		if v, err := result(t, f, i); v != i*i || err != nil {
			t.Errorf("after Shutdown(false), future %d: Result() = %d, %v, want %d, <nil>: "+
				"tasks submitted before Shutdown still run", i, v, err, i*i)
		}
	}
	if took := time.Since(start); took != want {
		t.Errorf("after Shutdown(false), the tasks were done %v after they were submitted, want %v", took, want)
	}
}

// refuse proves that a second Shutdown is harmless and that a task
// submitted after Shutdown gets ErrShutdown and never runs.
func (c executorCheck[E, F]) refuse(t *testing.T) {
	e := c.newExecutor(2)
	c.submitAll(t, e, &fakeTasks{}, 3, 10*time.Millisecond)
	c.stop(t, e, true)
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("a second Shutdown panicked (%v): calling Shutdown again must do nothing, "+
					"as in Python; close things only once", r)
			}
		}()
		c.stop(t, e, true)
	}()
	var ran atomic.Bool
	type submitted struct{ err error }
	s, ok := exercise.Returns(func() submitted {
		_, err := e.Submit(func() (int, error) { ran.Store(true); return 0, nil })
		return submitted{err}
	})
	if !ok {
		t.Fatalf("%s: after Shutdown it must return pools.ErrShutdown at once", stuck("Submit after Shutdown"))
	}
	if !errors.Is(s.err, ErrShutdown) {
		t.Errorf("Submit after Shutdown returned the error %v, want pools.ErrShutdown", s.err)
	}
	time.Sleep(time.Second)
	synctest.Wait()
	if ran.Load() {
		t.Errorf("a task submitted after Shutdown ran, want it refused")
	}
}
