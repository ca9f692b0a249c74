package queues

import (
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

func checkJoin(t *testing.T, newQueue newQueueFunc) {
	q := newQueue(0)
	origin := time.Now()
	if !waitFor(t, exercise.Go(q.Join), "Join on a new queue did not return within %v: "+
		"with no unfinished task there is nothing to wait for", stuck) {
		return
	}
	if !putAll(t, q, []int{10, 20, 30}, "the queue has no maxsize") {
		return
	}
	// Two goroutines join at once: both must be woken (cond.Broadcast).
	joins := []*exercise.Call{exercise.Go(q.Join), exercise.Go(q.Join)}
	if _, ok := getN(t, q, 3, "the queue held 3 items"); !ok {
		return
	}
	time.Sleep(10 * ms)
	if joins[0].Returned() {
		t.Errorf("Join returned after %v, when all 3 items had been taken by Get but none marked done, "+
			"want it to wait for 3 calls of TaskDone: Get does not finish a task, TaskDone does", since(joins[0], origin))
		return
	}
	// The workers mark the items done at 20ms, 30ms and 40ms.
	for i := range 3 {
		time.Sleep(10 * ms)
		if err := q.TaskDone(); err != nil {
			t.Errorf("TaskDone number %d for 3 items put returned %v, want nil", i+1, err)
			return
		}
		if i < 2 && joins[0].Returned() {
			t.Errorf("Join returned after %v with %d of 3 tasks unfinished, want 40ms, "+
				"when the last of them was marked done", since(joins[0], origin), 2-i)
			return
		}
	}
	for i, j := range joins {
		if !waitFor(t, j, "Join number %d of 2, called at the same time, still waited %v after the last TaskDone: "+
			"wake every goroutine waiting in Join when the count reaches 0 (cond.Broadcast, not Signal)",
			i+1, stuck) {
			return
		}
		if at := since(j, origin); at != 40*ms {
			t.Errorf("Join number %d returned after %v, want 40ms, when the last task was marked done", i+1, at)
		}
	}
	if !waitFor(t, exercise.Go(q.Join), "Join on a queue whose every task was done "+
		"did not return within %v", stuck) {
		return
	}
}

func checkTaskDoneTooOften(t *testing.T, newQueue newQueueFunc) {
	q := newQueue(0)
	if err := q.TaskDone(); err == nil {
		t.Errorf("TaskDone on a new queue returned nil, want an error: no item was put, " +
			"as Python raises ValueError('task_done() called too many times')")
		return
	}
	if !putAll(t, q, []int{1}, "the queue has no maxsize") {
		return
	}
	if _, ok := getN(t, q, 1, "the queue held 1 item"); !ok {
		return
	}
	if err := q.TaskDone(); err != nil {
		t.Errorf("TaskDone after Put and Get of 1 item returned %v, want nil", err)
		return
	}
	if err := q.TaskDone(); err == nil {
		t.Errorf("a second TaskDone after 1 item was put returned nil, want an error: " +
			"it was called more times than items were put")
		return
	}
	// The failed calls must not have counted: one more item is one
	// more unfinished task, and Join waits for it.
	if !putAll(t, q, []int{2}, "the queue has no maxsize") {
		return
	}
	join := exercise.Go(q.Join)
	if join.Returned() {
		t.Errorf("after 2 calls of TaskDone that returned errors, Put(2) then Join: Join returned at once, " +
			"want it to wait for TaskDone: a TaskDone that returns an error must not change the count")
		q.TaskDone()
		return
	}
	if err := q.TaskDone(); err != nil {
		t.Errorf("TaskDone for the item put after the errors returned %v, want nil", err)
	}
	waitFor(t, join, "Join still waited %v after the last task was marked done", stuck)
}
