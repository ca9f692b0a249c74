package queues

import (
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// doneAt is when checkJoin's three calls of TaskDone come, after the
// Joins began to wait: uneven, and off every round period, so that a
// Join that looks every millisecond (or every microsecond) instead of
// waiting on a condition looks just after the last one, late, on every
// run, and not at the same fake instant, which would be a coin flip.
var doneAt = [3]time.Duration{
	23*ms + 417*time.Microsecond + 3,
	31*ms + 90*time.Microsecond + 7,
	47*ms + 283*time.Microsecond + 11,
}

// joinsAtOnce fails t unless join returned at the moment when, the
// moment the state let it: Join "waits until", so it returns then, not
// at its next look.
func joinsAtOnce(t *testing.T, join *exercise.Call, when time.Time, which, moment string) bool {
	t.Helper()
	switch at := join.At().Sub(when); {
	case at > 0:
		t.Errorf("%s returned %v after %s, want at that moment: Join waits until the count is 0, so wait on a "+
			"sync.Cond that TaskDone wakes (allDone.Wait in a for loop, allDone.Broadcast when the count reaches 0), "+
			"not a loop that looks every so often and sleeps in between, which comes late", which, at, moment)
		return false
	case at < 0:
		t.Errorf("%s returned %v before %s, want at that moment", which, -at, moment)
		return false
	}
	return true
}

func checkJoin(t *testing.T, newQueue newQueueFunc) {
	q := newQueue(0)
	join := exercise.Go(q.Join)
	called := time.Now()
	if !waitFor(t, join, "Join on a new queue did not return within %v: "+
		"with no unfinished task there is nothing to wait for", stuck) ||
		!joinsAtOnce(t, join, called, "Join on a new queue", "it was called (nothing was unfinished)") {
		return
	}
	if !putAll(t, q, []int{10, 20, 30}, "the queue has no maxsize") {
		return
	}
	// Two goroutines join at once: both must be woken (cond.Broadcast).
	origin := time.Now()
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
	// The workers mark the items done at uneven moments (doneAt).
	var lastDone time.Time
	for i, at := range doneAt {
		time.Sleep(time.Until(origin.Add(at)))
		lastDone = time.Now()
		if err := q.TaskDone(); err != nil {
			t.Errorf("TaskDone number %d for 3 items put returned %v, want nil", i+1, err)
			return
		}
		if i < 2 && joins[0].Returned() {
			t.Errorf("Join returned after %v with %d of 3 tasks unfinished, want %v, "+
				"when the last of them was marked done", since(joins[0], origin), 2-i, doneAt[2])
			return
		}
	}
	for i, j := range joins {
		if !waitFor(t, j, "Join number %d of 2, called at the same time, still waited %v after the last TaskDone: "+
			"wake every goroutine waiting in Join when the count reaches 0 (cond.Broadcast, not Signal)",
			i+1, stuck) {
			return
		}
		if !joinsAtOnce(t, j, lastDone, fmt.Sprintf("Join number %d of 2", i+1), "the last TaskDone") {
			return
		}
	}
	join = exercise.Go(q.Join)
	called = time.Now()
	if !waitFor(t, join, "Join on a queue whose every task was done "+
		"did not return within %v", stuck) {
		return
	}
	joinsAtOnce(t, join, called, "Join on a queue whose every task was done", "it was called")
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
