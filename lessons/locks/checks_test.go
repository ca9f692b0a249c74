package locks

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what went wrong, and must never hang on a deadlock. The Bad… tests
// run them on mistakes a learner makes; they fail on purpose, so they
// only run in a child process that the tests after them start and read.

// sleepyCounter reads and writes under the lock, but not under one
// Lock: seed 003's database_value, with its sleep, in a counter.
type sleepyCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func newSleepyCounter() *sleepyCounter { return &sleepyCounter{counts: map[string]int{}} }

func (c *sleepyCounter) Inc(key string) {
	v := c.Value(key)
	time.Sleep(time.Microsecond)
	c.mu.Lock()
	c.counts[key] = v + 1
	c.mu.Unlock()
}

func (c *sleepyCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[key]
}

// forgetfulCounter forgets to unlock in Value.
type forgetfulCounter struct{ sleepyCounter }

func newForgetfulCounter() *forgetfulCounter {
	return &forgetfulCounter{sleepyCounter{counts: map[string]int{}}}
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

// naiveTransfer locks its accounts in the order it is given them.
func naiveTransfer(from, to *Account, amount int) error {
	from.Lock()
	defer from.Unlock()
	to.Lock()
	defer to.Unlock()
	if from.Balance < amount {
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}

// splitTransfer never holds two locks, so it cannot deadlock, but the
// money is in neither account for a moment.
func splitTransfer(from, to *Account, amount int) error {
	from.Lock()
	if from.Balance < amount {
		from.Unlock()
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	from.Unlock()
	to.Lock()
	to.Balance += amount
	to.Unlock()
	return nil
}

// pollingLock tries a sync.Mutex every 7ms until it gives up.
type pollingLock struct{ mu sync.Mutex }

func (l *pollingLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

func (l *pollingLock) LockContext(ctx context.Context) error {
	for !l.mu.TryLock() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(7 * time.Millisecond):
		}
	}
	return nil
}

func (l *pollingLock) Unlock() { l.mu.Unlock() }

// blockingLock waits for a sync.Mutex, whatever the timeout.
type blockingLock struct{ pollingLock }

func (l *blockingLock) LockTimeout(d time.Duration) bool { l.mu.Lock(); return true }

// leakyLock gives up waiting, but leaves a goroutine trying to take
// the lock, which later takes it for no one.
type leakyLock struct{ token chan struct{} }

func (l *leakyLock) LockTimeout(d time.Duration) bool {
	got := make(chan struct{})
	go func() {
		l.token <- struct{}{}
		close(got)
	}()
	select {
	case <-got:
		return true
	case <-time.After(d):
		return false
	}
}

func (l *leakyLock) LockContext(ctx context.Context) error {
	select {
	case l.token <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *leakyLock) Unlock() { <-l.token }

func TestBadSleepyCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newSleepyCounter)
}

func TestBadForgetfulCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, newForgetfulCounter)
}

func TestBadNaiveTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, naiveTransfer)
}
func TestBadSplitTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, splitTransfer)
}

func TestBadPollingLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *pollingLock { return new(pollingLock) })
}

func TestBadBlockingLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *blockingLock { return new(blockingLock) })
}

func TestBadLeakyLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *leakyLock { return &leakyLock{make(chan struct{}, 1)} })
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestACounterThatReadsThenWritesIsToldItLostIncrements(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSleepyCounter")
	assert.Contains(t, out, `Value("hits") = 1000 after 10 goroutines called Inc("hits") 1000 times each, `+
		`want 10000: 9000 increments were lost; lock a sync.Mutex around the whole read-add-write in Inc`)
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadSleepyCounter", "loses no increment when 10 goroutines count one key"))
}

func TestACounterThatNeverUnlocksIsToldItDeadlocked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadForgetfulCounter")
	assert.Contains(t, out, "panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex")
	assert.Contains(t, out, "waiting (sync.Mutex.Lock) in (*forgetfulCounter).Value (checks_test.go:")
	assert.Contains(t, out, "a Lock without its Unlock")
}

func TestATransferThatLocksInTheOrderGivenIsToldItDeadlocked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadNaiveTransfer")
	assert.Contains(t, out, "Transfer(account 1, account 1, 10): 1 goroutine was still waiting after 1m0s of fake time, "+
		"a deadlock: account 1 is locked and 1 transfer waits for it")
	assert.Contains(t, out, "a lock is not reentrant")
	assert.Contains(t, out, "2 goroutines making 10 transfers each (account 1 → account 2, account 2 → account 1): "+
		"2 goroutines were still waiting after 1m0s of fake time, a deadlock: "+
		"account 1 is locked and 1 transfer waits for it; account 2 is locked and 1 transfer waits for it")
	assert.Contains(t, out, "Lock the two accounts of a transfer in the same order every time")
	assert.NotContains(t, out, "goroutine leak", "the goroutines stuck in a deadlock are ended after it is reported")
	assert.Contains(t, out, "FAIL bank-transfer: 3/10 points")
}

func TestATransferThatLetsGoOfOneAccountIsToldMoneyWentMissing(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSplitTransfer")
	assert.Contains(t, out, "an audit that locked both accounts, in ID order, while Transfer(account 2, account 1, 10) ran "+
		"counted 1990, want 2000: 10 was in neither account")
	assert.Contains(t, out, "Transfer(account 1, account 1, 10) returned nil, want locks.ErrSameAccount")
	assert.Contains(t, out, "FAIL bank-transfer: 7/10 points")
}

func TestAPollingLockIsToldItIsLate(t *testing.T) {
	out := exercisetest.Output(t, "TestBadPollingLock")
	assert.Contains(t, out, "LockTimeout(time.Second) got the lock after 105ms, want 100ms: the moment the holder called Unlock")
	assert.Contains(t, out, "--- PASS: "+subtest("TestBadPollingLock", "gives up when the context ends"))
}

func TestALockThatCannotGiveUpIsToldItDeadlocked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBlockingLock")
	assert.Contains(t, out, "panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex")
	assert.Contains(t, out, "waiting (sync.Mutex.Lock) in (*blockingLock).LockTimeout (checks_test.go:")
	assert.Contains(t, out, "cannot move while a goroutine waits for a sync.Mutex")
}

func TestALockThatKeepsTryingAfterGivingUpIsToldSo(t *testing.T) {
	out := exercisetest.Output(t, "TestBadLeakyLock")
	assert.Contains(t, out, "LockTimeout(time.Second) returned false after 1s, want true at once: "+
		"the attempt that gave up must not take the lock later")
	assert.Contains(t, out, "FAIL lock-with-timeout: 8/10 points")
}

// racyCounter guards nothing.
type racyCounter struct{ counts map[string]int }

func (c *racyCounter) Inc(key string)       { c.counts[key]++ }
func (c *racyCounter) Value(key string) int { return c.counts[key] }

func TestBadRacyCounter(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckSafeCounter(t, func() *racyCounter { return &racyCounter{map[string]int{}} })
}

func TestARacyCounterIsStoppedByTheRaceDetector(t *testing.T) {
	if !raceEnabled {
		t.Skip("needs -race")
	}
	out := exercisetest.Output(t, "TestBadRacyCounter")
	assert.Contains(t, out, "WARNING: DATA RACE")
	assert.Contains(t, out, "(*racyCounter).Inc()")
	// Then the runtime may stop it too: "fatal error: concurrent map writes".
}
