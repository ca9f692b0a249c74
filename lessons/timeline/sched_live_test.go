package timeline_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/lessons/timeline"
)

// sleepers is the known program of the live tests and of the fixture:
// n named goroutines that each sleep d.
func sleepers(n int, d time.Duration) func() {
	return func() {
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				timeline.Name(fmt.Sprint("sleeper ", i+1))
				time.Sleep(d)
			})
		}
		wg.Wait()
	}
}

// Four sleepers on one P: one lane, each sleeper blocked on sleep once
// and woken once, named as they named themselves. Structure only: the
// times are real and vary.
func TestTraceOfFourSleepersOnOneP(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s, err := timeline.Trace(sleepers(4, 5*time.Millisecond))
	require.NoError(t, err)
	assert.Equal(t, 1, s.GOMAXPROCS)
	assert.Len(t, s.Procs, 1, "GOMAXPROCS(1) has one P")
	assert.Equal(t, 4, s.Started())
	assert.Equal(t, "f", s.Goroutines[0].Label)
	for i, g := range s.Goroutines[1:] {
		assert.Equal(t, fmt.Sprint("sleeper ", i+1), g.Label)
		assert.Equal(t, 1, g.Blocks, "%s blocks once", g.Label)
		assert.Positive(t, g.Running)
	}
	sleeps, wakes := map[int]int{}, map[int]int{}
	for _, m := range s.Marks {
		if m.Kind == timeline.Blocked && m.Reason == "sleep" {
			sleeps[m.G]++
		}
		if m.Kind == timeline.Woken && m.G > 0 {
			wakes[m.G]++
		}
	}
	for g := 1; g <= 4; g++ {
		assert.Equal(t, 1, sleeps[g], "sleeper %d slept once", g)
		assert.Equal(t, 1, wakes[g], "sleeper %d was woken once", g)
	}
	for _, r := range s.Runs {
		assert.Equal(t, s.Procs[0], r.P)
		assert.LessOrEqual(t, r.Start, r.End)
		assert.LessOrEqual(t, r.End, s.Elapsed)
	}
	assertNoOverlapPerP(t, s)
}

// A contended Mutex parks its waiters: they block with reason sync.
func TestTraceOfAContendedMutexShowsSyncBlocks(t *testing.T) {
	s, err := timeline.Trace(func() {
		var mu sync.Mutex
		var wg sync.WaitGroup
		mu.Lock()
		for range 3 {
			wg.Go(func() {
				mu.Lock()
				time.Sleep(time.Millisecond)
				mu.Unlock()
			})
		}
		time.Sleep(5 * time.Millisecond) // all three park on the lock
		mu.Unlock()
		wg.Wait()
	})
	require.NoError(t, err)
	assert.Equal(t, 3, s.Started())
	syncs := 0
	for _, m := range s.Marks {
		if m.Kind == timeline.Blocked && m.Reason == "sync" && m.G > 0 {
			syncs++
		}
	}
	assert.GreaterOrEqual(t, syncs, 2, "at least the two waiters that were not first parked on the lock:\n%s", s.Text())
}

// Only f's goroutines count: not one more, whatever else runs.
func TestTraceCountsOnlyTheGoroutinesFStarted(t *testing.T) {
	stop := make(chan struct{})
	var other sync.WaitGroup
	other.Go(func() { // a goroutine of the test, busy while f runs
		for {
			select {
			case <-stop:
				return
			default:
				runtime.Gosched()
			}
		}
	})
	var ran atomic.Int64
	s, err := timeline.Trace(func() {
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				var inner sync.WaitGroup
				inner.Go(func() { ran.Add(1) })
				inner.Wait()
			})
		}
		wg.Wait()
	})
	close(stop)
	other.Wait()
	require.NoError(t, err)
	assert.Equal(t, int64(10), ran.Load())
	assert.Equal(t, 20, s.Started(), "10 goroutines and one each that they started")
}

func TestTraceFailsWhileAnotherTraceRuns(t *testing.T) {
	_, err := timeline.Trace(func() {
		_, err := timeline.Trace(func() {})
		assert.ErrorContains(t, err, "cannot trace the scheduler")
	})
	require.NoError(t, err)
}

func assertNoOverlapPerP(t *testing.T, s *timeline.Sched) {
	t.Helper()
	last := map[int]time.Duration{}
	for _, r := range s.Runs {
		assert.GreaterOrEqual(t, r.Start, last[r.P], "one goroutine at a time on P%d", r.P)
		last[r.P] = r.End
	}
}
