package daemon

import (
	"context"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// Wrong RunWorkers, each missing one thing, the subtle ones first;
// graceful-shutdown_check_test.go reads what the check tells them.

func stubRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	panic("TODO: start one worker per name")
}

// workers starts one goroutine per name running loop, and returns a
// channel per worker that is closed when it stops, and one closed when
// all have stopped.
func workers(names []string, loop func(name string)) (stopped []chan struct{}, all chan struct{}) {
	var wg sync.WaitGroup
	for _, name := range names {
		s := make(chan struct{})
		stopped = append(stopped, s)
		wg.Go(func() {
			defer close(s)
			loop(name)
		})
	}
	all = make(chan struct{})
	go func() {
		wg.Wait()
		close(all)
	}()
	return stopped, all
}

// graceful is the waiting half of the solution: until the cancel, then
// at most grace, then the names of the workers still working.
func graceful(ctx context.Context, names []string, stopped []chan struct{}, all chan struct{}, grace time.Duration) []string {
	select {
	case <-all:
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

// coinFlipRunWorkers trusts select to prefer the cancel: it does not.
func coinFlipRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, func(name string) {
		for {
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
	return graceful(ctx, names, stopped, all, grace)
}

// rightWorker is the solution's worker loop.
func rightWorker(ctx context.Context, tasks <-chan string, work WorkFunc) func(name string) {
	return func(name string) {
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
	}
}

// patientRunWorkers waits for every worker, however long it takes.
func patientRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	_, all := workers(names, rightWorker(ctx, tasks, work))
	<-all
	return nil
}

// rangeRunWorkers ranges over tasks, so a worker waiting for a task
// does not see the cancel.
func rangeRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, func(name string) {
		for task := range tasks {
			if ctx.Err() != nil {
				return
			}
			work(name, task)
		}
	})
	return graceful(ctx, names, stopped, all, grace)
}

// impatientRunWorkers returns at the cancel, without waiting at all.
func impatientRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	workers(names, rightWorker(ctx, tasks, work))
	<-ctx.Done()
	return nil
}

// sortedRunWorkers reports the right workers, sorted by name.
func sortedRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	late := RunWorkersRef(ctx, names, tasks, work, grace)
	slices.Sort(late)
	return late
}

// mapRunWorkers keeps the workers still running in a map, and lists
// what is left of it at the deadline, in the map's order.
func mapRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	var mu sync.Mutex
	running := map[string]bool{}
	for _, name := range names {
		running[name] = true
	}
	_, all := workers(names, func(name string) {
		rightWorker(ctx, tasks, work)(name)
		mu.Lock()
		delete(running, name)
		mu.Unlock()
	})
	if waitGrace(ctx, all, grace) {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	var late []string
	for name := range running {
		late = append(late, name)
	}
	return late
}

// busyRunWorkers keeps a list of the workers in the middle of a task,
// in the order they took it, and reports that list.
func busyRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	var mu sync.Mutex
	var busy []string
	_, all := workers(names, rightWorker(ctx, tasks, func(name, task string) {
		mu.Lock()
		busy = append(busy, name)
		mu.Unlock()
		work(name, task)
		mu.Lock()
		busy = slices.DeleteFunc(busy, func(b string) bool { return b == name })
		mu.Unlock()
	}))
	if waitGrace(ctx, all, grace) {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(busy)
}

// emptyRunWorkers returns an empty slice, not nil, when nobody is late.
func emptyRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	late := RunWorkersRef(ctx, names, tasks, work, grace)
	if late == nil {
		late = []string{}
	}
	return late
}

// timerPerWorkerRunWorkers waits up to grace for each worker in turn,
// so the deadline moves on with every worker it waits for.
func timerPerWorkerRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, rightWorker(ctx, tasks, work))
	select {
	case <-all:
		return nil
	case <-ctx.Done():
	}
	var late []string
	for i, name := range names {
		select {
		case <-stopped[i]:
		case <-time.After(grace):
			late = append(late, name)
		}
	}
	return late
}

// cancelOnlyRunWorkers waits for the cancel, even when the tasks have
// run out and every worker has stopped.
func cancelOnlyRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, rightWorker(ctx, tasks, work))
	<-ctx.Done()
	return graceful(ctx, names, stopped, all, grace)
}

// noOkRunWorkers does not tell a closed channel from a task.
func noOkRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, func(name string) {
		for ctx.Err() == nil {
			select {
			case <-ctx.Done():
				return
			case task := <-tasks:
				work(name, task)
			}
		}
	})
	return graceful(ctx, names, stopped, all, grace)
}

