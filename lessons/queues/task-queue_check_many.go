package queues

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// checkManyGoroutines shares one small queue between 5 producers and
// 3 consumers, so Put and Get both block often; the race detector
// watches the queue's memory meanwhile.
func checkManyGoroutines(t *testing.T, newQueue newQueueFunc) {
	if !oneCallPerGoroutine(t, newQueue) {
		return
	}
	const producers, perProducer, consumers = 5, 40, 3
	const stop = -1
	q := newQueue(4)
	var mu sync.Mutex
	seen := map[int]int{}
	var calls []*exercise.Call
	for range consumers {
		calls = append(calls, exercise.Go(func() {
			for {
				v := q.Get()
				time.Sleep(ms)
				mu.Lock()
				if v != stop {
					seen[v]++
				}
				mu.Unlock()
				q.TaskDone()
				if v == stop {
					return
				}
			}
		}))
	}
	for p := range producers {
		calls = append(calls, exercise.Go(func() {
			for n := range perProducer {
				q.Put(p*1000 + n)
			}
		}))
	}
	time.Sleep(time.Second) // fake time: every producer is done or stuck
	for range consumers {
		calls = append(calls, exercise.Go(func() { q.Put(stop) }))
	}
	joined := exercise.Go(q.Join).Wait()
	for _, c := range calls {
		if p := c.Panicked(); p != nil {
			panic(p) // the part fails with "your code panicked: …"
		}
	}
	if !joined {
		t.Errorf("Join did not return within %v after %d producers began to put %d items for %d consumers "+
			"that take them and mark them done: a Get or a Put went on waiting with the queue ready for it "+
			"(a lost wake-up: see the part on several goroutines waiting at once), or Join missed the count's "+
			"last drop to 0", stuck, producers, producers*perProducer, consumers)
		return
	}
	for _, c := range calls {
		if !waitFor(t, c, "Join returned, but a producer or a consumer still waited %v with the queue ready "+
			"for it: a wake-up was lost (see the part on several goroutines waiting at once)", stuck) {
			return
		}
	}
	missing, twice := 0, 0
	for p := range producers {
		for n := range perProducer {
			switch c := seen[p*1000+n]; {
			case c == 0:
				missing++
			case c > 1:
				twice++
			}
		}
	}
	if missing > 0 || twice > 0 {
		t.Errorf("%s", fmt.Sprintf("of %d items put by %d goroutines at once, %d never came out of Get and %d came out more than once, "+
			"want each exactly once: guard the items with one sync.Mutex in every method",
			producers*perProducer, producers, missing, twice))
	}
}

// oneCallPerGoroutine calls the methods one after another, each from a
// goroutine of its own that sleeps until its moment, so that nothing
// but the queue itself orders one call after the one before: each call
// reads what the call before it wrote. A method that reads or writes
// the queue's state without the lock (a quick look at len(q.items)
// before Lock, an unfinished count read bare) then races with the call
// before it, and the race detector reports it on every run, not only
// when producers and consumers happen to meet at the wrong moment.
func oneCallPerGoroutine(t *testing.T, newQueue newQueueFunc) bool {
	q := newQueue(2)
	var got [3]int
	steps := []func(){
		func() { q.Put(1) },
		func() { q.Put(2) },
		func() { got[0] = q.Get() },
		func() { q.Put(3) },
		func() { _ = q.TaskDone() },
		q.Join, // waits for the last TaskDone
		func() { got[1] = q.Get() },
		func() { _ = q.TaskDone() },
		func() { got[2] = q.Get() },
		func() { _ = q.TaskDone() },
		q.Join,
		func() { _ = q.TaskDone() },
	}
	var calls []*exercise.Call
	for i, step := range steps {
		calls = append(calls, exercise.Go(func() {
			time.Sleep(time.Duration(i+1) * ms)
			step()
		}))
	}
	for _, c := range calls {
		if !waitFor(t, c, "Put 1, Put 2, Get, Put 3, TaskDone, Join, Get, TaskDone, Get, TaskDone, Join, TaskDone, "+
			"each from a goroutine of its own, 1ms apart, on a queue of maxsize 2: a call still waited %v", stuck) {
			return false
		}
	}
	if g := slices.Sorted(slices.Values(got[:])); !slices.Equal(g, []int{1, 2, 3}) {
		t.Errorf("Put 1, Put 2, Get, Put 3, TaskDone, Join, Get, TaskDone, Get, TaskDone, Join, TaskDone, each from "+
			"a goroutine of its own, 1ms apart: the Gets gave %v, want 1, 2 and 3, each once", got)
		return false
	}
	return true
}
