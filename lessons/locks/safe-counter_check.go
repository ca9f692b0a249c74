package locks

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

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
// Each claim with many goroutines is tried twice. First the goroutines
// take turns, a second of fake time apart: no two ever touch the
// counter at the same real instant, yet nothing orders their accesses
// but the counter's own lock, so the race detector reports an unlocked
// map every run, and Go's runtime never gets the chance to end the
// check first with "fatal error: concurrent map writes". Then they run
// at once, for real, to lose the increments of an Inc that reads and
// writes in two steps (a Load then a Store, both atomic, is no data
// race): see [hammer]. That second try is skipped once a race has been
// reported, since a race scores 0 anyway (exercise.NoRaceClaim).
//
// The parts run in a synctest bubble watched for mutex deadlocks, so a
// Lock without its Unlock is reported rather than hanging the check.
func CheckSafeCounter[C Counter](t *testing.T, newCounter func() C) {
	t.Helper()
	cc := counterCheck[C]{newCounter, exercise.RacesSoFar()}
	exercise.Check(t, "safe-counter",
		exercise.Part{Name: "counts the increments of one goroutine", Points: 2,
			Run: exercise.InMutexBubble(cc, checkCountAlone[C])},
		exercise.Part{Name: "loses no increment when 10 goroutines count one key", Points: 4,
			Run: exercise.InMutexBubble(cc, checkCountTogether[C])},
		exercise.Part{Name: "counts different keys apart at the same time", Points: 2,
			Run: exercise.InMutexBubble(cc, checkCountKeys[C])},
		exercise.Part{Name: "lets Value read while other goroutines count", Points: 2,
			Run: exercise.InMutexBubble(cc, checkCountReads[C])},
	)
}

// counterCheck is what every part of the check needs: the learner's
// constructor, and the race count when the check began.
type counterCheck[C Counter] struct {
	newCounter func() C
	races      int
}

// raced reports whether the race detector has reported a race since
// the check began; if so it fails t, saying why the part stops there.
func (cc counterCheck[C]) raced(t *testing.T) bool {
	t.Helper()
	if exercise.RacesSoFar() == cc.races {
		return false
	}
	t.Error("not tried with the goroutines at the same time: the race detector reported a data race " +
		"(above) in your counter, and goroutines that use an unlocked map at the same instant can make Go's " +
		"runtime end the check (fatal error: concurrent map writes) before it could tell you your score. " +
		"Lock the mutex in every method, Value included")
	return true
}

// value calls c.Value(key) in a goroutine of its own, so that a panic
// in it names the method, and a Value that never returns fails t.
func value(t *testing.T, c Counter, key string) (int, bool) {
	t.Helper()
	v, ok := exercise.Returns(func() int { return c.Value(key) })
	if !ok {
		t.Errorf("Value(%q) had not returned after %v of fake time: it waits for something that never happens "+
			"(a deadlock)", key, exercise.StuckAfter)
	}
	return v, ok
}

func checkCountAlone[C Counter](t *testing.T, cc counterCheck[C]) {
	c := cc.newCounter()
	if !call(t, `1000 calls of Inc("page")`, func() {
		for range 1000 {
			c.Inc("page")
		}
	}) {
		return
	}
	if got, ok := value(t, c, "page"); !ok || got != 1000 {
		if ok {
			t.Errorf(`Value("page") = %d after 1000 calls of Inc("page"), want 1000`, got)
		}
		return
	}
	if got, ok := value(t, c, "never counted"); ok && got != 0 {
		t.Errorf(`Value("never counted") = %d, want 0 for a key that was never counted`, got)
	}
}

// Two ways to run a part's goroutines: taking turns on the fake
// clock, or all at once, released together.
const (
	inTurns = "taking turns"
	atOnce  = "at the same time"
)

