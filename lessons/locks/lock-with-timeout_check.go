package locks

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// TimeoutLocker is what the lock-with-timeout exercise asks for: a
// lock whose acquire can give up, after a duration or when a context
// ends.
type TimeoutLocker interface {
	LockContext(ctx context.Context) error
	LockTimeout(d time.Duration) bool
	Unlock()
}

// CheckLockWithTimeout checks the lock-with-timeout exercise: newLock
// returns an unlocked lock; LockTimeout(d) takes it or gives up after
// d, and LockContext(ctx) takes it or gives up when ctx ends, the
// moment either happens, never holding the lock after giving up, nor
// taking it later, nor freeing it for its holder; and a waiter that
// gives up leaves the others in line as if it had never asked.
//
// Every claim is timed on synctest's fake clock: "gives up after 50ms"
// means exactly 50ms, every run. A lock built on a sync.Mutex cannot
// give up while it waits, and stops the fake clock too; the check then
// ends with a deadlock report (see exercise.MutexBubble).
func CheckLockWithTimeout[L TimeoutLocker](t *testing.T, newLock func() L) {
	t.Helper()
	exercise.Check(t, "lock-with-timeout",
		exercise.Part{Name: "takes a free lock at once", Points: 1,
			Run: exercise.InMutexBubble(newLock, checkLockFree[L])},
		exercise.Part{Name: "makes a second goroutine wait until Unlock", Points: 2,
			Run: exercise.InMutexBubble(newLock, checkLockWaits[L])},
		exercise.Part{Name: "gives up after the duration while the lock is held", Points: 2,
			Run: exercise.InMutexBubble(newLock, checkLockTimeout[L])},
		exercise.Part{Name: "gives up when the context ends", Points: 2,
			Run: exercise.InMutexBubble(newLock, checkLockContext[L])},
		exercise.Part{Name: "lets waiters in one at a time", Points: 2,
			Run: exercise.InMutexBubble(newLock, checkLockQueue[L])},
		exercise.Part{Name: "lets the waiters that stay in when others give up", Points: 1,
			Run: exercise.InMutexBubble(newLock, checkLockMixed[L])},
	)
}

func checkLockFree[L TimeoutLocker](t *testing.T, newLock func() L) {
	l := newLock()
	got, took, ok := timed(t, "LockTimeout(time.Second) on a free lock", func() bool {
		return l.LockTimeout(time.Second)
	})
	if !ok {
		return
	}
	if !got || took != 0 {
		t.Errorf("LockTimeout(time.Second) on a free lock returned %v after %v, want true at once", got, took)
		return
	}
	call(t, "Unlock", l.Unlock)
	err, took, ok := timed(t, "LockContext(ctx) on a free lock", func() error {
		return l.LockContext(context.Background())
	})
	if ok && (err != nil || took != 0) {
		t.Errorf("LockContext(ctx) on a free lock returned %v after %v, want nil at once", quoted(err), took)
	}
}

// checkLockWaits holds the lock for 100ms while a second goroutine
// asks for it, with LockTimeout and then with LockContext.
func checkLockWaits[L TimeoutLocker](t *testing.T, newLock func() L) {
	const held = 100 * time.Millisecond
	for _, how := range []string{"LockTimeout(time.Second)", "LockContext(ctx)"} {
		l := newLock()
		if !call(t, how+" on a free lock", func() { acquire(l, how) }) {
			return
		}
		cr := new(crew)
		var got bool
		var took time.Duration
		start := time.Now()
		cr.Go(func() {
			got = acquire(l, how)
			took = time.Since(start)
		})
		cr.Go(func() {
			time.Sleep(held)
			l.Unlock()
		})
		if !finished(t, cr, how+" and Unlock") {
			return
		}
		switch {
		case !got:
			t.Errorf("%s gave up after %v, want it to get the lock at %v, when the goroutine holding it "+
				"called Unlock: Unlock must let a waiter in", how, took, held)
		case took < held:
			t.Errorf("%s got the lock after %v while another goroutine held it until %v: "+
				"two goroutines held the lock at once", how, took, held)
		case took > held:
			t.Errorf("%s got the lock after %v, want %v: the moment the holder called Unlock, not later "+
				"(wait on a channel rather than checking again and again)", how, took, held)
		}
	}
}

