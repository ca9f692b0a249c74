package queues

import (
	"os"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// The checks must fail wrong code, every run, with messages that say
// what to fix. TestBadQueue runs CheckTaskQueue on the wrong queue of
// task-queue_wrong_test.go that GOCONC_WRONG names; it fails on
// purpose, so it only runs in a child process that the test after it
// starts, as many times as the mistake needs to show it is no luck.

var wrongQueues = map[string]func(int) Queue[int]{
	"stub":        func(m int) Queue[int] { return newStubQueue(m) },
	"ifWait":      func(m int) Queue[int] { return newPyQueue(m, ifWait) },
	"ifWaitGet":   func(m int) Queue[int] { return newPyQueue(m, ifWaitGet) },
	"edgeSignal":  func(m int) Queue[int] { return newPyQueue(m, edgeSignal) },
	"noLock":      func(m int) Queue[int] { return newPyQueue(m, noLock) },
	"tickJoin":    func(m int) Queue[int] { return newPyQueue(m, tickJoin) },
	"napGet":      func(m int) Queue[int] { return newPyQueue(m, napGet) },
	"bareJoin":    func(m int) Queue[int] { return newPyQueue(m, bareJoin) },
	"condIf":      condMistake(func(q *condQueue) { q.ifWait = true }),
	"condSignal":  condMistake(func(q *condQueue) { q.signal = true }),
	"signalJoin":  condMistake(func(q *condQueue) { q.signalJoin = true }),
	"countGets":   condMistake(func(q *condQueue) { q.countGets = true }),
	"negative":    condMistake(func(q *condQueue) { q.negativeAllowed = true }),
	"noMaxsize":   condMistake(func(q *condQueue) { q.ignoreMaxsize = true }),
	"chanAndWait": func(m int) Queue[int] { return newChanQueue(m) },
	"neverWaits":  func(m int) Queue[int] { return newSliceQueue(m) },
}

func condMistake(mistake func(*condQueue)) func(int) Queue[int] {
	return func(m int) Queue[int] { return newCondQueue(m, mistake) }
}

func TestBadQueue(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckTaskQueue(t, wrongQueues[os.Getenv("GOCONC_WRONG")])
}

// caught is what every run of a wrong implementation must print.
type caught struct {
	wrong string   // its key in wrongQueues or wrongPipelines
	runs  int      // child processes: 10 or more when the schedule could hide it
	lines []string // each a line, or part of one, the learner reads
}

// everyRun runs test on c.wrong c.runs times and checks every output.
func (c caught) everyRun(t *testing.T, test string) {
	t.Helper()
	for i, out := range exercisetest.Outputs(t, c.runs, test, "GOCONC_WRONG="+c.wrong) {
		for _, l := range c.lines {
			if !strings.Contains(out, l) {
				t.Errorf("%s, run %d of %d: the output lacks %q; it was:\n%s", c.wrong, i+1, c.runs, l, out)
				return
			}
		}
	}
}

func failed(test, part string) string { return "--- FAIL: " + test + "/" + exercise.SubtestName(part) }
func passed(test, part string) string { return "--- PASS: " + test + "/" + exercise.SubtestName(part) }

const (
	partFIFO     = "gives the items back first in, first out"
	partGetWaits = "makes Get wait until an item is put"
	partPutWaits = "makes Put wait while the queue holds maxsize items"
	partJoin     = "makes Join wait until every item is marked done"
	partTooOften = "returns an error from TaskDone called too often"
	partOnce     = "gives every item out exactly once to many goroutines at once"
	partBounds   = "keeps between 0 and maxsize items with many producers and consumers at once"
	partWakeUps  = "wakes every goroutine that can go on, with several waiting at once"
)

func TestEachWrongQueueIsCaughtEveryRun(t *testing.T) {
	const bq = "TestBadQueue"
	for _, c := range []caught{
		{"ifWait", 20, []string{
			"with maxsize 2, the queue full and 6 Puts waiting, a worker took an item with Get and at once put a new one " +
				"(as a crawler puts the links it found): the queue then held 3 items, want at most 2. Get woke a waiting Put, " +
				"but the worker's Put took the room first; the woken Put did not look again. When Wait returns, the state " +
				"may have changed again: wait in a for loop, not an if (for len(q.items) >= q.maxsize { q.notFull.Wait() })",
			failed(bq, partBounds), passed(bq, partWakeUps), "FAIL task-queue: 8/10 points\n"}},
		{"ifWaitGet", 20, []string{
			"with 6 Gets waiting on an empty queue, a worker put an item and at once took one with Get: a woken Get panicked: " +
				"runtime error: index out of range [0] with length 0 (in (*pyQueue).Get). Put woke a waiting Get, but the " +
				"worker's Get took the item first; the woken Get did not look again.",
			failed(bq, partBounds), "FAIL task-queue: 8/10 points\n"}},
		{"edgeSignal", 10, []string{
			"with a Join and then 3 Gets waiting on an empty queue with no maxsize, Put of 1, 2 and 3 in a row let 1 of the " +
				"3 Gets return, want all 3: a wake-up was lost. Wake a waiting Get for every item put (Signal after every " +
				"append, not only when the queue was empty), and keep a sync.Cond for each thing goroutines wait for",
			"waiting (sync.Cond.Wait) in (*pyQueue).Get (task-queue_wrong_test.go:",
			failed(bq, partWakeUps), "FAIL task-queue: "}},
		{"condSignal", 10, []string{
			"with 3 Gets waiting on an empty queue of maxsize 1, Put of 1, 2 and 3 in a row (the second waits for room) " +
				"did not get through: 1 of the 3 Gets returned, want all 3, and the Puts still waited: a wake-up was lost.",
			"with one Cond for all, Signal may wake a goroutine that cannot go on, which goes back to sleep, instead of the one that could",
			failed(bq, partWakeUps), passed(bq, partBounds), "FAIL task-queue: 9/10 points\n"}},
		{"noLock", 10, []string{
			"WARNING: DATA RACE", "(*pyQueue).TaskDone()",
			failed(bq, exercise.NoRaceClaim), "FAIL task-queue: 0/10 points (a data race: 0 points until it is gone)\n"}},
		{"tickJoin", 10, []string{
			"Join number 1 of 2 returned 216.989µs after the last TaskDone, want at that moment: Join waits until " +
				"the count is 0, so wait on a sync.Cond that TaskDone wakes (allDone.Wait in a for loop, " +
				"allDone.Broadcast when the count reaches 0), not a loop that looks every so often and sleeps in " +
				"between, which comes late",
			failed(bq, partJoin), "FAIL task-queue: 8/10 points\n"}},
		{"napGet", 10, []string{
			"Get returned 42 after 50.4ms, want after 50.321009ms, when it was put: wait on a sync.Cond that is " +
				"signalled when the state changes, not in a loop that looks every so often and sleeps in between",
			failed(bq, partGetWaits), "FAIL task-queue: 9/10 points\n"}},
		{"bareJoin", 10, []string{
			"WARNING: DATA RACE", "(*pyQueue).Join()", "queues.oneCallPerGoroutine.",
			failed(bq, partOnce), failed(bq, exercise.NoRaceClaim),
			"FAIL task-queue: 0/10 points (a data race: 0 points until it is gone)\n"}},
		{"condIf", 3, []string{
			"the queue then held 8 items, want at most 2.", failed(bq, partBounds), "FAIL task-queue: "}},
		{"signalJoin", 3, []string{
			"of 2, called at the same time, still waited 1m0s after the last TaskDone: " +
				"wake every goroutine waiting in Join when the count reaches 0 (cond.Broadcast, not Signal)",
			failed(bq, partJoin), "FAIL task-queue: "}},
		{"countGets", 1, []string{
			"Join returned after 0s, when all 3 items had been taken by Get but none marked done, " +
				"want it to wait for 3 calls of TaskDone: Get does not finish a task, TaskDone does",
			failed(bq, partJoin), "FAIL task-queue: "}},
		{"negative", 1, []string{
			"TaskDone on a new queue returned nil, want an error: no item was put, " +
				"as Python raises ValueError('task_done() called too many times')",
			failed(bq, partTooOften), "FAIL task-queue: 9/10 points\n"}},
		{"noMaxsize", 1, []string{
			"Put(3) on a queue with maxsize 2 that held 2 items returned after 0s, " +
				"want it to wait until a Get made room (at 50.321009ms): while len(items) >= maxsize, wait",
			failed(bq, partPutWaits), failed(bq, partBounds), "FAIL task-queue: "}},
		// Its WaitGroup also races now and then (an Add from 0 while a
		// Join's Wait has not returned), which costs it all its points.
		{"chanAndWait", 1, []string{
			"your code panicked: sync: negative WaitGroup counter",
			"putting 10000 items did not return within 1m0s although maxsize 0 means no limit, " +
				"as in Python's Queue(maxsize=0)",
			failed(bq, partTooOften), failed(bq, partPutWaits), passed(bq, partFIFO), "FAIL task-queue: "}},
		{"neverWaits", 1, []string{
			"your code panicked: runtime error: index out of range [0] with length 0 (in (*sliceQueue).Get)",
			passed(bq, partFIFO), failed(bq, partGetWaits), "FAIL task-queue: "}},
		{"stub", 1, []string{"your code panicked: TODO: make the queue", "FAIL task-queue: 0/10 points\n"}},
	} {
		t.Run(c.wrong, func(t *testing.T) { c.everyRun(t, bq) })
	}
}

func TestAStubQueueFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadQueue", "GOCONC_WRONG=stub")
	if n := strings.Count(out, "your code panicked: TODO: make the queue"); n != 8 {
		t.Errorf("the stub's TODO was told %d times, want once for each of the 8 parts:\n%s", n, out)
	}
}
