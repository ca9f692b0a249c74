package async

import (
	"context"
	"time"
)

// WithTimeout is asyncio.wait_for in Go: it runs task with a context
// that is done after d (or when ctx is), and returns the task's result
// if it comes in time. Otherwise it returns the zero value and the
// context's error, context.DeadlineExceeded, as soon as the deadline
// passes: a task that does not listen to its context cannot hold the
// caller up.
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
