package pools

import (
	"sync"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// chanFuture and chanExecutor are the executor a learner writes first:
// workers that range over an unbuffered channel of tasks. Submit waits
// for a free worker, a second Shutdown closes the channel twice, and
// Submit after Shutdown sends on a closed channel.
type chanFuture[R any] struct {
	done  chan struct{}
	value R
	err   error
}

func (f *chanFuture[R]) Result() (R, error)    { <-f.done; return f.value, f.err }
func (f *chanFuture[R]) Done() <-chan struct{} { return f.done }

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

func (e *chanExecutor[R]) Submit(task func() (R, error)) (*chanFuture[R], error) {
	f := &chanFuture[R]{done: make(chan struct{})}
	e.tasks <- func() {
		f.value, f.err = task()
		close(f.done)
	}
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

type earlyFuture[R any] struct{ *chanFuture[R] }

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

func TestBadChanExecutor(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckExecutor(t, newChanExecutor[int])
}

func TestBadEarlyExecutor(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckExecutor(t, newEarlyExecutor[int])
}

func TestAnExecutorOnAnUnbufferedChannelIsToldSubmitMustNotWait(t *testing.T) {
	out := exercisetest.Output(t, "TestBadChanExecutor")
	assert.Contains(t, out, "submitting 10 tasks to 3 busy workers took 300ms of fake time, want 0: "+
		"Submit must queue the task and return at once, not wait for a free worker")
	assert.Contains(t, out, "a second Shutdown panicked (close of closed channel): calling Shutdown again must do nothing")
	assert.Contains(t, out, "your code panicked: send on closed channel")
	assert.Contains(t, out, "FAIL executor: 7/10 points")
}

func TestAnExecutorWhoseDoneClosesEarlyIsTold(t *testing.T) {
	out := exercisetest.Output(t, "TestBadEarlyExecutor")
	assert.Contains(t, out, "at 0s, Done was already closed, but the tasks take 50ms and 100ms: "+
		"close Done when the task has returned, not before")
	assert.Contains(t, out, "at 50ms the 100ms task was still running, but its Done was closed")
	assert.Contains(t, out, "FAIL executor: 6/10 points")
}