// checkLockTimeout holds the lock, lets an hour of fake time pass
// (work after idling), then asks for it for 50ms. After giving up the
// asker must not hold the lock, then or later, nor have taken it from
// the holder.
func checkLockTimeout[L TimeoutLocker](t *testing.T, newLock func() L) {
	const wait = 50 * time.Millisecond
	l := newLock()
	if !call(t, "LockTimeout(time.Second) on a free lock", func() { l.LockTimeout(time.Second) }) {
		return
	}
	time.Sleep(time.Hour)
	got, took, ok := timed(t, "LockTimeout(50ms) on a held lock", func() bool { return l.LockTimeout(wait) })
	if !ok {
		return
	}
	switch {
	case got:
		t.Errorf("LockTimeout(50ms) returned true after %v while another goroutine held the lock: "+
			"two goroutines held the lock at once", took)
		return
	case took != wait:
		t.Errorf("LockTimeout(50ms) on a held lock (held for an hour already) gave up after %v, want exactly 50ms", took)
		return
	}
	if !stillHeld(t, l, "LockTimeout(50ms) gave up", false) {
		return
	}
	time.Sleep(time.Second) // time for a late acquire, if something is still trying
	if !call(t, "Unlock", l.Unlock) {
		return
	}
	got, took, ok = timed(t, "LockTimeout(time.Second) after Unlock", func() bool { return l.LockTimeout(time.Second) })
	if ok && (!got || took != 0) {
		t.Errorf("after a LockTimeout(50ms) that gave up and the holder's Unlock, LockTimeout(time.Second) "+
			"returned %v after %v, want true at once: the attempt that gave up must not take the lock later", got, took)
	}
}

// stillHeld asks for a held lock for 10ms, after an attempt that gave
// up (what says which): it must give up too, or the attempt that gave
// up freed the holder's lock. It asks the way the attempt did, with
// LockContext or LockTimeout, so that a broken other method cannot
// spoil this part.
func stillHeld(t *testing.T, l TimeoutLocker, what string, withContext bool) bool {
	t.Helper()
	how := "LockTimeout(10ms)"
	if withContext {
		how = "LockContext with a 10ms timeout"
	}
	got, _, ok := timed(t, how+" on a held lock", func() bool {
		if !withContext {
			return l.LockTimeout(10 * time.Millisecond)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		defer cancel()
		return l.LockContext(ctx) == nil
	})
	if ok && got {
		t.Errorf("after %s, %s from a third goroutine got the lock while its holder still held it: "+
			"two goroutines held the lock at once. Giving up must leave the lock as it was: do not take "+
			"the token out unless you put it in", what, how)
	}
	return ok && !got
}

// checkLockContext gives up on a held lock twice: once when the context
// is canceled, once when its deadline passes. Neither may take the
// lock later.
func checkLockContext[L TimeoutLocker](t *testing.T, newLock func() L) {
	l := newLock()
	if !call(t, "LockTimeout(time.Second) on a free lock", func() { l.LockTimeout(time.Second) }) {
		return
	}
	cases := []struct {
		what string
		ctx  func() (context.Context, context.CancelFunc)
		want error
		at   time.Duration
	}{
		{"a context canceled after 30ms", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(30*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled, 30 * time.Millisecond},
		{"a context with a 40ms timeout", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 40*time.Millisecond)
		}, context.DeadlineExceeded, 40 * time.Millisecond},
	}
	for _, c := range cases {
		ctx, cancel := c.ctx()
		err, took, ok := timed(t, "LockContext with "+c.what, func() error { return l.LockContext(ctx) })
		cancel()
		if !ok {
			return
		}
		switch {
		case err == nil:
			t.Errorf("LockContext with %s returned nil after %v while another goroutine held the lock: "+
				"two goroutines held the lock at once", c.what, took)
			return
		case !errors.Is(err, c.want):
			t.Errorf("LockContext with %s returned %q, want ctx.Err() (%q)", c.what, err, c.want)
			return
		case took != c.at:
			t.Errorf("LockContext with %s on a held lock gave up after %v, want exactly %v", c.what, took, c.at)
			return
		}
		if !stillHeld(t, l, "LockContext with "+c.what+" gave up", true) {
			return
		}
	}
	time.Sleep(time.Second) // time for a late acquire, if something is still trying
	if !call(t, "Unlock", l.Unlock) {
		return
	}
	got, took, ok := timed(t, "LockTimeout(time.Second) after Unlock", func() bool { return l.LockTimeout(time.Second) })
	if ok && (!got || took != 0) {
		t.Errorf("after two LockContext calls that gave up and the holder's Unlock, LockTimeout(time.Second) "+
			"returned %v after %v, want true at once: an attempt that gave up must not take the lock later", got, took)
	}
}

// acquire takes l the way how says.
func acquire(l TimeoutLocker, how string) bool {
	if how == "LockContext(ctx)" {
		return l.LockContext(context.Background()) == nil
	}
	return l.LockTimeout(time.Second)
}
