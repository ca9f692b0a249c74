package pools

import (
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// fakeTasks makes tasks that sleep on the fake clock, and records how
// many run at once and the order they start in.
type fakeTasks struct {
	inFlight exercise.InFlight
	mu       sync.Mutex
	started  []int
}

func (ft *fakeTasks) task(i int, d time.Duration, err error) func() (int, error) {
	return func() (int, error) {
		defer ft.inFlight.Enter()()
		ft.mu.Lock()
		ft.started = append(ft.started, i)
		ft.mu.Unlock()
		time.Sleep(d)
		return i * i, err
	}
}

// submitAll submits n tasks of d each and fails the part if Submit
// returns an error.
func (c executorCheck[E, F]) submitAll(t *testing.T, e E, ft *fakeTasks, n int, d time.Duration) []F {
	t.Helper()
	futures := make([]F, n)
	for i := range n {
		f, err := e.Submit(ft.task(i, d, nil))
		if err != nil {
			t.Fatalf("Submit of task %d returned %v, want no error before Shutdown", i, err)
		}
		futures[i] = f
	}
	return futures
}
