package async

import (
	"context"
	"time"
)

// WithTimeout is asyncio.wait_for in Go, but for one thing: it runs
// task with a context that is done after d (or when ctx is), and
// returns what the task returned, value and error, if it comes in
// time. Otherwise it returns the zero value and the context's error,
// context.DeadlineExceeded, as soon as the deadline passes. Where
// wait_for cancels its task and waits for the cancellation to finish,
// WithTimeout tells the task to stop and gives up on it: a task that
// cleans up first, or does not listen at all, cannot hold the caller up.
//
// The task runs in its own goroutine, and select takes whichever comes
// first, its result or ctx.Done(). The channel has room for the one
// result, so after a timeout the goroutine can still send it, nobody
// listening, and end: without that room it would wait forever.
func WithTimeout[T any](ctx context.Context, d time.Duration, task func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := task(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
