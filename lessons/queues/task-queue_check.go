package queues

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// newQueueFunc is the learner's constructor, seen through [Queue].
type newQueueFunc = func(maxsize int) Queue[int]

// CheckTaskQueue checks the task-queue exercise: newQueue(maxsize)
// makes an empty queue that behaves like Python's queue.Queue. Pass
// the learner's generic constructor instantiated with int:
//
//	queues.CheckTaskQueue(t, NewTaskQueue[int])
//
// Every part runs on synctest's fake clock, so "Put waits until Get
// makes room" is checked to the nanosecond, and a goroutine left
// blocked in the queue fails the part with where it is stuck.
func CheckTaskQueue[Q Queue[int]](t *testing.T, newQueue func(maxsize int) Q) {
	t.Helper()
	newQ := func(maxsize int) Queue[int] { return newQueue(maxsize) }
	exercise.Check(t, "task-queue",
		exercise.Part{Name: "gives the items back first in, first out", Points: 1,
			Run: exercise.InBubble(newQ, checkFIFO)},
		exercise.Part{Name: "makes Get wait until an item is put", Points: 1,
			Run: exercise.InBubble(newQ, checkGetWaits)},
		exercise.Part{Name: "makes Put wait while the queue holds maxsize items", Points: 1,
			Run: exercise.InBubble(newQ, checkPutWaits)},
		exercise.Part{Name: "makes Join wait until every item is marked done", Points: 2,
			Run: exercise.InBubble(newQ, checkJoin)},
		exercise.Part{Name: "returns an error from TaskDone called too often", Points: 1,
			Run: exercise.InBubble(newQ, checkTaskDoneTooOften)},
		exercise.Part{Name: "gives every item out exactly once to many goroutines at once", Points: 1,
			Run: exercise.InBubble(newQ, checkManyGoroutines)},
		exercise.Part{Name: "keeps between 0 and maxsize items with many producers and consumers at once", Points: 2,
			Run: exercise.InBubble(newQ, checkWithinBounds)},
		exercise.Part{Name: "wakes every goroutine that can go on, with several waiting at once", Points: 1,
			Run: exercise.InBubble(newQ, checkWakeUps)},
	)
}

const ms = time.Millisecond

// madeAt is when checkGetWaits puts the item a Get waits for, and when
// checkPutWaits takes the item that makes room for a waiting Put: off
// every round period, so that a Get or Put that looks every so often
// instead of waiting on a condition looks late on every run, never at
// the same fake instant by luck.
const madeAt = 50*ms + 321*time.Microsecond + 9

// polls is what a method told it came late reads next.
const polls = "wait on a sync.Cond that is signalled when the state changes, not in a loop that looks every so " +
	"often and sleeps in between, which comes late"

// getN takes n items from q, failing t if any Get blocks.
func getN(t *testing.T, q Queue[int], n int, state string) ([]int, bool) {
	t.Helper()
	return returns(t, func() []int {
		got := make([]int, n)
		for i := range got {
			got[i] = q.Get()
		}
		return got
	}, "%d calls of Get did not return within %v although %s", n, stuck, state)
}

// putAll puts items on q, failing t if any Put blocks.
func putAll(t *testing.T, q Queue[int], items []int, state string) bool {
	t.Helper()
	what := fmt.Sprint(items)
	if len(items) > 5 {
		what = fmt.Sprintf("%d items", len(items))
	}
	_, ok := returns(t, func() bool {
		for _, v := range items {
			q.Put(v)
		}
		return true
	}, "putting %s did not return within %v although %s", what, stuck, state)
	return ok
}

func checkFIFO(t *testing.T, newQueue newQueueFunc) {
	q := newQueue(0)
	in := []int{1, 2, 3, 4, 5}
	if !putAll(t, q, in, "the queue has no maxsize (0)") {
		return
	}
	got, ok := getN(t, q, 5, "the queue held 5 items")
	if !ok {
		return
	}
	if !slices.Equal(got, in) {
		t.Errorf("after Put of %v, Get gave %v, want %v: a queue is first in, first out; "+
			"append at the back and take from the front (items[0])", in, got, in)
		return
	}
	// In turns: the front moves on as items come and go.
	var turns []int
	for _, v := range []int{6, 7} {
		if !putAll(t, q, []int{v, v + 10}, "the queue has no maxsize") {
			return
		}
		more, ok := getN(t, q, 1, "the queue held 2 items")
		if !ok {
			return
		}
		turns = append(turns, more...)
	}
	last, ok := getN(t, q, 2, "the queue held 2 items")
	if !ok {
		return
	}
	turns = append(turns, last...)
	if want := []int{6, 16, 7, 17}; !slices.Equal(turns, want) {
		t.Errorf("Put 6, 16, Get, Put 7, 17, Get, Get, Get gave %v, want %v: first in, first out", turns, want)
	}
}

func checkGetWaits(t *testing.T, newQueue newQueueFunc) {
	q := newQueue(0)
	origin := time.Now()
	var got int
	get := exercise.Go(func() { got = q.Get() })
	time.Sleep(madeAt)
	if get.Returned() {
		t.Errorf("Get on an empty queue returned %d at once, want it to wait until an item is put: "+
			"while the queue is empty, wait (sync.Cond.Wait in a for loop)", got)
		return
	}
	if !putAll(t, q, []int{42}, "nothing limits the queue") {
		return
	}
	if !waitFor(t, get, "Get still waited %v after Put(42) on the empty queue it was waiting on: "+
		"Put must wake a goroutine waiting in Get (cond.Signal)", stuck) {
		return
	}
	switch at := since(get, origin); {
	case got != 42:
		t.Errorf("Get returned %d after %v, want 42 after %v, when it was put", got, at, madeAt)
	case at != madeAt:
		t.Errorf("Get returned 42 after %v, want after %v, when it was put: %s", at, madeAt, polls)
	}
}

func checkPutWaits(t *testing.T, newQueue newQueueFunc) {
	for _, maxsize := range []int{0, -1} {
		q := newQueue(maxsize)
		if !putAll(t, q, make([]int, 10_000), fmt.Sprintf(
			"maxsize %d means no limit, as in Python's Queue(maxsize=%d)", maxsize, maxsize)) {
			return
		}
	}
	q := newQueue(2)
	origin := time.Now()
	if !putAll(t, q, []int{1, 2}, "a queue with maxsize 2 has room for 2 items") {
		return
	}
	put := exercise.Go(func() { q.Put(3) })
	time.Sleep(madeAt)
	if put.Returned() {
		t.Errorf("Put(3) on a queue with maxsize 2 that held 2 items returned after %v, "+
			"want it to wait until a Get made room (at %v): while len(items) >= maxsize, wait", since(put, origin), madeAt)
		return
	}
	got, ok := getN(t, q, 1, "the queue held 2 items")
	if !ok {
		return
	}
	if !waitFor(t, put, "Put(3) still waited %v after Get took an item from the full queue: "+
		"Get must wake a goroutine waiting in Put", stuck) {
		return
	}
	if at := since(put, origin); at != madeAt {
		t.Errorf("Put(3) returned after %v, want %v, when Get made room: %s", at, madeAt, polls)
	}
	rest, ok := getN(t, q, 2, "the queue held 2 items")
	if ok && !slices.Equal(append(got, rest...), []int{1, 2, 3}) {
		t.Errorf("Get gave %v after Put 1, 2, 3 on a queue of maxsize 2, want [1 2 3]", append(got, rest...))
	}
}
