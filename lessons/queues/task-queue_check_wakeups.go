package queues

import (
	"testing"
	"testing/synctest"

	"github.com/goconc/goconc/lessons/exercise"
)

// checkWakeUps makes several goroutines wait at once, of different
// kinds, then changes the state several times in a row, before any
// of the woken goroutines can run (see exercise.OnOneThread). A queue that wakes
// too few, or the wrong kind, leaves a goroutine asleep that could
// go on: a lost wake-up, and a program that hangs.
func checkWakeUps(t *testing.T, newQueue newQueueFunc) {
	exercise.OnOneThread(func() {
		_ = putsWakeGetsPastAJoin(t, newQueue) &&
			getsWakePutsOnOneSlot(t, newQueue) &&
			getsWakeEveryPut(t, newQueue)
	})
}

// waitInTurn starts f in a goroutine and lets it run until it blocks,
// so that goroutines wait in the order they were started.
func waitInTurn(f func()) *exercise.Call {
	c := exercise.Go(f)
	synctest.Wait()
	return c
}

// returnedOf waits for each of calls and counts those that returned.
func returnedOf(calls []*exercise.Call) int {
	n := 0
	for _, c := range calls {
		if c.Wait() {
			n++
		}
	}
	return n
}

const oneCondForAll = "keep a sync.Cond for each thing goroutines wait for (notEmpty for Get, notFull for Put, " +
	"allDone for Join): with one Cond for all, Signal may wake a goroutine that cannot go on, which goes back to " +
	"sleep, instead of the one that could"

// putsWakeGetsPastAJoin: a Join waits, then 3 Gets, on an empty
// queue; 1, 2 and 3 are put in a row. Every Get must get an item.
func putsWakeGetsPastAJoin(t *testing.T, newQueue newQueueFunc) bool {
	q := newQueue(0)
	if !putAll(t, q, []int{0}, "nothing limits the queue") {
		return false
	}
	if _, ok := getN(t, q, 1, "the queue held 1 item"); !ok {
		return false
	}
	join := waitInTurn(q.Join) // item 0 is not done yet
	var gets []*exercise.Call
	for range 3 {
		gets = append(gets, waitInTurn(func() { q.Get() }))
	}
	if !waitFor(t, exercise.Go(func() { q.Put(1); q.Put(2); q.Put(3) }),
		"Put of 1, 2 and 3 on a queue with no maxsize did not return within %v", stuck) {
		return false
	}
	if n := returnedOf(gets); n < 3 {
		t.Errorf("with a Join and then 3 Gets waiting on an empty queue with no maxsize, Put of 1, 2 and 3 in a row "+
			"let %d of the 3 Gets return, want all 3: a wake-up was lost. Wake a waiting Get for every item put "+
			"(Signal after every append, not only when the queue was empty), and %s", n, oneCondForAll)
		return false
	}
	for range 4 {
		q.TaskDone()
	}
	return waitFor(t, join, "with 4 items put and 4 calls of TaskDone, a Join that had waited since before "+
		"the last 3 items were put still waited %v: wake every Join when the count reaches 0 (Broadcast)", stuck)
}

// getsWakePutsOnOneSlot: 3 Gets wait on an empty queue of maxsize 1;
// 1, 2 and 3 are put in a row, so that the second Put waits too.
func getsWakePutsOnOneSlot(t *testing.T, newQueue newQueueFunc) bool {
	q := newQueue(1)
	var gets []*exercise.Call
	for range 3 {
		gets = append(gets, waitInTurn(func() { q.Get() }))
	}
	puts := exercise.Go(func() { q.Put(1); q.Put(2); q.Put(3) })
	got := returnedOf(gets)
	if !puts.Wait() || got < 3 {
		t.Errorf("with 3 Gets waiting on an empty queue of maxsize 1, Put of 1, 2 and 3 in a row (the second "+
			"waits for room) did not get through: %d of the 3 Gets returned, want all 3, and the Puts still waited: "+
			"a wake-up was lost. A Get must wake a waiting Put when it makes room, and %s", got, oneCondForAll)
		return false
	}
	return true
}

// getsWakeEveryPut: the queue is full (maxsize 3) and 3 Puts wait; 3
// items are taken in a row. Every Put must find its room.
func getsWakeEveryPut(t *testing.T, newQueue newQueueFunc) bool {
	q := newQueue(3)
	if !putAll(t, q, []int{1, 2, 3}, "a queue with maxsize 3 has room for 3 items") {
		return false
	}
	var puts []*exercise.Call
	for v := range 3 {
		puts = append(puts, waitInTurn(func() { q.Put(4 + v) }))
	}
	if _, ok := getN(t, q, 3, "the queue held 3 items"); !ok {
		return false
	}
	if n := returnedOf(puts); n < 3 {
		t.Errorf("with the queue full (maxsize 3) and 3 Puts waiting, Get of 3 items in a row let %d of the 3 Puts "+
			"return, want all 3: a wake-up was lost. Wake a waiting Put for every item taken (Signal after every "+
			"Get, not only when the queue was full), and %s", n, oneCondForAll)
		return false
	}
	_, ok := getN(t, q, 3, "the queue held 3 items")
	return ok
}
