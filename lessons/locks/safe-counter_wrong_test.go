package locks

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// Wrong safe-counters, the subtle ones first. Each Bad… test fails on
// purpose, so it runs only in a child process that the test after it
// starts and reads: as many times as it takes to show that the catch
// does not depend on the schedule.

// loadStoreCounter keeps an atomic.Int64 per key and adds one with a
// Load and then a Store: every access is atomic, so there is no data
// race to report, but two Incs between the same Load and Store lose
// one increment.
type loadStoreCounter struct {
	mu     sync.Mutex
	counts map[string]*atomic.Int64
}

func newLoadStoreCounter() *loadStoreCounter {
	return &loadStoreCounter{counts: map[string]*atomic.Int64{}}
}

func (c *loadStoreCounter) count(key string) *atomic.Int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts[key] == nil {
		c.counts[key] = new(atomic.Int64)
	}
	return c.counts[key]
}

func (c *loadStoreCounter) Inc(key string) {
	n := c.count(key)
	n.Store(n.Load() + 1)
}

func (c *loadStoreCounter) Value(key string) int { return int(c.count(key).Load()) }

// twoLocksCounter reads the count under one Lock and writes it under
// another: no data race, but the read-add-write is not one step.
type twoLocksCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func newTwoLocksCounter() *twoLocksCounter { return &twoLocksCounter{counts: map[string]int{}} }

func (c *twoLocksCounter) Inc(key string) {
	v := c.Value(key)
	c.mu.Lock()
	c.counts[key] = v + 1
	c.mu.Unlock()
}

func (c *twoLocksCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[key]
}

// sleepyCounter is twoLocksCounter with seed 003's sleep between the
// read and the write: on the fake clock it loses increments every run.
type sleepyCounter struct{ twoLocksCounter }

func newSleepyCounter() *sleepyCounter {
	return &sleepyCounter{twoLocksCounter{counts: map[string]int{}}}
}

func (c *sleepyCounter) Inc(key string) {
	v := c.Value(key)
	time.Sleep(time.Microsecond)
	c.mu.Lock()
	c.counts[key] = v + 1
	c.mu.Unlock()
}

// unlockedReadCounter locks in Inc but not in Value: "reads need no
// lock".
type unlockedReadCounter struct{ twoLocksCounter }

func (c *unlockedReadCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key]++
}

func (c *unlockedReadCounter) Value(key string) int { return c.counts[key] }

// readLockCounter takes an RWMutex's read lock to write.
type readLockCounter struct {
	mu     sync.RWMutex
	counts map[string]int
}

func (c *readLockCounter) Inc(key string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.counts[key]++
}

func (c *readLockCounter) Value(key string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.counts[key]
}

// racyCounter guards nothing.
type racyCounter struct{ counts map[string]int }

func (c *racyCounter) Inc(key string)       { c.counts[key]++ }
func (c *racyCounter) Value(key string) int { return c.counts[key] }

// forgetfulCounter forgets to unlock in Value.
type forgetfulCounter struct{ twoLocksCounter }

func newForgetfulCounter() *forgetfulCounter {
	return &forgetfulCounter{twoLocksCounter{counts: map[string]int{}}}
}

func (c *forgetfulCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key]++
}

func (c *forgetfulCounter) Value(key string) int {
	c.mu.Lock()
	return c.counts[key]
}

// unfinishedCounter is a counter whose Value is still half a TODO: it
// locks, then panics, holding the lock.
type unfinishedCounter struct{ forgetfulCounter }

func (c *unfinishedCounter) Value(key string) int {
	c.mu.Lock()
	if c.counts[key] >= 0 {
		panic("TODO: read, unlock")
	}
	return 0
}

func TestBadLoadStoreCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newLoadStoreCounter)
}

func TestBadTwoLocksCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newTwoLocksCounter)
}

func TestBadSleepyCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newSleepyCounter)
}

func TestBadUnlockedReadCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *unlockedReadCounter {
		return &unlockedReadCounter{twoLocksCounter{counts: map[string]int{}}}
	})
}

func TestBadReadLockCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *readLockCounter { return &readLockCounter{counts: map[string]int{}} })
}

func TestBadRacyCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *racyCounter { return &racyCounter{map[string]int{}} })
}

func TestBadForgetfulCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newForgetfulCounter)
}

func TestBadUnfinishedCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *unfinishedCounter {
		return &unfinishedCounter{forgetfulCounter{twoLocksCounter{counts: map[string]int{}}}}
	})
}

// eachRun asserts check on every output, naming the run that failed.
func eachRun(t *testing.T, outs []string, check func(t assert.TestingT, out string)) {
	t.Helper()
	for i, out := range outs {
		rt := &runT{t: t}
		check(rt, out)
		if rt.failed {
			t.Errorf("run %d of %d: the catch did not hold; its output:\n%s", i+1, len(outs), tail(out, 60))
			return
		}
	}
}

// runT collects a failed assertion of one run.
type runT struct {
	t      *testing.T
	failed bool
}

func (r *runT) Errorf(format string, args ...any) {
	r.t.Helper()
	r.failed = true
	r.t.Errorf(format, args...)
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func TestALoadThenStoreCounterLosesIncrementsEveryRun(t *testing.T) {
	outs := exercisetest.Outputs(t, 20, "TestBadLoadStoreCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Regexp(t, `Value\("hits"\) = \d+ after 10 goroutines called Inc\("hits"\) (\d+) times in all, `+
			`at the same time, want \d+: \d+ increments were lost \(in round [1-5] of 5\); two Incs read the same count`, out)
		assert.Contains(t, out, "--- FAIL: "+exercise.Subtest("TestBadLoadStoreCounter", "loses no increment when 10 goroutines count one key"))
		assert.NotContains(t, out, "DATA RACE")
		assert.Contains(t, out, "FAIL safe-counter: 6/10 points\n")
	})
}

func TestAReadThenWriteUnderTwoLocksLosesIncrementsEveryRun(t *testing.T) {
	outs := exercisetest.Outputs(t, 10, "TestBadTwoLocksCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Regexp(t, `Value\("hits"\) = \d+ after 10 goroutines called Inc\("hits"\) \d+ times in all, `+
			`at the same time, want \d+: \d+ increments were lost \(in round [1-5] of 5\)`, out)
		assert.NotContains(t, out, "DATA RACE")
		assert.Contains(t, out, "FAIL safe-counter: 6/10 points\n")
	})
}

func TestACounterThatSleepsBetweenReadAndWriteLosesIncrementsOnTheFakeClock(t *testing.T) {
	outs := exercisetest.Outputs(t, 2, "TestBadSleepyCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Regexp(t, `Value\("hits"\) = \d+ after 10 goroutines called Inc\("hits"\) \d+ times in all, `+
			`at the same time, want \d+: \d+ increments were lost \(in round 1 of 5\)`, out)
		assert.Contains(t, out, `two Incs read the same count `+
			`and both wrote it plus one. Do the read, the add and the write under one Lock (or in one atomic Add)`)
		assert.Contains(t, out, "FAIL safe-counter: 6/10 points\n")
	})
}

// notTried is what the parts after a race say.
const notTried = "not tried with the goroutines at the same time: the race detector reported a data race (above) in your counter"

func TestAnUnlockedCounterRacesAndScoresZeroEveryRun(t *testing.T) {
	if !exercise.RaceDetectorOn {
		t.Skip("needs -race")
	}
	outs := exercisetest.Outputs(t, 10, "TestBadRacyCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Contains(t, out, "WARNING: DATA RACE")
		assert.Contains(t, out, "(*racyCounter).Inc()")
		assert.Contains(t, out, notTried)
		assert.NotContains(t, out, "\nfatal error", "the goroutines take turns until a race is seen, so the map is never used at one instant")
		assert.Contains(t, out, "FAIL safe-counter: 0/10 points (a data race: 0 points until it is gone)\n")
	})
}

