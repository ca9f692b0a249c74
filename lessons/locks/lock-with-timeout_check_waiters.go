package locks

import (
	"context"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// checkLockQueue has five goroutines wait for a lock held for 100ms;
// each holds it for 10ms once it has it. They must get in one at a
// time, each the moment the one before lets go.
func checkLockQueue[L TimeoutLocker](t *testing.T, newLock func() L) {
	const waiters, first, each = 5, 100 * time.Millisecond, 10 * time.Millisecond
	l := newLock()
	if !call(t, "LockTimeout(time.Second) on a free lock", func() { l.LockTimeout(time.Second) }) {
		return
	}
	var inside exercise.InFlight
	start := time.Now()
	gaveUp := make([]bool, waiters)
	cr := new(crew)
	for w := range waiters {
		cr.Go(func() {
			if !l.LockTimeout(time.Second) {
				gaveUp[w] = true
				return
			}
			leave := inside.Enter()
			time.Sleep(each)
			leave()
			l.Unlock()
		})
	}
	cr.Go(func() {
		time.Sleep(first)
		l.Unlock()
	})
	if !finished(t, cr, "LockTimeout and Unlock") {
		return
	}
	took := time.Since(start)
	want := first + waiters*each
	for w, g := range gaveUp {
		if g {
			t.Errorf("waiter %d of %d gave up, want every waiter to get the lock within its second", w+1, waiters)
		}
	}
	if peak := inside.Peak(); peak > 1 {
		t.Errorf("%d waiters held the lock at the same time, want one at a time: %s", peak, oneAtATime)
		return
	}
	if took != want {
		t.Errorf("%d waiters holding the lock %v each, after it was held for %v, were done after %v, want exactly %v: "+
			"each should get the lock the moment the one before lets go", waiters, each, first, took, want)
	}
}

// oneAtATime is what the checks say when waiters held the lock at once.
const oneAtATime = "Unlock must let exactly one waiter in (hand the token to one, or make every " +
	"waiter that wakes check again whether the lock is free)"

// mixedHint is what checkLockMixed says when a waiter that stays in
// never gets the lock.
const mixedHint = "the waiters that stay in must get the lock once the holder lets go, whatever the waiters " +
	"that gave up did: giving up must leave the lock, and the line of waiters, as if that waiter had never asked"

// checkLockMixed queues five waiters for a lock held for 100ms, a
// millisecond apart, each with its own patience: three give up before
// the holder lets go, two stay in. The two must get the lock one after
// the other, from 100ms on, each holding it for 10ms; the three must
// give up on time, each after its own wait.
func checkLockMixed[L TimeoutLocker](t *testing.T, newLock func() L) {
	const held, each = 100 * time.Millisecond, 10 * time.Millisecond
	waiters := []struct {
		what     string
		patience time.Duration // 0: LockContext, canceled after cancelAt
		cancelAt time.Duration
		stays    bool
	}{
		{"LockContext with a context canceled after 30ms", 0, 30 * time.Millisecond, false},
		{"LockTimeout(50ms)", 50 * time.Millisecond, 0, false},
		{"LockTimeout(time.Second)", time.Second, 0, true},
		{"LockTimeout(20ms)", 20 * time.Millisecond, 0, false},
		{"LockContext with a context canceled after 1s", 0, time.Second, true},
	}
	l := newLock()
	if !call(t, "LockTimeout(time.Second) on a free lock", func() { l.LockTimeout(time.Second) }) {
		return
	}
	start := time.Now()
	var inside exercise.InFlight
	got := make([]bool, len(waiters)) // waiter w writes only got[w] and took[w]
	took := make([]time.Duration, len(waiters))
	cr := new(crew)
	for w, wt := range waiters {
		cr.Go(func() {
			time.Sleep(time.Duration(w) * time.Millisecond) // in line in this order
			asked := time.Now()
			if wt.patience > 0 {
				got[w] = l.LockTimeout(wt.patience)
			} else {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				defer time.AfterFunc(wt.cancelAt, cancel).Stop()
				got[w] = l.LockContext(ctx) == nil
			}
			took[w] = time.Since(asked)
			if got[w] {
				leave := inside.Enter()
				time.Sleep(each)
				leave()
				l.Unlock()
			}
		})
	}
	cr.Go(func() {
		time.Sleep(held)
		l.Unlock()
	})
	what := "five waiters, three of which gave up before the holder's Unlock at 100ms"
	if !finished(t, cr, "LockTimeout, LockContext and Unlock") {
		if cr.Panicked() == nil {
			t.Log(mixedHint)
		}
		return
	}
	for w, wt := range waiters {
		want := wt.patience
		if want == 0 {
			want = wt.cancelAt
		}
		switch {
		case got[w] != wt.stays && wt.stays:
			t.Errorf("%s: %s, in line %dms after the holder locked it, gave up after %v, want it to get the lock: %s",
				what, wt.what, w, took[w], mixedHint)
		case got[w] != wt.stays:
			t.Errorf("%s: %s, in line %dms after the holder locked it, got the lock after %v, "+
				"while another goroutine held it: two goroutines held the lock at once", what, wt.what, w, took[w])
		case !wt.stays && took[w] != want:
			t.Errorf("%s: %s, in line %dms after the holder locked it, gave up after %v, want exactly %v: "+
				"each waiter gives up after its own wait, whatever the others wait for", what, wt.what, w, took[w], want)
		default:
			continue
		}
		return
	}
	if peak := inside.Peak(); peak > 1 {
		t.Errorf("%s: %d waiters held the lock at the same time, want one at a time: %s", what, peak, oneAtATime)
		return
	}
	if done, want := time.Since(start), held+2*each; done != want {
		t.Errorf("%s: the two that stayed in, holding the lock %v each, were done after %v, want exactly %v: "+
			"each should get the lock the moment the one before lets go", what, each, done, want)
	}
}
