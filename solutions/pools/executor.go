package pools

import (
	"sync"

	"github.com/goconc/goconc/lessons/pools"
)

// Future is the result of a task that an Executor runs: Python's
// concurrent.futures.Future. done is closed when the task has
// returned; value and err are written before that and only read
// after, so the channel is all the locking they need.
type Future[R any] struct {
	done  chan struct{}
	value R
	err   error
}

// Result waits until the task has run and returns what it returned.
func (f *Future[R]) Result() (R, error) {
	<-f.done
	return f.value, f.err
}

// Done is closed when the task has run, so a caller can wait for it in
// a select, or check it without waiting (Python's future.done()).
func (f *Future[R]) Done() <-chan struct{} { return f.done }

// Executor is Python's ThreadPoolExecutor for goroutines: at most
// workers goroutines run the submitted tasks, first in first out.
//
// Submit must not wait for a worker, so waiting tasks go into a slice,
// not a channel of some fixed size; mu guards it. A worker is started
// only when a task comes and fewer than workers are running (as Python
// starts its threads), and returns as soon as the queue is empty (where
// Python's threads wait for more until shutdown), counting itself out
// under mu, so that the next Submit starts a worker again. An idle
// executor holds no goroutines at all.
type Executor[R any] struct {
	workers int
	wg      sync.WaitGroup

	mu      sync.Mutex
	queue   []func()
	running int
	closed  bool
}

// NewExecutor returns an executor that runs at most workers tasks at
// once; workers must be at least 1.
func NewExecutor[R any](workers int) *Executor[R] {
	return &Executor[R]{workers: workers}
}

// Submit queues task and returns its future at once. After Shutdown it
// runs nothing and returns pools.ErrShutdown.
func (e *Executor[R]) Submit(task func() (R, error)) (*Future[R], error) {
	f := &Future[R]{done: make(chan struct{})}
	run := func() {
		defer close(f.done)
		f.value, f.err = task()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, pools.ErrShutdown
	}
	e.queue = append(e.queue, run)
	if e.running < e.workers {
		e.running++
		e.wg.Go(e.work)
	}
	return f, nil
}

// work runs queued tasks until none is left.
func (e *Executor[R]) work() {
	for {
		e.mu.Lock()
		if len(e.queue) == 0 {
			e.running--
			e.mu.Unlock()
			return
		}
		run := e.queue[0]
		e.queue = e.queue[1:]
		e.mu.Unlock()
		run()
	}
}

// Shutdown refuses new tasks from now on. The tasks already submitted
// still run; with wait, Shutdown returns when they have. Calling it
// again does no harm.
func (e *Executor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	if wait {
		e.wg.Wait()
	}
}
