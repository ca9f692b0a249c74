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

// Wrong timeout locks, the subtle ones first. Each Bad… test fails on
// purpose and runs only in a child process that the test after it
// starts and reads. All of them fail on the fake clock, the same way
// every run.

// tokenLock is the one-token channel that most of them start from.
type tokenLock struct{ token chan struct{} }

func newTokenLock() tokenLock { return tokenLock{make(chan struct{}, 1)} }

func (l *tokenLock) LockContext(ctx context.Context) error {
	select {
	case l.token <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *tokenLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

func (l *tokenLock) Unlock() { <-l.token }

// queueLock hands the lock from Unlock straight to the first waiter
// in line, but a waiter that gives up keeps its place: the lock goes
// to nobody.
type queueLock struct {
	mu    sync.Mutex
	held  bool
	queue []chan struct{}
}

func (l *queueLock) LockContext(ctx context.Context) error {
	l.mu.Lock()
	if !l.held {
		l.held = true
		l.mu.Unlock()
		return nil
	}
	turn := make(chan struct{}, 1)
	l.queue = append(l.queue, turn)
	l.mu.Unlock()
	select {
	case <-turn:
		return nil
	case <-ctx.Done():
		return ctx.Err() // still in l.queue
	}
}

func (l *queueLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

func (l *queueLock) Unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.queue) == 0 {
		l.held = false
		return
	}
	l.queue[0] <- struct{}{}
	l.queue = l.queue[1:]
}

// broadcastLock wakes every waiter on Unlock, by closing a channel,
// and each one takes the lock without looking whether another already
// has.
type broadcastLock struct {
	mu     sync.Mutex
	locked bool
	free   chan struct{} // closed by Unlock
}

func newBroadcastLock() *broadcastLock { return &broadcastLock{free: make(chan struct{})} }

func (l *broadcastLock) LockContext(ctx context.Context) error {
	l.mu.Lock()
	if !l.locked {
		l.locked = true
		l.mu.Unlock()
		return nil
	}
	free := l.free
	l.mu.Unlock()
	select {
	case <-free:
		l.mu.Lock()
		l.locked = true
		l.mu.Unlock()
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *broadcastLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

func (l *broadcastLock) Unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.locked = false
	close(l.free)
	l.free = make(chan struct{})
}

// sharedTimerLock keeps one timer for all its waiters: each
// LockTimeout resets it, so one waiter's wait moves another's.
type sharedTimerLock struct {
	tokenLock
	timer *time.Timer
}

func newSharedTimerLock() *sharedTimerLock {
	l := &sharedTimerLock{tokenLock: newTokenLock(), timer: time.NewTimer(time.Hour)}
	l.timer.Stop()
	return l
}

func (l *sharedTimerLock) LockTimeout(d time.Duration) bool {
	l.timer.Reset(d)
	select {
	case l.token <- struct{}{}:
		return true
	case <-l.timer.C:
		return false
	}
}

// stealingLock "cleans up" when it gives up: it takes the token out,
// which unlocks the lock its holder still holds.
type stealingLock struct{ tokenLock }

func (l *stealingLock) LockTimeout(d time.Duration) bool {
	select {
	case l.token <- struct{}{}:
		return true
	case <-time.After(d):
		select {
		case <-l.token:
		default:
		}
		return false
	}
}

// leakyContextLock waits in a goroutine of its own and leaves it
// behind when the context ends; it takes the lock later, for no one.
type leakyContextLock struct{ tokenLock }

func (l *leakyContextLock) LockContext(ctx context.Context) error {
	got := make(chan struct{})
	go func() {
		l.token <- struct{}{}
		close(got)
	}()
	select {
	case <-got:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leakyLock does the same in LockTimeout.
type leakyLock struct{ tokenLock }

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

// unfinishedLock has its Unlock still a TODO.
type unfinishedLock struct{ tokenLock }

func (l *unfinishedLock) Unlock() { panic("TODO: take the token back") }

func TestBadQueueLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *queueLock { return new(queueLock) })
}

func TestBadBroadcastLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, newBroadcastLock)
}

func TestBadSharedTimerLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, newSharedTimerLock)
}

func TestBadStealingLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *stealingLock { return &stealingLock{newTokenLock()} })
}

func TestBadLeakyContextLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *leakyContextLock { return &leakyContextLock{newTokenLock()} })
}

func TestBadLeakyLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *leakyLock { return &leakyLock{newTokenLock()} })
}

func TestBadPollingLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *pollingLock { return new(pollingLock) })
}

func TestBadBlockingLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *blockingLock { return new(blockingLock) })
}

func TestBadUnfinishedLock(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckLockWithTimeout(t, func() *unfinishedLock { return &unfinishedLock{newTokenLock()} })
}

func TestALockThatKeepsAGoneWaitersPlaceIsToldTheLockWentToNobody(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadQueueLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "five waiters, three of which gave up before the holder's Unlock at 100ms: "+
			"LockTimeout(time.Second), in line 2ms after the holder locked it, gave up after 1s, want it to get the lock: "+
			"the waiters that stay in must get the lock once the holder lets go")
		assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestBadQueueLock", "lets waiters in one at a time"))
		assert.Contains(t, out, "FAIL lock-with-timeout: 5/10 points\n")
	})
}

func TestALockThatLetsEveryWaiterInIsToldTheyHeldItAtOnce(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadBroadcastLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "5 waiters held the lock at the same time, want one at a time: "+
			"Unlock must let exactly one waiter in")
		assert.Contains(t, out, "five waiters, three of which gave up before the holder's Unlock at 100ms: "+
			"2 waiters held the lock at the same time")
		assert.NotContains(t, out, "were done after")
		assert.Contains(t, out, "FAIL lock-with-timeout: 7/10 points\n")
	})
}

func TestALockWithOneTimerForAllWaitersIsToldTheWaitsMoved(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadSharedTimerLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "LockTimeout(50ms), in line 1ms after the holder locked it, gave up after 22ms, want exactly 50ms: "+
			"each waiter gives up after its own wait, whatever the others wait for\n")
		assert.Contains(t, out, "FAIL lock-with-timeout: 9/10 points\n")
	})
}

func TestALockThatTakesTheTokenWhenItGivesUpIsToldTwoHeldIt(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadStealingLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "after LockTimeout(50ms) gave up, LockTimeout(10ms) from a third goroutine got the lock "+
			"while its holder still held it: two goroutines held the lock at once")
		assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestBadStealingLock", "gives up when the context ends"))
		assert.Contains(t, out, "FAIL lock-with-timeout: 7/10 points\n")
	})
}

func TestALockContextThatKeepsTryingAfterGivingUpIsToldSo(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadLeakyContextLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "after two LockContext calls that gave up and the holder's Unlock, LockTimeout(time.Second) "+
			"returned false after 1s, want true at once: an attempt that gave up must not take the lock later\n")
		assert.Contains(t, out, "waiting (chan send) in (*leakyContextLock).LockContext.func1 (lock-with-timeout_wrong_test.go:")
		assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestBadLeakyContextLock", "gives up after the duration while the lock is held"))
		assert.Contains(t, out, "FAIL lock-with-timeout: 7/10 points\n")
	})
}

func TestALockThatKeepsTryingAfterGivingUpIsToldSo(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadLeakyLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "after a LockTimeout(50ms) that gave up and the holder's Unlock, LockTimeout(time.Second) "+
			"returned false after 1s, want true at once: the attempt that gave up must not take the lock later\n")
		assert.Contains(t, out, "FAIL lock-with-timeout: 7/10 points\n")
	})
}

func TestAPollingLockIsToldItIsLate(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadPollingLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "LockTimeout(time.Second) got the lock after 105ms, want 100ms: the moment the holder called Unlock")
		assert.Contains(t, out, "--- PASS: "+exercise.Subtest("TestBadPollingLock", "gives up when the context ends"))
		assert.Contains(t, out, "FAIL lock-with-timeout: 5/10 points\n")
	})
}

func TestALockThatCannotGiveUpIsToldItDeadlocked(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadBlockingLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "panic: deadlock: every goroutine of the check waits, and some wait for a sync.Mutex")
		assert.Contains(t, out, "waiting (sync.Mutex.Lock) in (*blockingLock).LockTimeout (lock-with-timeout_wrong_test.go:")
		assert.Contains(t, out, "cannot move while a goroutine waits for a sync.Mutex")
	})
}

func TestALockWhoseUnlockIsATODOIsToldThePanic(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadUnfinishedLock"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "your code panicked: TODO: take the token back (in (*unfinishedLock).Unlock)\n")
		assert.NotContains(t, out, "a deadlock")
		assert.NotContains(t, out, mixedHint)
		assert.Contains(t, out, "FAIL lock-with-timeout: 0/10 points\n")
	})
}
