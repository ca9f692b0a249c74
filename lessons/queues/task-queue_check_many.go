package queues

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// checkManyGoroutines shares one small queue between 5 producers and
// 3 consumers, so Put and Get both block often; the race detector
// watches the queue's memory meanwhile.
func checkManyGoroutines(t *testing.T, newQueue newQueueFunc) {
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
