package daemon

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// Wrong RunWorkers, each missing one thing; see heartbeat_checks_test.go
// for how these tests work.

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

func TestAStubRunWorkersFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubRunWorkers")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: start one worker per name"))
	assert.Contains(t, out, "FAIL graceful-shutdown: 0/10 points")
}

func TestACoinFlipRunWorkersIsToldSelectPicksAtRandom(t *testing.T) {
	out := exercisetest.Output(t, "TestBadCoinFlipRunWorkers")
	assert.Regexp(t, `\d+ tasks were started after the cancel at 250ms \(w\d+'s t\d+, started at 300ms; `, out)
	assert.Contains(t, out, "Check ctx.Err() before taking the next one: when ctx.Done() and a task are both ready, "+
		"select picks one of them at random")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadCoinFlipRunWorkers",
		"lets each worker finish its task and start no new one"))
}

func TestAPatientRunWorkersIsToldToStopAtTheGraceDeadline(t *testing.T) {
	out := exercisetest.Output(t, "TestBadPatientRunWorkers")
	assert.Contains(t, out, `RunWorkers reported [] as late, want ["bob" "cid"]: at the grace deadline `+
		`(the cancel at 120ms + 100ms = 220ms) bob and cid were still working`)
	assert.Contains(t, out, "RunWorkers returned at 1s, want 220ms: stop waiting at the grace deadline")
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

func TestARangeRunWorkersIsToldIdleWorkersMustStop(t *testing.T) {
	out := exercisetest.Output(t, "TestBadRangeRunWorkers")
	assert.Contains(t, out, `RunWorkers returned at 200ms with ["x" "y" "z"] late, want 100ms and none: `+
		`the workers were only waiting for a task`)
	assert.Contains(t, out, "3 goroutines waiting (chan receive) in rangeRunWorkers.func1 (shutdown_checks_test.go:")
	assert.Contains(t, out, "FAIL graceful-shutdown: 9/10 points")
}

func TestAnImpatientRunWorkersIsToldToWait(t *testing.T) {
	out := exercisetest.Output(t, "TestBadImpatientRunWorkers")
	assert.Regexp(t, `RunWorkers returned at 250ms while 16 tasks were still running `+
		`\(w\d+'s t\d+, started at 200ms; w\d+'s t\d+, started at 200ms; w\d+'s t\d+, started at 200ms; and 13 more\): `+
		`after the cancel, wait for every worker to finish its task`, out)
	assert.Contains(t, out, "RunWorkers returned at 10s, want 300ms, when the 7 tasks were done")
	assert.Contains(t, out, "FAIL graceful-shutdown: 3/10 points")
}
