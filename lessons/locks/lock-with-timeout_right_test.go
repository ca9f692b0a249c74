package locks

import (
	"context"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/semaphore"
)

// Correct timeout locks in other styles than the reference's one-token
// channel: each must pass, every run.

// condLock is a flag guarded by a sync.Mutex, waited for with a
// sync.Cond; context.AfterFunc wakes the waiters when a context ends.
type condLock struct {
	mu     sync.Mutex
	cond   *sync.Cond
	locked bool
}

func newCondLock() *condLock {
	l := new(condLock)
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *condLock) LockContext(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.cond.Broadcast()
	})
	defer stop()
	l.mu.Lock()
	defer l.mu.Unlock()
	for l.locked {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.cond.Wait()
	}
	l.locked = true
	return nil
}

func (l *condLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

func (l *condLock) Unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.locked = false
	l.cond.Signal()
}

// semaphoreLock is a weighted semaphore of one.
type semaphoreLock struct{ sem *semaphore.Weighted }

func (l semaphoreLock) LockContext(ctx context.Context) error { return l.sem.Acquire(ctx, 1) }

func (l semaphoreLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.sem.Acquire(ctx, 1) == nil
}

func (l semaphoreLock) Unlock() { l.sem.Release(1) }

// timerLock is a one-token channel whose LockTimeout waits on a timer
// of its own rather than a context.
type timerLock struct{ tokenLock }

func (l *timerLock) LockTimeout(d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case l.token <- struct{}{}:
		return true
	case <-timer.C:
		return false
	}
}

func TestTimeoutLocksInOtherStylesPass(t *testing.T) {
	for range 10 {
		t.Run("sync.Cond", func(t *testing.T) { CheckLockWithTimeout(t, newCondLock) })
		t.Run("semaphore.Weighted", func(t *testing.T) {
			CheckLockWithTimeout(t, func() semaphoreLock { return semaphoreLock{semaphore.NewWeighted(1)} })
		})
		t.Run("a timer of its own", func(t *testing.T) {
			CheckLockWithTimeout(t, func() *timerLock { return &timerLock{newTokenLock()} })
		})
	}
}
