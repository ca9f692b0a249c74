package queues

import (
	"errors"
	"sync"
	"testing"
)

// Correct queues in other styles than the reference's three
// conditions: they must pass, every run.

func TestOtherRightQueuesPass(t *testing.T) {
	for name, newQueue := range map[string]func(int) Queue[int]{
		"one sync.Cond and Broadcast": func(m int) Queue[int] { return newCondQueue(m, func(*condQueue) {}) },
		"a channel closed to wake":    func(m int) Queue[int] { return newWakeQueue(m) },
	} {
		t.Run(name, func(t *testing.T) {
			for range 20 {
				CheckTaskQueue(t, newQueue)
			}
		})
	}
}

// wakeQueue has no sync.Cond: a goroutine that must wait takes the
// channel changed, unlocks, and waits for it to be closed, which every
// change of the state does (a Broadcast made of a channel).
type wakeQueue struct {
	mu                  sync.Mutex
	changed             chan struct{}
	items               []int
	maxsize, unfinished int
}

func newWakeQueue(maxsize int) *wakeQueue {
	return &wakeQueue{maxsize: maxsize, changed: make(chan struct{})}
}

// waitWhile waits, with q.mu held, until blocked is false.
func (q *wakeQueue) waitWhile(blocked func() bool) {
	for blocked() {
		ch := q.changed
		q.mu.Unlock()
		<-ch
		q.mu.Lock()
	}
}

func (q *wakeQueue) wakeAll() {
	close(q.changed)
	q.changed = make(chan struct{})
}

func (q *wakeQueue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.waitWhile(func() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize })
	q.items = append(q.items, v)
	q.unfinished++
	q.wakeAll()
}

func (q *wakeQueue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.waitWhile(func() bool { return len(q.items) == 0 })
	v := q.items[0]
	q.items = q.items[1:]
	q.wakeAll()
	return v
}

func (q *wakeQueue) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return errors.New("task_done() called too many times")
	}
	q.unfinished--
	q.wakeAll()
	return nil
}

func (q *wakeQueue) Join() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.waitWhile(func() bool { return q.unfinished > 0 })
}
