package pools

import (
	"sync"
	"testing"
)

// Wrong executors, the subtle ones first. Each fails on purpose in a
// child process; executor_check_test.go reads what it printed. Most are
// the reference solution with one mistake, a field of mistakenExecutor.

// taskFuture is a correct future: the task's value and error, and a
// channel closed once they are set.
type taskFuture[R any] struct {
	done  chan struct{}
	value R
	err   error
}

func (f *taskFuture[R]) Result() (R, error)    { <-f.done; return f.value, f.err }
func (f *taskFuture[R]) Done() <-chan struct{} { return f.done }

// newFuture makes a future and the func a worker runs for it.
func newFuture[R any](task func() (R, error)) (*taskFuture[R], func()) {
	f := &taskFuture[R]{done: make(chan struct{})}
	return f, func() {
		defer close(f.done)
		f.value, f.err = task()
	}
}

// mistake is one thing a mistakenExecutor gets wrong.
type mistake int

const (
	neverFrees     mistake = iota + 1 // a worker that returns never gives back its slot
	lastInFirstOut                    // takes the newest waiting task, not the oldest
	dropsOnClose                      // a worker stops taking tasks once Shutdown was called
	closesFirst                       // closes Done, then sets the future's value: a race with Result
)

// mistakenExecutor is the reference executor with one mistake.
type mistakenExecutor[R any] struct {
	mistake mistake
	workers int
	wg      sync.WaitGroup
	mu      sync.Mutex
	queue   []func()
	running int
	closed  bool
}

func (e *mistakenExecutor[R]) lock()   { e.mu.Lock() }
func (e *mistakenExecutor[R]) unlock() { e.mu.Unlock() }

func (e *mistakenExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	f, run := newFuture(task)
	if e.mistake == closesFirst {
		run = func() {
			v, err := task()
			close(f.done)
			f.value, f.err = v, err
		}
	}
	e.lock()
	defer e.unlock()
	if e.closed {
		return nil, ErrShutdown
	}
	e.queue = append(e.queue, run)
	if e.running < e.workers {
		e.running++
		e.wg.Go(e.work)
	}
	return f, nil
}

func (e *mistakenExecutor[R]) work() {
	for {
		e.lock()
		if len(e.queue) == 0 || e.mistake == dropsOnClose && e.closed {
			if e.mistake != neverFrees {
				e.running--
			}
			e.unlock()
			return
		}
		var run func()
		if e.mistake == lastInFirstOut {
			run, e.queue = e.queue[len(e.queue)-1], e.queue[:len(e.queue)-1]
		} else {
			run, e.queue = e.queue[0], e.queue[1:]
		}
		e.unlock()
		run()
	}
}

func (e *mistakenExecutor[R]) Shutdown(wait bool) {
	e.lock()
	e.closed = true
	e.unlock()
	if wait {
		e.wg.Wait()
	}
}

func withMistake(m mistake) func(workers int) *mistakenExecutor[int] {
	return func(workers int) *mistakenExecutor[int] { return &mistakenExecutor[int]{mistake: m, workers: workers} }
}

// bufferedExecutor's workers range over a channel with room for 16
// waiting tasks: Submit waits once 16 are waiting.
type bufferedExecutor[R any] struct {
	tasks  chan func()
	wg     sync.WaitGroup
	mu     sync.Mutex
	closed bool
}

func newBufferedExecutor[R any](workers int) *bufferedExecutor[R] {
	e := &bufferedExecutor[R]{tasks: make(chan func(), 16)}
	for range workers {
		e.wg.Go(func() {
			for run := range e.tasks {
				run()
			}
		})
	}
	return e
}

func (e *bufferedExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	e.mu.Lock()
	closed := e.closed
	e.mu.Unlock()
	if closed {
		return nil, ErrShutdown
	}
	f, run := newFuture(task)
	e.tasks <- run
	return f, nil
}

func (e *bufferedExecutor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	if !e.closed {
		e.closed = true
		close(e.tasks)
	}
	e.mu.Unlock()
	if wait {
		e.wg.Wait()
	}
}

// dealtExecutor deals the tasks out in advance, in turn, to queues of
// its workers: Submit never waits, but a worker with a long task holds
// up the tasks behind it while another worker sits idle.
type dealtExecutor[R any] struct {
	mu     sync.Mutex
	queues []chan func()
	next   int
	closed bool
	wg     sync.WaitGroup
}

