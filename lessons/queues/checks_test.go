package queues

import (
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that say what to fix.
// The Bad… tests run them on the wrong queues and stages of
// wrong_*_test.go; they fail on purpose, so they only run in a child
// process that the tests after them start and read.

func TestBadStubQueue(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckTaskQueue(t, newStubQueue)
}

func TestBadChanQueue(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckTaskQueue(t, newChanQueue)
}

func TestBadSliceQueue(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckTaskQueue(t, newSliceQueue)
}

func TestBadCondQueues(t *testing.T) {
	exercisetest.OnlyInChild(t)
	for name, mistake := range map[string]func(*condQueue){
		"ignoreMaxsize":   func(q *condQueue) { q.ignoreMaxsize = true },
		"countGets":       func(q *condQueue) { q.countGets = true },
		"signalJoin":      func(q *condQueue) { q.signalJoin = true },
		"negativeAllowed": func(q *condQueue) { q.negativeAllowed = true },
	} {
		t.Run(name, func(t *testing.T) {
			CheckTaskQueue(t, func(maxsize int) *condQueue { return newCondQueue(maxsize, mistake) })
		})
	}
}

func TestBadStubPipeline(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, stubSource, stubMap, stubCollect)
}

func TestBadLeakySource(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, leakySource, goodMap, goodCollect)
}

func TestBadUnclosedMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, goodSource, unclosedMap, goodCollect)
}

func TestBadBatchMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, goodSource, batchMap, goodCollect)
}

func TestBadParallelMap(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, goodSource, parallelMap, goodCollect)
}

func TestBadRangeCollect(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckPipeline(t, goodSource, goodMap, rangeCollect)
}

func TestTheRightStagesPass(t *testing.T) {
	CheckPipeline(t, goodSource, goodMap, goodCollect)
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestAStubQueueFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubQueue")
	assert.Equal(t, 6, strings.Count(out, "your code panicked: TODO: make the queue"))
	assert.Contains(t, out, "FAIL task-queue: 0/10 points")
}

func TestAWaitGroupForTasksIsToldItPanicsOnTaskDoneTooOften(t *testing.T) {
	out := exercisetest.Output(t, "TestBadChanQueue")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadChanQueue", "returns an error from TaskDone called too often"))
	assert.Contains(t, out, "your code panicked: sync: negative WaitGroup counter")
	assert.Contains(t, out, "--- PASS: "+subtest("TestBadChanQueue", "makes Put wait while the queue holds maxsize items"))
	assert.Contains(t, out, "FAIL task-queue: ")
}

func TestAGetThatPanicsInAGoroutineIsNamed(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSliceQueue")
	assert.Contains(t, out, "your code panicked: runtime error: index out of range [0] with length 0 (in (*sliceQueue).Get)")
	assert.NotContains(t, out, "Get on an empty queue returned", "a call that panicked did not return")
	assert.Contains(t, out, "--- PASS: "+subtest("TestBadSliceQueue", "gives the items back first in, first out"))
}

func TestEachMistakeInACondQueueIsToldWhatToFix(t *testing.T) {
	out := exercisetest.Output(t, "TestBadCondQueues")
	assert.Contains(t, out, "Put(3) on a queue with maxsize 2 that held 2 items returned after 0s, "+
		"want it to wait until a Get made room (at 50ms)")
	assert.Contains(t, out, "Join returned after 0s, when all 3 items had been taken by Get but none marked done, "+
		"want it to wait for 3 calls of TaskDone: Get does not finish a task, TaskDone does")
	assert.Contains(t, out, "of 2, called at the same time, still waited 1s after the last TaskDone: "+
		"wake every goroutine waiting in Join when the count reaches 0 (cond.Broadcast, not Signal)")
	assert.Contains(t, out, "waiting (sync.Cond.Wait) in ")
	assert.Contains(t, out, "TaskDone on a new queue returned nil, want an error: no item was put, "+
		"as Python raises ValueError('task_done() called too many times')")
	assert.Contains(t, out, "--- FAIL: TestBadCondQueues/ignoreMaxsize/"+
		exercise.SubtestName("makes Put wait while the queue holds maxsize items"))
	assert.Equal(t, 4, strings.Count(out, "FAIL task-queue: "))
}

func TestAStubPipelineFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubPipeline")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: "))
	assert.Contains(t, out, "FAIL pipeline: 0/10 points")
}

func TestASourceThatIgnoresCancelIsToldItLeaked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadLeakySource")
	assert.Contains(t, out, "Source, with 98 of 100 items left to send, was sending when the context was cancelled, "+
		"and 1s later it had still not closed its channel: wait in a select with a case <-ctx.Done()")
	assert.Contains(t, out, "waiting (chan send) in leakySource.func1 (wrong_pipelines_test.go:")
	assert.Contains(t, out, "FAIL pipeline: 6/10 points")
}

func TestAMapThatNeverClosesIsToldToClose(t *testing.T) {
	out := exercisetest.Output(t, "TestBadUnclosedMap")
	assert.Contains(t, out, "Map doubling 1 and 2, then seeing its input closed, sent all its 2 items "+
		"but did not close its channel: close the output when the input is done (defer close(out)")
	assert.Contains(t, out, "Collect did not return within 1s of fake time: are Source and Map closing their channels")
	assert.Contains(t, out, "FAIL pipeline: 0/10 points")
}

func TestAMapThatReadsEverythingFirstIsToldTheStagesTookTurns(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBatchMap")
	assert.Contains(t, out, "10 items through two Map stages of 20ms each took 400ms of fake time, want 220ms "+
		"(while the second stage works on item i, the first works on item i+1): the stages took turns")
	assert.Contains(t, out, "--- PASS: "+subtest("TestBadBatchMap", "passes every item through the stages in order"))
}

func TestAMapWithAGoroutinePerItemIsToldTheOrderBroke(t *testing.T) {
	out := exercisetest.Output(t, "TestBadParallelMap")
	assert.Contains(t, out, "Collect returned [144 121 100 81 64 49 36 25 16 9 4 1], want [1 4 9 16 25 36 49 64 81 100 121 144]: "+
		"a stage must hand on items one at a time, in the order it got them")
	assert.Contains(t, out, "took 40ms of fake time, want 220ms")
	assert.Contains(t, out, "items went through a stage at the same time")
}

func TestACollectThatIgnoresCancelIsToldToSelect(t *testing.T) {
	out := exercisetest.Output(t, "TestBadRangeCollect")
	assert.Contains(t, out, "Collect, given 1 and 2 on a channel that then stayed open, did not return within 1s "+
		"after the context was cancelled: wait in a select with a case <-ctx.Done() that returns ctx.Err()")
	assert.Contains(t, out, "waiting (chan receive) in rangeCollect (wrong_pipelines_test.go:")
	assert.Contains(t, out, "FAIL pipeline: 8/10 points")
}
