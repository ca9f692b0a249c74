package locks

import (
	"fmt"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// Counter is what the safe-counter exercise asks for: counts by key,
// safe for concurrent use.
type Counter interface {
	Inc(key string)
	Value(key string) int
}

// CheckSafeCounter checks the safe-counter exercise: newCounter returns
// an empty counter that many goroutines may use at once, and that
// loses no increment.
//
// The parts run in a synctest bubble watched for mutex deadlocks, so a
// Lock without its Unlock is reported rather than hanging the check.
// Races are left to the race detector: run the check with -race (the
// notebook and goconc check do), and an Inc or a Value that touches the
// map without the lock fails with a race report.
func CheckSafeCounter[C Counter](t *testing.T, newCounter func() C) {
	t.Helper()
	exercise.Check(t, "safe-counter",
		exercise.Part{Name: "counts the increments of one goroutine", Points: 2,
			Run: exercise.InMutexBubble(newCounter, checkCountAlone[C])},
		exercise.Part{Name: "loses no increment when 10 goroutines count one key", Points: 4,
			Run: exercise.InMutexBubble(newCounter, checkCountTogether[C])},
		exercise.Part{Name: "counts different keys apart at the same time", Points: 2,
			Run: exercise.InMutexBubble(newCounter, checkCountKeys[C])},
		exercise.Part{Name: "lets Value read while other goroutines count", Points: 2,
			Run: exercise.InMutexBubble(newCounter, checkCountReads[C])},
	)
}

func checkCountAlone[C Counter](t *testing.T, newCounter func() C) {
	c := newCounter()
	if !call(t, `1000 calls of Inc("page")`, func() {
		for range 1000 {
			c.Inc("page")
		}
	}) {
		return
	}
	if got := c.Value("page"); got != 1000 {
		t.Errorf(`Value("page") = %d after 1000 calls of Inc("page"), want 1000`, got)
	}
	if got := c.Value("never counted"); got != 0 {
		t.Errorf(`Value("never counted") = %d, want 0 for a key that was never counted`, got)
	}
}

// checkCountTogether is the seed's race: many goroutines, one count.
func checkCountTogether[C Counter](t *testing.T, newCounter func() C) {
	const goroutines, each = 10, 1000
	c := newCounter()
	cr := newCrew(goroutines)
	for range goroutines {
		cr.Go(func() {
			for range each {
				c.Inc("hits")
			}
		})
	}
	if !finished(t, cr, "Inc") {
		return
	}
	if got, want := c.Value("hits"), goroutines*each; got != want {
		t.Errorf(`Value("hits") = %d after %d goroutines called Inc("hits") %d times each, want %d: `+
			`%d increments were lost; lock a sync.Mutex around the whole read-add-write in Inc`,
			got, goroutines, each, want, want-got)
	}
}

// checkCountKeys gives each goroutine a key of its own, all in one map.
func checkCountKeys[C Counter](t *testing.T, newCounter func() C) {
	const keys = 5
	c := newCounter()
	cr := newCrew(keys)
	for k := range keys {
		cr.Go(func() {
			for range (k + 1) * 100 {
				c.Inc(fmt.Sprint("key ", k))
			}
		})
	}
	if !finished(t, cr, "Inc") {
		return
	}
	for k := range keys {
		key := fmt.Sprint("key ", k)
		if got, want := c.Value(key), (k+1)*100; got != want {
			t.Errorf("Value(%q) = %d after one goroutine called Inc(%q) %d times, want %d "+
				"(%d goroutines counted %d keys at once)", key, got, key, want, want, keys, keys)
		}
	}
}

// checkCountReads reads while others write: every read must see a
// count that has only grown, and never more than was counted.
func checkCountReads[C Counter](t *testing.T, newCounter func() C) {
	const writers, readers, each = 4, 4, 500
	c := newCounter()
	cr := newCrew(writers + readers)
	for range writers {
		cr.Go(func() {
			for range each {
				c.Inc("visits")
			}
		})
	}
	bad := make([]string, readers) // reader r writes only bad[r]
	for r := range readers {
		cr.Go(func() {
			last := 0
			for range each {
				v := c.Value("visits")
				switch {
				case bad[r] != "":
				case v < last:
					bad[r] = fmt.Sprintf(`Value("visits") returned %d after it had returned %d: `+
						`a count that only grows went down`, v, last)
				case v > writers*each:
					bad[r] = fmt.Sprintf(`Value("visits") returned %d, more than the %d increments made`,
						v, writers*each)
				}
				last = max(last, v)
			}
		})
	}
	if !finished(t, cr, "Inc or Value") {
		return
	}
	for _, msg := range bad {
		if msg != "" {
			t.Error(msg)
		}
	}
	if got, want := c.Value("visits"), writers*each; got != want {
		t.Errorf(`Value("visits") = %d after %d goroutines called Inc("visits") %d times each, want %d`,
			got, writers, each, want)
	}
}

// finished waits for a crew of goroutines calling the counter, and
// fails t if one panicked or they never finished.
func finished(t *testing.T, cr *crew, calls string) bool {
	t.Helper()
	if !cr.Wait() {
		t.Errorf("%s calling %s had not returned after %v of fake time: they wait for something "+
			"that never happens (a deadlock)", plural(cr.Running(), "goroutine"), calls, stuckAfter)
		return false
	}
	return !cr.Panicked(t)
}
