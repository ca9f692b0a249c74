package queues

import (
	"errors"
	"sync"
)

// TaskQueue is Python's queue.Queue in Go, built the way CPython
// builds it: one mutex guards the items and the count of unfinished
// tasks, and three conditions on that mutex let goroutines wait for
// what they need: an item to Get, room to Put, or every task done to
// Join. A channel could not be the whole of it: a channel has no
// unlimited size, and nothing like TaskDone and Join.
type TaskQueue[T any] struct {
	mu         sync.Mutex
	notEmpty   sync.Cond // signalled when an item is put
	notFull    sync.Cond // signalled when an item is taken
	allDone    sync.Cond // broadcast when unfinished drops to 0
	items      []T
	maxsize    int
	unfinished int // items put and not yet marked done
}

// errTaskDone is Python's ValueError("task_done() called too many times").
var errTaskDone = errors.New("TaskDone called more times than items were put")

// NewTaskQueue returns an empty queue that holds at most maxsize
// items; with maxsize <= 0 it has no limit, as in Python.
func NewTaskQueue[T any](maxsize int) *TaskQueue[T] {
	q := &TaskQueue[T]{maxsize: maxsize}
	q.notEmpty.L = &q.mu
	q.notFull.L = &q.mu
	q.allDone.L = &q.mu
	return q
}

// Put adds item at the back of the queue, first waiting while the
// queue is full. Wait must be called in a loop: when it returns,
// another goroutine may have filled the queue again first.
func (q *TaskQueue[T]) Put(item T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.maxsize > 0 && len(q.items) >= q.maxsize {
		q.notFull.Wait()
	}
	q.items = append(q.items, item)
	q.unfinished++
	q.notEmpty.Signal()
}

// Get removes and returns the item at the front of the queue, first
// waiting while the queue is empty.
func (q *TaskQueue[T]) Get() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	item := q.items[0]
	var zero T
	q.items[0] = zero // so the queue does not keep the item alive
	q.items = q.items[1:]
	q.notFull.Signal()
	return item
}

// TaskDone marks one item as finished. It returns an error, and
// changes nothing, when every item put is already marked finished.
func (q *TaskQueue[T]) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return errTaskDone
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.allDone.Broadcast() // every goroutine in Join, not just one
	}
	return nil
}

// Join waits until every item ever put has been marked finished.
func (q *TaskQueue[T]) Join() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.unfinished > 0 {
		q.allDone.Wait()
	}
}
