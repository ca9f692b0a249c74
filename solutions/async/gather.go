package async

import (
	"context"
	"sync"
)

// Gather runs every task in its own goroutine, as asyncio.gather runs
// coroutines, and returns their results in the order of tasks, whatever
// order they finish in: task i writes only results[i].
//
// The tasks share a context derived from ctx. The first task to fail
// cancels it, which tells the others to stop; Gather still waits for
// every task to return, because Go cannot stop a goroutine from
// outside, and then returns that first error (and no results). The
// context is cancelled when Gather returns in any case, so nothing a
// task started with it outlives the call.
func Gather[T any](ctx context.Context, tasks ...func(context.Context) (T, error)) ([]T, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]T, len(tasks))
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for i, task := range tasks {
		wg.Go(func() {
			v, err := task(ctx)
			if err != nil {
				once.Do(func() {
					first = err
					cancel()
				})
				return
			}
			results[i] = v
		})
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return results, nil
}
