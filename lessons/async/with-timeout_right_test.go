package async

import (
	"context"
	"testing"
	"time"
)

// Right WithTimeouts in other styles than the reference solution's
// buffered channel of one result: each must pass, every run.

// closedWithTimeout hands the result over in two variables that the
// task's goroutine writes before it closes done; they are read only
// after done is closed, which orders the write before the read.
func closedWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		v   string
		err error
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = task(ctx)
	}()
	select {
	case <-done:
		return v, err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// afterFuncWithTimeout lets context.AfterFunc post the context's error
// on the channel the task posts its result on, and takes whichever
// comes first. The channel has room for both, so neither sender waits.
func afterFuncWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(d))
	defer cancel()
	type result struct {
		v   string
		err error
	}
	first := make(chan result, 2)
	context.AfterFunc(ctx, func() { first <- result{"", ctx.Err()} })
	go func() {
		v, err := task(ctx)
		first <- result{v, err}
	}()
	r := <-first
	return r.v, r.err
}

func TestAWithTimeoutThatClosesAChannelPasses(t *testing.T) {
	for range rightRuns {
		CheckWithTimeout(t, closedWithTimeout)
	}
}

func TestAWithTimeoutOnContextAfterFuncPasses(t *testing.T) {
	for range rightRuns {
		CheckWithTimeout(t, afterFuncWithTimeout)
	}
}