func TestAValueWithoutTheLockRacesAndScoresZeroEveryRun(t *testing.T) {
	if !exercise.RaceDetectorOn {
		t.Skip("needs -race")
	}
	outs := exercisetest.Outputs(t, 5, "TestBadUnlockedReadCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Contains(t, out, "(*unlockedReadCounter).Value()")
		assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestBadUnlockedReadCounter", "loses no increment when 10 goroutines count one key"))
		assert.Contains(t, out, "--- FAIL: "+exercise.Subtest("TestBadUnlockedReadCounter", "lets Value read while other goroutines count"))
		assert.NotContains(t, out, "\nfatal error")
		assert.Contains(t, out, "FAIL safe-counter: 0/10 points (a data race: 0 points until it is gone)\n")
	})
}

func TestWritingUnderAReadLockRacesAndScoresZeroEveryRun(t *testing.T) {
	if !exercise.RaceDetectorOn {
		t.Skip("needs -race")
	}
	outs := exercisetest.Outputs(t, 5, "TestBadReadLockCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Contains(t, out, "(*readLockCounter).Inc()")
		assert.Contains(t, out, notTried)
		assert.NotContains(t, out, "\nfatal error")
		assert.Contains(t, out, "FAIL safe-counter: 0/10 points (a data race: 0 points until it is gone)\n")
	})
}

func TestACounterThatNeverUnlocksIsToldItDeadlocked(t *testing.T) {
	outs := exercisetest.Outputs(t, 2, "TestBadForgetfulCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Contains(t, out, "panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex")
		assert.Contains(t, out, "waiting (sync.Mutex.Lock) in (*forgetfulCounter).Value (safe-counter_wrong_test.go:")
		assert.Contains(t, out, "a Lock without its Unlock")
	})
}

func TestACounterThatPanicsHoldingTheLockIsToldThePanic(t *testing.T) {
	outs := exercisetest.Outputs(t, 2, "TestBadUnfinishedCounter")
	eachRun(t, outs, func(t assert.TestingT, out string) {
		assert.Contains(t, out, "your code panicked: TODO: read, unlock (in (*unfinishedCounter).Value)\n")
		assert.Contains(t, out, "panic: deadlock: your code panicked: TODO: read, unlock (in (*unfinishedCounter).Value)\n"+
			"\tand then every goroutine of the check waited for a sync.Mutex that no one will ever unlock:")
		assert.Contains(t, out, "A panic between Lock and Unlock leaves the mutex locked")
	})
}

// racyCreateCounter looks a key's count up under the read lock and,
// when it is missing, makes one under the write lock without looking
// again: two Incs that both miss each store a new count.
type racyCreateCounter struct {
	mu     sync.RWMutex
	counts map[string]*atomic.Int64
}

func (c *racyCreateCounter) Inc(key string) {
	c.mu.RLock()
	n, ok := c.counts[key]
	c.mu.RUnlock()
	if !ok {
		n = new(atomic.Int64)
		c.mu.Lock()
		c.counts[key] = n
		c.mu.Unlock()
	}
	n.Add(1)
}

func (c *racyCreateCounter) Value(key string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if n, ok := c.counts[key]; ok {
		return int(n.Load())
	}
	return 0
}

func TestBadRacyCreateCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *racyCreateCounter {
		return &racyCreateCounter{counts: map[string]*atomic.Int64{}}
	})
}

func TestACounterThatMakesAKeysCountTwiceLosesIncrementsEveryRun(t *testing.T) {
	exercisetest.SaysEveryRun(t, 10, "TestBadRacyCreateCounter",
		"increments were lost when 10 goroutines called Inc at the same time on keys never counted before: "+
			"two Incs both found the key missing and each made a new count for it, so one overwrote the other's. "+
			"Look the key up and make its count under the same Lock (with an RWMutex: look again after taking the "+
			"write Lock)\n",
		"FAIL safe-counter: 6/10 points\n")
}
