package async

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sync/errgroup"
)

// Right Gathers in other styles than the reference solution's
// WaitGroup and sync.Once: each must pass, every run.

// errgroupGather is what a Go programmer reaches for: errgroup keeps
// the first error and cancels the context at it.
func errgroupGather(ctx context.Context, tasks ...task) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	results := make([]string, len(tasks))
	for i, task := range tasks {
		g.Go(func() error {
			v, err := task(ctx)
			results[i] = v
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

// channelGather has no WaitGroup: every task sends its outcome on a
// channel, and Gather receives exactly one per task, in the order they
// come, so the first error received is the first in time.
func channelGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		i   int
		v   string
		err error
	}
	outcomes := make(chan outcome)
	for i, task := range tasks {
		go func() {
			v, err := task(ctx)
			outcomes <- outcome{i, v, err}
		}()
	}
	results := make([]string, len(tasks))
	var first error
	for range tasks {
		o := <-outcomes
		switch {
		case o.err != nil && first == nil:
			first = o.err
			cancel()
		case o.err == nil:
			results[o.i] = o.v
		}
	}
	if first != nil {
		return nil, first
	}
	return results, nil
}

// atomicGather keeps the first error with a compare-and-swap, and
// counts its goroutines with Add and Done.
func atomicGather(ctx context.Context, tasks ...task) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]string, len(tasks))
	var (
		wg    sync.WaitGroup
		first atomic.Pointer[error]
	)
	wg.Add(len(tasks))
	for i, task := range tasks {
		go func() {
			defer wg.Done()
			v, err := task(ctx)
			if err != nil {
				if first.CompareAndSwap(nil, &err) {
					cancel()
				}
				return
			}
			results[i] = v
		}()
	}
	wg.Wait()
	if err := first.Load(); err != nil {
		return nil, *err
	}
	return results, nil
}

func TestAnErrgroupGatherPasses(t *testing.T) {
	for range rightRuns {
		CheckGather(t, errgroupGather)
	}
}

func TestAGatherOnAChannelPasses(t *testing.T) {
	for range rightRuns {
		CheckGather(t, channelGather)
	}
}

func TestAGatherWithAnAtomicFirstErrorPasses(t *testing.T) {
	for range rightRuns {
		CheckGather(t, atomicGather)
	}
}
