package pools

import (
	"sync"
	"testing"
)

// Correct executors in other styles than the reference (a slice under a
// mutex, workers started on demand). Each must pass every run.

// dispatchExecutor is all channels: one dispatcher goroutine keeps the
// waiting tasks in a slice of its own and hands the oldest to whichever
// of the fixed workers is free.
type dispatchExecutor[R any] struct {
	submit chan func()
	mu     sync.Mutex // guards closed, and Submit's send against Shutdown's close
	closed bool
	wg     sync.WaitGroup
}

func newDispatchExecutor[R any](workers int) *dispatchExecutor[R] {
	e := &dispatchExecutor[R]{submit: make(chan func())}
	work := make(chan func())
	e.wg.Go(func() {
		var queue []func()
		in := e.submit
		for in != nil || len(queue) > 0 {
			var out chan func()
			var first func()
			if len(queue) > 0 {
				out, first = work, queue[0]
			}
			select {
			case run, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				queue = append(queue, run)
			case out <- first:
				queue = queue[1:]
			}
		}
		close(work)
	})
	for range workers {
		e.wg.Go(func() {
			for run := range work {
				run()
			}
		})
	}
	return e
}

func (e *dispatchExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrShutdown
	}
	f, run := newFuture(task)
	e.submit <- run // the dispatcher is always ready to take it
	return f, nil
}

func (e *dispatchExecutor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	if !e.closed {
		e.closed = true
		close(e.submit)
	}
	e.mu.Unlock()
	if wait {
		e.wg.Wait()
	}
}

// condExecutor starts its workers at once; they wait on a sync.Cond for
// the queue to have a task, or for Shutdown.
type condExecutor[R any] struct {
	mu     sync.Mutex
	cond   *sync.Cond
	queue  []func()
	closed bool
	wg     sync.WaitGroup
}

func newCondExecutor[R any](workers int) *condExecutor[R] {
	e := &condExecutor[R]{}
	e.cond = sync.NewCond(&e.mu)
	for range workers {
		e.wg.Go(e.work)
	}
	return e
}

func (e *condExecutor[R]) work() {
	for {
		e.mu.Lock()
		for len(e.queue) == 0 && !e.closed {
			e.cond.Wait()
		}
		if len(e.queue) == 0 {
			e.mu.Unlock()
			return
		}
		run := e.queue[0]
		e.queue = e.queue[1:]
		e.mu.Unlock()
		run()
	}
}

func (e *condExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrShutdown
	}
	f, run := newFuture(task)
	e.queue = append(e.queue, run)
	e.cond.Signal()
	return f, nil
}

func (e *condExecutor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	e.closed = true
	e.cond.Broadcast()
	e.mu.Unlock()
	if wait {
		e.wg.Wait()
	}
}

func TestRightExecutorsPassEveryRun(t *testing.T) {
	t.Run("dispatch", func(t *testing.T) {
		for range runsOfRightExecutor {
			CheckExecutor(t, newDispatchExecutor[int])
		}
	})
	t.Run("cond", func(t *testing.T) {
		for range runsOfRightExecutor {
			CheckExecutor(t, newCondExecutor[int])
		}
	})
}
