package locks

import (
	"context"
	"time"
)

// TimeoutLock is a mutual exclusion lock whose acquire can give up.
//
// It is a channel with room for one token: whoever puts the token in
// holds the lock, and Unlock takes it out. Unlike sync.Mutex.Lock, a
// send on a channel can wait in a select beside a context's Done
// channel, so waiting for the lock and giving up are one statement.
type TimeoutLock struct {
	token chan struct{}
}

// NewTimeoutLock returns an unlocked lock.
func NewTimeoutLock() *TimeoutLock {
	return &TimeoutLock{token: make(chan struct{}, 1)}
}

// LockContext takes the lock, waiting as long as it is held, or gives
// up when ctx ends. It returns nil when the caller holds the lock, or
// ctx.Err() when it gave up, without the lock.
func (l *TimeoutLock) LockContext(ctx context.Context) error {
	select {
	case l.token <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// LockTimeout takes the lock, or gives up after d. It reports whether
// the caller holds the lock: Python's lock.acquire(timeout=d).
func (l *TimeoutLock) LockTimeout(d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return l.LockContext(ctx) == nil
}

// Unlock releases the lock, letting one waiter in.
func (l *TimeoutLock) Unlock() {
	<-l.token
}