// unlockedRunWorkers marks each worker's stop in a shared slice with
// no lock, and reads it at the deadline: a data race on every run.
func unlockedRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped := make([]bool, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			rightWorker(ctx, tasks, work)(name)
			stopped[i] = true
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
	var late []string
	for i, name := range names {
		if !stopped[i] {
			late = append(late, name)
		}
	}
	return late
}

// roundsRunWorkers hands out tasks in rounds: every worker takes one,
// and the next round starts when the slowest is done.
func roundsRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped := make([]chan struct{}, len(names))
	for i := range stopped {
		stopped[i] = make(chan struct{})
	}
	all := make(chan struct{})
	go func() {
		defer close(all)
		defer func() {
			for _, s := range stopped {
				close(s)
			}
		}()
		for ctx.Err() == nil {
			var round sync.WaitGroup
			for _, name := range names {
				select {
				case <-ctx.Done():
				case task, ok := <-tasks:
					if !ok {
						round.Wait()
						return
					}
					round.Go(func() { work(name, task) })
				}
			}
			round.Wait()
		}
	}()
	return graceful(ctx, names, stopped, all, grace)
}

// deadlineRunWorkers starts the grace timer in a goroutine that waits
// for the cancel and hands the timer over on a buffered channel. When
// the tasks run out first, RunWorkers returns, and that goroutine goes
// on waiting for a cancel that may never come.
func deadlineRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, rightWorker(ctx, tasks, work))
	timers := make(chan (<-chan time.Time), 1)
	go func() {
		<-ctx.Done()
		timers <- time.After(grace)
	}()
	select {
	case <-all:
		return nil
	case deadline := <-timers:
		select {
		case <-all:
			return nil
		case <-deadline:
		}
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

// statesRunWorkers keeps a state per worker in a []byte: 'w' while it
// works, set before the workers start, and 's' once it has stopped,
// written by that worker alone. At the deadline it reads the states with
// no lock, so the reads race with the writes of the workers that
// stopped in time. Eight states share 8 bytes of memory, where the race
// detector remembers only the last 4 accesses.
func statesRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	states := make([]byte, len(names))
	for i := range states {
		states[i] = 'w'
	}
	_, all := workers(names, func(name string) {
		i := slices.Index(names, name)
		rightWorker(ctx, tasks, work)(name)
		states[i] = 's'
	})
	if waitGrace(ctx, all, grace) {
		return nil
	}
	return stillWorking(names, states)
}

// stillWorking returns the names whose state is 'w'.
func stillWorking(names []string, states []byte) []string {
	var late []string
	for i, name := range names {
		if states[i] == 'w' {
			late = append(late, name)
		}
	}
	return late
}

// setRunWorkers puts the late workers in a set, and returns its keys,
// in the order a map has, which is none.
func setRunWorkers(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, rightWorker(ctx, tasks, work))
	if waitGrace(ctx, all, grace) {
		return nil
	}
	late := map[string]struct{}{}
	for i, name := range names {
		select {
		case <-stopped[i]:
		default:
			late[name] = struct{}{}
		}
	}
	return slices.Collect(maps.Keys(late))
}

// waitGrace waits for all until the cancel, then at most grace more,
// and says whether all came.
func waitGrace(ctx context.Context, all chan struct{}, grace time.Duration) bool {
	select {
	case <-all:
		return true
	case <-ctx.Done():
	}
	select {
	case <-all:
		return true
	case <-time.After(grace):
		return false
	}
}

// RunWorkersRef is the solution, from the wrong ones' own parts.
func RunWorkersRef(ctx context.Context, names []string, tasks <-chan string, work WorkFunc, grace time.Duration) []string {
	stopped, all := workers(names, rightWorker(ctx, tasks, work))
	return graceful(ctx, names, stopped, all, grace)
}

func TestBadStubRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, stubRunWorkers)
}
func TestBadCoinFlipRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, coinFlipRunWorkers)
}
func TestBadPatientRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, patientRunWorkers)
}
func TestBadRangeRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, rangeRunWorkers)
}
func TestBadImpatientRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, impatientRunWorkers)
}
func TestBadSortedRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, sortedRunWorkers)
}
func TestBadMapRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, mapRunWorkers)
}
func TestBadBusyRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, busyRunWorkers)
}
func TestBadEmptyRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, emptyRunWorkers)
}
func TestBadTimerPerWorkerRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, timerPerWorkerRunWorkers)
}
func TestBadCancelOnlyRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, cancelOnlyRunWorkers)
}
func TestBadNoOkRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, noOkRunWorkers)
}
func TestBadUnlockedRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, unlockedRunWorkers)
}
func TestBadRoundsRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, roundsRunWorkers)
}
func TestBadDeadlineRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, deadlineRunWorkers)
}
func TestBadStatesRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, statesRunWorkers)
}
func TestBadSetRunWorkers(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGracefulShutdown(t, setRunWorkers)
}
