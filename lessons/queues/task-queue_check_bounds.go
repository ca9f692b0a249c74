package queues

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/goconc/goconc/lessons/exercise"
)

// tally counts what the check's own calls of Put and Get did: size is
// how many items the queue holds once every goroutine is blocked.
type tally struct {
	mu   sync.Mutex
	puts int
	got  []int
}

func (n *tally) put() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.puts++
}

func (n *tally) get(v int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.got = append(n.got, v)
}

// size is the number of items put minus those taken, once the
// goroutines of the bubble are all blocked.
func (n *tally) size() int {
	synctest.Wait()
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.puts - len(n.got)
}

// checkWithinBounds makes the moment a Wait in an if, not a for, gets
// wrong: a worker takes an item with Get and at once puts a new one,
// while Puts wait on the full queue. Get wakes one of them, and the
// worker's Put takes the room first; the woken Put must look again and
// wait on. The same for Get: a worker puts an item and at once takes
// one, while Gets wait on the empty queue.
func checkWithinBounds(t *testing.T, newQueue newQueueFunc) {
	exercise.OnOneThread(func() {
		if putsWithinMaxsize(t, newQueue) {
			getsWithinEmpty(t, newQueue)
		}
	})
}

const waiting = 6 // goroutines waiting at once, and rounds of workers

func putsWithinMaxsize(t *testing.T, newQueue newQueueFunc) bool {
	const maxsize = 2
	q := newQueue(maxsize)
	var n tally
	for v := range maxsize {
		if !putAll(t, q, []int{v}, "a queue with maxsize 2 has room for 2 items") {
			return false
		}
		n.put()
	}
	var calls []*exercise.Call
	for i := range waiting {
		calls = append(calls, exercise.Go(func() { q.Put(100 + i); n.put() }))
	}
	if size := n.size(); size > maxsize {
		t.Errorf("Put on a full queue of maxsize %d, by %d goroutines at once: the queue then held %d items, want %d: "+
			"while len(items) >= maxsize, wait", maxsize, waiting, size, maxsize)
		return false
	}
	for r := range waiting {
		calls = append(calls, exercise.Go(func() { n.get(q.Get()); q.Put(200 + r); n.put() }))
		if size := n.size(); size > maxsize {
			t.Errorf("with maxsize %d, the queue full and %d Puts waiting, a worker took an item with Get and at once "+
				"put a new one (as a crawler puts the links it found): the queue then held %d items, want at most %d. "+
				"Get woke a waiting Put, but the worker's Put took the room first; the woken Put did not look again. "+
				"When Wait returns, the state may have changed again: wait in a for loop, not an if "+
				"(for len(q.items) >= q.maxsize { q.notFull.Wait() })", maxsize, waiting, size, maxsize)
			drain(t, q, &n)
			return false
		}
	}
	if !drain(t, q, &n) || !allReturned(t, calls, "Put") {
		return false
	}
	var want []int
	for i := range waiting {
		want = append(want, 100+i, 200+i)
	}
	return sameItems(t, n.got, append(want, 0, 1))
}

func getsWithinEmpty(t *testing.T, newQueue newQueueFunc) bool {
	q := newQueue(0)
	var n tally
	var calls []*exercise.Call
	for range waiting {
		calls = append(calls, exercise.Go(func() { n.get(q.Get()) }))
	}
	if size := n.size(); size < 0 {
		t.Errorf("Get on an empty queue, by %d goroutines at once: %d of them returned, want them all to wait",
			waiting, -size)
		return false
	}
	for r := range waiting {
		calls = append(calls, exercise.Go(func() { q.Put(300 + r); n.put(); n.get(q.Get()) }))
		size := n.size()
		for _, c := range calls {
			if p := c.Panicked(); p != nil {
				t.Errorf("with %d Gets waiting on an empty queue, a worker put an item and at once took one with Get: "+
					"a woken Get panicked: %v. Put woke a waiting Get, but the worker's Get took the item first; "+
					"the woken Get did not look again. When Wait returns, the state may have changed again: "+
					"wait in a for loop, not an if (for len(q.items) == 0 { q.notEmpty.Wait() })", waiting, p)
				return false
			}
		}
		if size < 0 {
			t.Errorf("with %d Gets waiting on an empty queue, a worker put an item and at once took one with Get: "+
				"then %d items had come out of Get, %d more than were put. Put woke a waiting Get, but the worker's Get "+
				"took the item first; the woken Get did not look again. When Wait returns, the state may have changed "+
				"again: wait in a for loop, not an if (for len(q.items) == 0 { q.notEmpty.Wait() })",
				waiting, len(n.got), -size)
			return false
		}
	}
	// Give every Get still waiting an item, one Put at a time.
	for v := 400; hasWaiting(calls) && v < 400+2*waiting; v++ {
		if !putAll(t, q, []int{v}, "nothing limits the queue") {
			return false
		}
		n.put()
	}
	if !allReturned(t, calls, "Get") {
		return false
	}
	var want []int
	for i := range waiting {
		want = append(want, 300+i, 400+i)
	}
	return sameItems(t, n.got, want)
}

// drain takes every item, one Get at a time, so that every Put
// waiting for room gets it and returns.
func drain(t *testing.T, q Queue[int], n *tally) bool {
	for n.size() > 0 {
		got, ok := getN(t, q, 1, "the queue held items")
		if !ok {
			return false
		}
		n.get(got[0])
	}
	return true
}

// hasWaiting reports whether any of calls is still blocked.
func hasWaiting(calls []*exercise.Call) bool {
	synctest.Wait()
	for _, c := range calls {
		select {
		case <-c.Done():
		default:
			return true
		}
	}
	return false
}

// allReturned waits for every call, failing t when one does not return.
func allReturned(t *testing.T, calls []*exercise.Call, method string) bool {
	t.Helper()
	for _, c := range calls {
		if !waitFor(t, c, "a %s still waited %v after the queue had long made way for it: "+
			"a wake-up was lost (see the part on several goroutines waiting at once)", method, stuck) {
			return false
		}
	}
	return true
}

// sameItems fails t unless got holds every one of want exactly once.
func sameItems(t *testing.T, got, want []int) bool {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s", fmt.Sprintf("the items that came out of Get were %v, want %v, each exactly once", got, want))
		return false
	}
	return true
}
