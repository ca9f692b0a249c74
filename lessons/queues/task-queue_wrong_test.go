package queues

import (
	"errors"
	"sync"
	"time"
)

// Queues that a learner might write, each wrong in one way, the subtle
// ones first. The tests in task-queue_check_test.go check what
// CheckTaskQueue tells them.

// pyQueue is CPython's queue.Queue (three conditions on one mutex,
// Signal for Put and Get), with one mistake switched on.
type pyQueue struct {
	mu                         sync.Mutex
	notEmpty, notFull, allDone sync.Cond
	items                      []int
	maxsize, unfinished        int
	ifWait, ifWaitGet          bool
	edgeSignal, noLock         bool
	tickJoin, napGet, bareJoin bool
}

// The mistakes of pyQueue.
const (
	// ifWait waits in an if, not a for: a woken goroutine does not look
	// again, though another may have taken the room or the item first.
	ifWait = iota
	// ifWaitGet waits in an if in Get only.
	ifWaitGet
	// edgeSignal signals only when the queue stops being empty (Put) or
	// full (Get): two Puts in a row wake one Get, two Gets one Put.
	edgeSignal
	// noLock counts TaskDone without the mutex ("it is only an int").
	noLock
	// tickJoin has no condition for Join: it looks at the count on every
	// tick of a 250µs time.Ticker, so it returns up to 250µs late.
	tickJoin
	// napGet looks for an item, and if there is none unlocks and naps
	// 100µs before it looks again: a Get that comes late.
	napGet
	// bareJoin takes a quick look at the count before it locks, to
	// return at once when nothing is unfinished: a read without the lock.
	bareJoin
)

func newPyQueue(maxsize, mistake int) *pyQueue {
	q := &pyQueue{maxsize: maxsize, ifWait: mistake == ifWait,
		ifWaitGet: mistake == ifWaitGet, edgeSignal: mistake == edgeSignal, noLock: mistake == noLock,
		tickJoin: mistake == tickJoin, napGet: mistake == napGet, bareJoin: mistake == bareJoin}
	q.notEmpty.L, q.notFull.L, q.allDone.L = &q.mu, &q.mu, &q.mu
	return q
}

func (q *pyQueue) full() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize }

func (q *pyQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.ifWait {
		if q.full() {
			q.notFull.Wait()
		}
	} else {
		for q.full() {
			q.notFull.Wait()
		}
	}
	q.items = append(q.items, v)
	q.unfinished++
	if !q.edgeSignal || len(q.items) == 1 {
		q.notEmpty.Signal()
	}
}

func (q *pyQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.napGet && len(q.items) == 0 {
		q.mu.Unlock()
		time.Sleep(100 * time.Microsecond)
		q.mu.Lock()
	}
	if q.ifWait || q.ifWaitGet {
		if len(q.items) == 0 {
			q.notEmpty.Wait()
		}
	} else {
		for len(q.items) == 0 {
			q.notEmpty.Wait()
		}
	}
	wasFull := q.full()
	v := q.items[0]
	q.items = q.items[1:]
	if !q.edgeSignal || wasFull {
		q.notFull.Signal()
	}
	return v
}

func (q *pyQueue) TaskDone() error {
	if q.noLock {
		if q.unfinished == 0 {
			return errors.New("task_done() called too many times")
		}
		q.unfinished--
		if q.unfinished == 0 {
			q.allDone.Broadcast()
		}
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return errors.New("task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.allDone.Broadcast()
	}
	return nil
}

func (q *pyQueue) Join() {
	if q.bareJoin && q.unfinished == 0 {
		return
	}
	if q.tickJoin {
		tick := time.NewTicker(250 * time.Microsecond)
		defer tick.Stop()
		for {
			q.mu.Lock()
			done := q.unfinished == 0
			q.mu.Unlock()
			if done {
				return
			}
			<-tick.C
		}
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.unfinished > 0 {
		q.allDone.Wait()
	}
}

// condQueue is one mutex and one condition for everything, woken with
// Broadcast: right as it stands (see task-queue_right_test.go), wrong
// with any of its mistakes switched on.
type condQueue struct {
	mu              sync.Mutex
	changed         sync.Cond
	items           []int
	maxsize         int
	unfinished      int
	ifWait          bool // waits in an if: Broadcast wakes them all, and all go on
	signal          bool // Put and Get wake one goroutine, which may be the wrong kind
	ignoreMaxsize   bool // Put never waits
	countGets       bool // Get, not TaskDone, finishes a task
	signalJoin      bool // TaskDone wakes one goroutine in Join, not all
	negativeAllowed bool // TaskDone never fails
}

func newCondQueue(maxsize int, mistake func(*condQueue)) *condQueue {
	q := &condQueue{maxsize: maxsize}
	q.changed.L = &q.mu
	mistake(q)
	return q
}

func (q *condQueue) wake() {
	if q.signal {
		q.changed.Signal()
	} else {
		q.changed.Broadcast()
	}
}

func (q *condQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.ignoreMaxsize && q.maxsize > 0 && len(q.items) >= q.maxsize {
		q.changed.Wait()
		if q.ifWait {
			break
		}
	}
	q.items = append(q.items, v)
	q.unfinished++
	q.wake()
}

func (q *condQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.changed.Wait()
		if q.ifWait {
			break
		}
	}
	v := q.items[0]
	q.items = q.items[1:]
	if q.countGets {
		q.unfinished--
	}
	q.wake()
	return v
}

func (q *condQueue) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.countGets {
		return nil
	}
	if q.unfinished == 0 && !q.negativeAllowed {
		return errors.New("too many")
	}
	q.unfinished--
	if q.signalJoin {
		q.changed.Signal()
	} else {
		q.changed.Broadcast()
	}
	return nil
}

func (q *condQueue) Join() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.unfinished > 0 {
		q.changed.Wait()
	}
}

// stubQueue is the exercise cell as shipped.
type stubQueue struct{}

func newStubQueue(int) *stubQueue  { panic("TODO: make the queue") }
func (*stubQueue) Put(int)         { panic("TODO: Put") }
func (*stubQueue) Get() int        { panic("TODO: Get") }
func (*stubQueue) TaskDone() error { panic("TODO: TaskDone") }
func (*stubQueue) Join()           { panic("TODO: Join") }

// chanQueue is a buffered channel and a WaitGroup: no channel has no
// limit, so "no limit" is 4096; and TaskDone called too often makes
// the WaitGroup panic.
type chanQueue struct {
	items chan int
	tasks sync.WaitGroup
}

func newChanQueue(maxsize int) *chanQueue {
	if maxsize <= 0 {
		maxsize = 1 << 12 // "no limit", nearly
	}
	return &chanQueue{items: make(chan int, maxsize)}
}

func (q *chanQueue) Put(v int) { q.tasks.Add(1); q.items <- v }
func (q *chanQueue) Get() int  { return <-q.items }
func (q *chanQueue) TaskDone() error {
	q.tasks.Done()
	return nil
}
func (q *chanQueue) Join() { q.tasks.Wait() }

// sliceQueue never waits: Get on an empty queue indexes past the end.
type sliceQueue struct {
	mu    sync.Mutex
	items []int
}

func newSliceQueue(int) *sliceQueue { return &sliceQueue{} }

func (q *sliceQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
}

func (q *sliceQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *sliceQueue) TaskDone() error { return nil }
func (q *sliceQueue) Join()           {}
