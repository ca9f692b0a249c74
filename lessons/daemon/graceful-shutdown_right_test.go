package daemon

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"
)

// Correct RunWorkers in other styles than the reference solution
// (solutions/daemon/graceful-shutdown.go: a done channel per worker, a
// WaitGroup closed into one more channel, a select with a default at
// the deadline). Each must pass every run.

// channelRunWorkers has no WaitGroup: each worker sends its index on
// one channel as it stops, and RunWorkers counts them, until the
// deadline's timer.
func channelRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped := make(chan int, len(names)) // room for all: no worker waits to say it stopped
	for i, name := range names {
		go func() {
			defer func() { stopped <- i }()
			for {
				if ctx.Err() != nil {
					return
				}
				select {
				case <-ctx.Done():
					return
				case task, ok := <-tasks:
					if !ok {
						return
					}
					work(name, task)
				}
			}
		}()
	}
	gone := make([]bool, len(names))
	var deadline <-chan time.Time // nil until the cancel: a nil channel never delivers
	done := ctx.Done()
	for left := len(names); left > 0; {
		select {
		case i := <-stopped:
			gone[i] = true
			left--
		case <-done:
			done, deadline = nil, time.After(grace)
		case <-deadline:
			var late []string
			for i, name := range names {
				if !gone[i] {
					late = append(late, name)
				}
			}
			return late
		}
	}
	return nil
}

// mutexRunWorkers keeps who is still running in a map under a mutex,
// and lists the late ones by walking names, not the map.
func mutexRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	var mu sync.Mutex
	running := map[string]bool{}
	for _, name := range names {
		running[name] = true // all of them before any worker starts
	}
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Go(func() {
			defer func() {
				mu.Lock()
				delete(running, name)
				mu.Unlock()
			}()
			for ctx.Err() == nil {
				select {
				case <-ctx.Done():
				case task, ok := <-tasks:
					if !ok {
						return
					}
					work(name, task)
				}
			}
		})
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	if waitGrace(ctx, all, grace) {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	var late []string
	for _, name := range names {
		if running[name] {
			late = append(late, name)
		}
	}
	return late
}

// errgroupRunWorkers runs the workers in an errgroup, marks each one's
// stop in an atomic.Bool, and gives the cancel priority with a select
// that has a default.
func errgroupRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	var g errgroup.Group
	stopped := make([]atomic.Bool, len(names))
	for i, name := range names {
		g.Go(func() error {
			defer stopped[i].Store(true)
			for {
				select {
				case <-ctx.Done():
					return nil
				default:
				}
				select {
				case <-ctx.Done():
					return nil
				case task, ok := <-tasks:
					if !ok {
						return nil
					}
					work(name, task)
				}
			}
		})
	}
	all := make(chan struct{})
	go func() {
		g.Wait()
		close(all)
	}()
	select {
	case <-all:
		return nil
	case <-ctx.Done():
	}
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case <-all:
		return nil
	case <-timer.C:
	}
	var late []string
	for i, name := range names {
		if !stopped[i].Load() {
			late = append(late, name)
		}
	}
	return late
}

func TestRightRunWorkersPassEveryRun(t *testing.T) {
	for name, runWorkers := range map[string]runWorkersFunc{
		"channel": channelRunWorkers, "mutex": mutexRunWorkers, "errgroup": errgroupRunWorkers,
	} {
		t.Run(name, func(t *testing.T) {
			for range 20 {
				CheckGracefulShutdown(t, runWorkers)
			}
		})
	}
}
