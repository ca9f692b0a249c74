package daemon

import (
	"context"
	"sync"
	"time"

	"github.com/goconc/goconc/lessons/daemon"
)

// RunWorkers runs one worker goroutine per name. Each takes tasks from
// the channel and does them with work, one at a time, until ctx is
// cancelled or tasks is closed and empty. A cancel never interrupts a
// task: the worker finishes it and takes no other.
//
// After the cancel, RunWorkers waits for the workers at most grace,
// then returns the names of those still working, in the order of
// names (nil if every worker stopped in time). They are not stopped:
// they finish in the background, or die with the program if main
// returns first, like Python's daemon threads.
func RunWorkers(ctx context.Context, names []string, tasks <-chan string, work daemon.WorkFunc, grace time.Duration) []string {
	stopped := make([]chan struct{}, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		stopped[i] = make(chan struct{})
		wg.Go(func() {
			defer close(stopped[i])
			// The loop tests ctx first: when a task and the cancel are
			// both ready, the select below picks one at random.
			for ctx.Err() == nil {
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
		})
	}
	all := make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()

	select {
	case <-all: // the tasks ran out
		return nil
	case <-ctx.Done():
	}
	select {
	case <-all:
		return nil
	case <-time.After(grace):
	}
	var late []string
	for i, name := range names {
		select {
		case <-stopped[i]:
		default:
			late = append(late, name)
		}
	}
	return late
}
