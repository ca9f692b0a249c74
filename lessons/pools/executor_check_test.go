package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// What the learner reads when the executor check fails the wrong
// executors of executor_wrong_test.go: the line that says what to fix,
// and the score.

func TestAFixedBufferAsTheQueueIsToldSubmitMustNotWait(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadBufferedExecutor",
		"--- FAIL: "+exercise.Subtest("TestBadBufferedExecutor", "Submit returns at once however many tasks wait"),
		"Submit of task 18 waited 1s of fake time, while 2 tasks of 1s kept the 2 workers busy and 16 waited, "+
			"want 0: Submit must queue the task and return at once, however many tasks wait; "+
			"a channel of a fixed size fills up, keep waiting tasks in a slice",
		"FAIL executor: 9/10 points")
}

func TestAnExecutorThatNeverFreesASlotIsToldAfterIdling(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadNeverFreesExecutor",
		"--- FAIL: "+exercise.Subtest("TestBadNeverFreesExecutor", "runs tasks submitted after it has been idle"),
		"after the executor had run 3 tasks and been idle for 1s, task 0 of 5 submitted then never finished: "+
			"its Result did not return within 1m0s of fake time. When the queue is empty and a worker returns, "+
			"count it out, so that the next Submit starts a worker again",
		"FAIL executor: 9/10 points")
}

func TestTasksDealtOutInAdvanceAreToldAWorkerSatIdle(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadDealtExecutor",
		"with tasks of 900, 100, 200, 100, 150, 100, 50, 200, 100, 100 ms and 3 workers, at 400ms of fake time "+
			"only 2 of the 3 workers were running a task, while 3 of the 10 tasks waited: a worker that is done "+
			"must start the next waiting task at once (the tasks were done after 1.15s, want 900ms)",
		"FAIL executor: 7/10 points")
}

func TestALastInFirstOutQueueIsToldTheOrder(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadLIFOExecutor",
		// Which task starts first depends on when the first worker
		// starts; that one does not.
		"start the waiting tasks in the order they were submitted (first in, first out); the order they started in was",
		"keep waiting tasks in a first-in first-out queue",
		// 7 or 8: whether the tasks after idling come out in an order
		// that takes longer depends on when the first worker starts.
		"FAIL executor: ")
}

func TestAGoroutinePerSubmitIsToldTheOrder(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadHandoffExecutor",
		"with one worker and 200 tasks, task ",
		"keep waiting tasks in a first-in first-out queue (a goroutine per Submit that waits "+
			"to hand its task over starts them in any order)",
		// 7 or 8: whether the tasks after idling come out of order too
		// is up to the schedule.
		"FAIL executor: ")
}

func TestAnExecutorThatDropsTasksOnShutdownIsTold(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadDropsOnCloseExecutor",
		// Which tasks it drops, and so when Shutdown returns, depends
		// on whether its workers took theirs before Shutdown came.
		"after the tasks were submitted, want 300ms: it waits until every task "+
			"already submitted has run (5 tasks of 100ms, 2 workers)",
		"did not return within 1m0s of fake time, though every task had long returned: did task ",
		"FAIL executor: 9/10 points")
}

func TestAFutureSetAfterDoneIsClosedScoresZero(t *testing.T) {
	saysEveryRun(t, runsOfBad, "TestBadClosesFirstExecutor",
		"WARNING: DATA RACE",
		"--- FAIL: "+exercise.Subtest("TestBadClosesFirstExecutor", "has no data race"),
		"FAIL executor: 0/10 points (a data race: 0 points until it is gone)")
}

func TestAnExecutorOnAnUnbufferedChannelIsToldSubmitMustNotWait(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadChanExecutor",
		"Submit of task 2 waited 1s of fake time, while 2 tasks of 1s kept the 2 workers busy and 0 waited, want 0",
		"a second Shutdown panicked (close of closed channel (in (*chanExecutor[...]).Shutdown)): "+
			"calling Shutdown again must do nothing",
		"your code panicked: send on closed channel (in (*chanExecutor[...]).Submit)",
		"FAIL executor: 8/10 points")
}

func TestAnExecutorWhoseDoneClosesEarlyIsTold(t *testing.T) {
	saysEveryRun(t, runsOfBadOnClock, "TestBadEarlyExecutor",
		"at 0s, Done was already closed, but the tasks take 50ms and 100ms: "+
			"close Done when the task has returned, not before",
		"at 50ms the 100ms task was still running, but its Done was closed",
		"FAIL executor: 7/10 points")
}
