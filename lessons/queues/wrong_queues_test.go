package queues

import (
	"errors"
	"sync"
)

// Queues that a learner might write, each wrong in one way. The
// tests in checks_test.go check what CheckTaskQueue tells them.

// stubQueue is the exercise cell as shipped.
type stubQueue struct{}

func newStubQueue(int) *stubQueue  { panic("TODO: make the queue") }
func (*stubQueue) Put(int)         { panic("TODO: Put") }
func (*stubQueue) Get() int        { panic("TODO: Get") }
func (*stubQueue) TaskDone() error { panic("TODO: TaskDone") }
func (*stubQueue) Join()           { panic("TODO: Join") }

// chanQueue is a buffered channel and a WaitGroup: right but for
// TaskDone called too often, where the WaitGroup panics.
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

// condQueue is a mutex and conditions, with its mistakes switched on.
type condQueue struct {
	mu              sync.Mutex
	changed         sync.Cond
	items           []int
	maxsize         int
	unfinished      int
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

func (q *condQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.ignoreMaxsize && q.maxsize > 0 && len(q.items) >= q.maxsize {
		q.changed.Wait()
	}
	q.items = append(q.items, v)
	q.unfinished++
	q.changed.Broadcast()
}

func (q *condQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.changed.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	if q.countGets {
		q.unfinished--
	}
	q.changed.Broadcast()
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
