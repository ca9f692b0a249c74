package queues

import (
	"sync"
	"testing"
	"time"
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
	var wg sync.WaitGroup
	for range consumers {
		wg.Go(func() {
			defer recoverIn(t)
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
		})
	}
	for p := range producers {
		wg.Go(func() {
			defer recoverIn(t)
			for n := range perProducer {
				q.Put(p*1000 + n)
			}
		})
	}
	time.Sleep(time.Second) // fake time: every producer is done or stuck
	for range consumers {
		callAsync(t, time.Now(), func() { q.Put(stop) })
	}
	joined := callAsync(t, time.Now(), q.Join)
	if !joined.wait(t, "Join did not return within %v after %d producers put %d items and %d consumers "+
		"took them all and marked them done", patience, producers, producers*perProducer, consumers) {
		return
	}
	if !callAsync(t, time.Now(), wg.Wait).wait(t, "Join returned, but the %d consumers did not all get "+
		"the item that tells them to stop within %v", consumers, patience) {
		return
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
		t.Errorf("of %d items put by %d goroutines at once, %d never came out of Get and %d came out more than once, "+
			"want each exactly once: guard the items with one sync.Mutex in every method",
			producers*perProducer, producers, missing, twice)
	}
}

// recoverIn fails t with the learner-facing words for a panic in a
// goroutine of the check's own.
func recoverIn(t *testing.T) {
	if r := recover(); r != nil {
		t.Errorf("%s", panicMessage(r))
	}
}