func newDealtExecutor[R any](workers int) *dealtExecutor[R] {
	e := &dealtExecutor[R]{}
	for range workers {
		q := make(chan func(), 1<<16)
		e.queues = append(e.queues, q)
		e.wg.Go(func() {
			for run := range q {
				run()
			}
		})
	}
	return e
}

func (e *dealtExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrShutdown
	}
	f, run := newFuture(task)
	e.queues[e.next%len(e.queues)] <- run
	e.next++
	return f, nil
}

func (e *dealtExecutor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	if !e.closed {
		e.closed = true
		for _, q := range e.queues {
			close(q)
		}
	}
	e.mu.Unlock()
	if wait {
		e.wg.Wait()
	}
}

// handoffExecutor's Submit returns at once by handing each task to a
// goroutine of its own that waits to send it to the workers: the tasks
// start in whatever order those goroutines get to send.
type handoffExecutor[R any] struct {
	tasks   chan func()
	senders sync.WaitGroup
	wg      sync.WaitGroup
	mu      sync.Mutex
	closed  bool
}

func newHandoffExecutor[R any](workers int) *handoffExecutor[R] {
	e := &handoffExecutor[R]{tasks: make(chan func())}
	for range workers {
		e.wg.Go(func() {
			for run := range e.tasks {
				run()
			}
		})
	}
	return e
}

func (e *handoffExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrShutdown
	}
	f, run := newFuture(task)
	e.senders.Go(func() { e.tasks <- run })
	return f, nil
}

func (e *handoffExecutor[R]) Shutdown(wait bool) {
	e.mu.Lock()
	already := e.closed
	e.closed = true
	e.mu.Unlock()
	if already {
		return
	}
	done := func() {
		e.senders.Wait()
		close(e.tasks)
		e.wg.Wait()
	}
	if wait {
		done()
	} else {
		go done()
	}
}

// chanExecutor is the executor a learner writes first: workers that
// range over an unbuffered channel of tasks. Submit waits for a free
// worker, a second Shutdown closes the channel twice, and Submit after
// Shutdown sends on a closed channel.
type chanExecutor[R any] struct {
	tasks chan func()
	wg    sync.WaitGroup
}

func newChanExecutor[R any](workers int) *chanExecutor[R] {
	e := &chanExecutor[R]{tasks: make(chan func())}
	for range workers {
		e.wg.Go(func() {
			for task := range e.tasks {
				task()
			}
		})
	}
	return e
}

func (e *chanExecutor[R]) Submit(task func() (R, error)) (*taskFuture[R], error) {
	f, run := newFuture(task)
	e.tasks <- run
	return f, nil
}

func (e *chanExecutor[R]) Shutdown(wait bool) {
	close(e.tasks)
	if wait {
		e.wg.Wait()
	}
}

// earlyExecutor's futures say they are done before their task is.
type earlyExecutor[R any] struct{ *chanExecutor[R] }

type earlyFuture[R any] struct{ *taskFuture[R] }

func (f earlyFuture[R]) Done() <-chan struct{} {
	done := make(chan struct{})
	close(done)
	return done
}

func newEarlyExecutor[R any](workers int) *earlyExecutor[R] {
	return &earlyExecutor[R]{newChanExecutor[R](workers)}
}

func (e *earlyExecutor[R]) Submit(task func() (R, error)) (earlyFuture[R], error) {
	f, err := e.chanExecutor.Submit(task)
	return earlyFuture[R]{f}, err
}

func TestBadBufferedExecutor(t *testing.T)   { bad(t); CheckExecutor(t, newBufferedExecutor[int]) }
func TestBadNeverFreesExecutor(t *testing.T) { bad(t); CheckExecutor(t, withMistake(neverFrees)) }
func TestBadDealtExecutor(t *testing.T)      { bad(t); CheckExecutor(t, newDealtExecutor[int]) }
func TestBadLIFOExecutor(t *testing.T)       { bad(t); CheckExecutor(t, withMistake(lastInFirstOut)) }
func TestBadHandoffExecutor(t *testing.T)    { bad(t); CheckExecutor(t, newHandoffExecutor[int]) }
func TestBadDropsOnCloseExecutor(t *testing.T) {
	bad(t)
	CheckExecutor(t, withMistake(dropsOnClose))
}
func TestBadClosesFirstExecutor(t *testing.T) { bad(t); CheckExecutor(t, withMistake(closesFirst)) }
func TestBadChanExecutor(t *testing.T)        { bad(t); CheckExecutor(t, newChanExecutor[int]) }
func TestBadEarlyExecutor(t *testing.T)       { bad(t); CheckExecutor(t, newEarlyExecutor[int]) }