// together runs body(g) for g in 0..n-1, each in a goroutine of its
// own, the way how says, and waits for them.
func together(t *testing.T, n int, how, calls string, body func(g int)) bool {
	t.Helper()
	start := make(chan struct{})
	cr := new(crew)
	for g := range n {
		cr.Go(func() {
			if how == inTurns {
				// Fake time: goroutine g runs alone, g seconds in. The
				// goroutines were all started at 0, so no channel or
				// Wait of ours orders goroutine g after g-1: only the
				// counter's lock can.
				time.Sleep(time.Duration(g) * time.Second)
			} else {
				<-start
			}
			body(g)
		})
	}
	if how == atOnce {
		synctest.Wait() // every goroutine waits at start
		close(start)
	}
	return finished(t, cr, calls)
}

// checkCountTogether is the seed's race: many goroutines, one count.
func checkCountTogether[C Counter](t *testing.T, cc counterCheck[C]) {
	const goroutines, each = 10, 1000
	c := cc.newCounter()
	if !together(t, goroutines, inTurns, "Inc", func(int) {
		for range each {
			c.Inc("hits")
		}
	}) {
		return
	}
	got, ok := value(t, c, "hits")
	if want := goroutines * each; ok && got != want {
		t.Errorf(`Value("hits") = %d after %d goroutines, taking turns, called Inc("hits") %d times each, `+
			`want %d: %d increments were lost. Do the read, the add and the write under one Lock`,
			got, goroutines, each, want, want-got)
	}
	if ok && got == goroutines*each && !cc.raced(t) {
		hammer(t, cc.newCounter)
	}
}

// checkCountKeys gives each goroutine a key of its own, all in one map.
func checkCountKeys[C Counter](t *testing.T, cc counterCheck[C]) {
	const keys = 5
	for _, how := range []string{inTurns, atOnce} {
		if how == atOnce && cc.raced(t) {
			return
		}
		c := cc.newCounter()
		if !together(t, keys, how, "Inc", func(k int) {
			for range (k + 1) * 100 {
				c.Inc(fmt.Sprint("key ", k))
			}
		}) {
			return
		}
		for k := range keys {
			key := fmt.Sprint("key ", k)
			got, ok := value(t, c, key)
			if !ok {
				return
			}
			if want := (k + 1) * 100; got != want {
				t.Errorf("Value(%q) = %d after one goroutine called Inc(%q) %d times, want %d "+
					"(%d goroutines counted %d keys, %s)", key, got, key, want, want, keys, keys, how)
				return
			}
		}
	}
}

// checkCountReads reads while others write: every read must see a
// count that has only grown, and never more than was counted. Each
// key has one writer, so that this part is about reading alone: an
// Inc that loses increments to another Inc is part 2's to catch.
func checkCountReads[C Counter](t *testing.T, cc counterCheck[C]) {
	const pairs, each = 4, 500
	for _, how := range []string{inTurns, atOnce} {
		if how == atOnce && cc.raced(t) {
			return
		}
		c := cc.newCounter()
		bad := make([]string, pairs) // reader r writes only bad[r]
		// Goroutine 2p counts the visits of page p; goroutine 2p+1 reads them.
		if !together(t, 2*pairs, how, "Inc or Value", func(g int) {
			key := fmt.Sprint("page ", g/2)
			if g%2 == 0 {
				for range each {
					c.Inc(key)
				}
				return
			}
			r, last := g/2, 0
			for range each {
				v := c.Value(key)
				switch {
				case bad[r] != "":
				case v < last:
					bad[r] = fmt.Sprintf(`Value(%q) returned %d after it had returned %d: `+
						`a count that only grows went down`, key, v, last)
				case v > each:
					bad[r] = fmt.Sprintf(`Value(%q) returned %d, more than the %d increments made`, key, v, each)
				}
				last = max(last, v)
			}
		}) {
			return
		}
		for _, msg := range bad {
			if msg != "" {
				t.Errorf("%s (%d goroutines counting a page each and %d reading them, %s)", msg, pairs, pairs, how)
				return
			}
		}
		for p := range pairs {
			key := fmt.Sprint("page ", p)
			got, ok := value(t, c, key)
			if !ok {
				return
			}
			if got != each {
				t.Errorf(`Value(%q) = %d after a goroutine called Inc(%q) %d times while another read it, %s, want %d`,
					key, got, key, each, how, each)
				return
			}
		}
	}
}
