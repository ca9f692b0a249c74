package pools

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// fakeTasks makes tasks that sleep on the fake clock, and records how
// many run at once, and when each starts.
type fakeTasks struct {
	log     workLog
	mu      sync.Mutex
	started []int
	startAt map[int]time.Time
}

func (ft *fakeTasks) task(i int, d time.Duration, err error) func() (int, error) {
	return func() (int, error) {
		defer ft.log.begin(d, 1)()
		ft.mu.Lock()
		ft.started = append(ft.started, i)
		if ft.startAt == nil {
			ft.startAt = map[int]time.Time{}
		}
		ft.startAt[i] = time.Now()
		ft.mu.Unlock()
		time.Sleep(d)
		return i * i, err
	}
}

// startedAt is when task i started, and whether it has.
func (ft *fakeTasks) startedAt(i int) (time.Time, bool) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	at, ok := ft.startAt[i]
	return at, ok
}

// stuck is what the checks say when the learner's code does not return.
func stuck(what string) string {
	return fmt.Sprintf("%s did not return within %v of fake time, though every task had long returned", what, exercise.StuckAfter)
}

// submit calls e.Submit under exercise.StuckAfter and fails the part if
// it does not return, or returns an error.
func (c executorCheck[E, F]) submit(t *testing.T, e E, i int, task func() (int, error)) F {
	t.Helper()
	type submitted struct {
		f   F
		err error
	}
	s, ok := exercise.Returns(func() submitted { f, err := e.Submit(task); return submitted{f, err} })
	if !ok {
		t.Fatalf("%s: Submit must queue the task and return at once", stuck(fmt.Sprintf("Submit of task %d", i)))
	}
	if s.err != nil {
		t.Fatalf("Submit of task %d returned %v, want no error before Shutdown", i, s.err)
	}
	return s.f
}

// submitAll submits n tasks of d each.
func (c executorCheck[E, F]) submitAll(t *testing.T, e E, ft *fakeTasks, n int, d time.Duration) []F {
	t.Helper()
	futures := make([]F, n)
	for i := range n {
		futures[i] = c.submit(t, e, i, ft.task(i, d, nil))
	}
	return futures
}

// result calls f.Result under exercise.StuckAfter and fails the part if
// it does not return.
func result[F FutureLike[int]](t *testing.T, f F, i int) (int, error) {
	t.Helper()
	type returned struct {
		v   int
		err error
	}
	r, ok := exercise.Returns(func() returned { v, err := f.Result(); return returned{v, err} })
	if !ok {
		t.Fatalf("%s: did task %d ever run? Close the future's Done channel once the task has returned",
			stuck(fmt.Sprintf("Result of task %d", i)), i)
	}
	return r.v, r.err
}

// stop calls e.Shutdown under exercise.StuckAfter and fails the part
// if it does not return.
func (c executorCheck[E, F]) stop(t *testing.T, e E, wait bool) {
	t.Helper()
	if !exercise.Go(func() { e.Shutdown(wait) }).Wait() {
		t.Fatalf("%s: wait for the workers, and let each one return when the queue is empty and Shutdown was called",
			stuck(fmt.Sprintf("Shutdown(%v)", wait)))
	}
}
