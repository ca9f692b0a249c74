package daemon

import (
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// What the graceful-shutdown check tells the wrong RunWorkers of
// graceful-shutdown_wrong_test.go; see heartbeat_check_test.go.

func TestAStubRunWorkersFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubRunWorkers")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: start one worker per name"))
	assert.Contains(t, out, "FAIL graceful-shutdown: 0/10 points")
}

// A select on ctx.Done() and tasks picks at random: 32 workers back
// from their task after the cancel make it fail every run.
func TestACoinFlipRunWorkersIsToldSelectPicksAtRandomEveryRun(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 10, "TestBadCoinFlipRunWorkers") {
		assert.Regexp(t, `\d+ tasks were started after the cancel at 250ms \(w\d+'s t\d+, started at 300ms; `, out, "run %d", i+1)
		assert.Contains(t, out, "Check ctx.Err() before taking the next one: when ctx.Done() and a task are both ready, "+
			"select picks one of them at random", "run %d", i+1)
		assert.Contains(t, out, "FAIL graceful-shutdown: 4/10 points", "run %d", i+1)
	}
}

// The late workers in the order of names, which is not sorted.
func TestASortedRunWorkersIsToldTheOrderOfNames(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSortedRunWorkers")
	assert.Contains(t, out, `RunWorkers reported ["abe" "bob" "fay" "gus" "ivy" "max" "pam" "sue" "tom" "zoe"] as late, `+
		`want ["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"]: the right workers, but list them in the order of names `+
		`(["zoe" "kim" "bob" "ivy" "ann" "tom" "lee" "max" "sue" "eve" "gus" "ray" "abe" "fay" "ned" "pam"]), whatever the order in which their tasks began or end`+"\n")
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

// A map of more than 8 names is in the right order at most 6 times in
// 1000; ten runs of the part make a lucky pass a 1 in 10^22 event, so
// it fails every run, and is told that its order changes.
func TestAMapRunWorkersIsToldTheOrderOfNamesEveryRun(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 10, "TestBadMapRunWorkers") {
		assert.Regexp(t, `RunWorkers reported \[("\w+" ){9}"\w+"\] as late, want \["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"\]`+
			`( \(in \d+ of 10 runs\))?: the right workers, but list them in the order of names`, out, "run %d", i+1)
		assert.Contains(t, out, "; an order that changes from run to run is a map's, which has none", "run %d", i+1)
		assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points", "run %d", i+1)
	}
}

// Late names put in a set and returned as its keys: the same on every
// run, whether the set was built from names or from the late ones.
func TestASetRunWorkersIsToldTheOrderOfNamesEveryRun(t *testing.T) {
	exercisetest.SaysEveryRun(t, 10, "TestBadSetRunWorkers",
		`want ["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"]`,
		`: the right workers, but list them in the order of names (["zoe" "kim" "bob" "ivy" "ann" "tom" "lee" "max" "sue" "eve" "gus" "ray" "abe" "fay" "ned" "pam"]), `+
			`whatever the order in which their tasks began or end; an order that changes from run to run is a map's, which has none`,
		"FAIL graceful-shutdown: 7/10 points")
}

func TestABusyRunWorkersIsToldTheOrderOfNames(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBusyRunWorkers")
	assert.Contains(t, out, `RunWorkers reported ["abe" "bob" "pam" "ivy" "zoe" "fay" "tom" "max" "gus" "sue"] as late, `+
		`want ["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"]: the right workers, but list them in the order of names`)
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

func TestAnEmptyRunWorkersIsToldToReturnNil(t *testing.T) {
	out := exercisetest.Output(t, "TestBadEmptyRunWorkers")
	assert.Contains(t, out, "RunWorkers returned an empty slice that is not nil, want nil: every worker had finished by 300ms, "+
		"well within the 1s grace period after the cancel at 250ms. Return nil when no worker is late "+
		"(var late []string stays nil until the first append)")
	assert.Contains(t, out, "RunWorkers returned an empty slice that is not nil, want nil: there was no cancel.")
	assert.Contains(t, out, "FAIL graceful-shutdown: 5/10 points")
}

func TestATimerPerWorkerRunWorkersIsToldTheDeadline(t *testing.T) {
	out := exercisetest.Output(t, "TestBadTimerPerWorkerRunWorkers")
	assert.Contains(t, out, `RunWorkers reported ["zoe"] as late, want ["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"]: at the grace deadline `+
		`(the cancel at 250ms + 100ms = 350ms) zoe (till 400ms), bob (till 360ms), ivy (till 380ms), tom (till 460ms), max (till 480ms), sue (till 372ms), gus (till 366ms), abe (till 500ms), fay (till 420ms) and pam (till 370ms) were still working; `+
		`kim (at 300ms), ann (at 300ms), lee (at 260ms), eve (at 280ms), ray (at 320ms) and ned (at 330ms) had finished`)
	assert.Contains(t, out, "RunWorkers returned at 500ms, want 350ms: stop waiting at the grace deadline")
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

func TestACancelOnlyRunWorkersIsToldToReturnWhenTheTasksRunOut(t *testing.T) {
	out := exercisetest.Output(t, "TestBadCancelOnlyRunWorkers")
	assert.Contains(t, out, "RunWorkers returned at 10s, want 300ms, when the 7 tasks were done (3 workers, 3 rounds of 100ms): "+
		"when tasks is closed and empty the workers stop, and RunWorkers returns without waiting for a cancel")
	assert.Contains(t, out, "FAIL graceful-shutdown: 9/10 points")
}

func TestANoOkRunWorkersIsToldAClosedChannelGivesEmptyTasks(t *testing.T) {
	out := exercisetest.Output(t, "TestBadNoOkRunWorkers")
	assert.Regexp(t, `work was called \d+ times with an empty task: a receive from a closed channel gives "" at once, `+
		`forever; stop the worker when tasks is closed \(task, ok := <-tasks, or for task := range tasks\)`, out)
	assert.Contains(t, out, "FAIL graceful-shutdown: 9/10 points")
}

func TestAPatientRunWorkersIsToldToStopAtTheGraceDeadline(t *testing.T) {
	out := exercisetest.Output(t, "TestBadPatientRunWorkers")
	assert.Contains(t, out, `RunWorkers reported [] as late, want ["zoe" "bob" "ivy" "tom" "max" "sue" "gus" "abe" "fay" "pam"]: at the grace deadline `+
		`(the cancel at 250ms + 100ms = 350ms) zoe (till 400ms), bob (till 360ms), ivy (till 380ms), tom (till 460ms), max (till 480ms), sue (till 372ms), gus (till 366ms), abe (till 500ms), fay (till 420ms) and pam (till 370ms) were still working`)
	assert.Contains(t, out, "RunWorkers returned at 500ms, want 350ms: stop waiting at the grace deadline")
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

func TestARangeRunWorkersIsToldIdleWorkersMustStop(t *testing.T) {
	out := exercisetest.Output(t, "TestBadRangeRunWorkers")
	assert.Contains(t, out, "RunWorkers returned at 200ms, want 100ms: the workers were only waiting for a task")
	assert.Contains(t, out, `RunWorkers reported ["x" "y" "z"] as late, want nil: the workers were only waiting for a task`)
	assert.Contains(t, out, "3 goroutines waiting (chan receive) in rangeRunWorkers.func1 (graceful-shutdown_wrong_test.go:")
	assert.Contains(t, out, "FAIL graceful-shutdown: 9/10 points")
}

func TestAnImpatientRunWorkersIsToldToWait(t *testing.T) {
	out := exercisetest.Output(t, "TestBadImpatientRunWorkers")
	assert.Regexp(t, `RunWorkers returned at 250ms while 32 tasks were still running `+
		`\(w\d+'s t\d+, started at 200ms; w\d+'s t\d+, started at 200ms; w\d+'s t\d+, started at 200ms; and 29 more\): `+
		`after the cancel, wait for every worker to finish its task`, out)
	assert.Contains(t, out, "RunWorkers returned at 10s, want 300ms, when the 7 tasks were done")
	assert.Contains(t, out, "FAIL graceful-shutdown: 3/10 points")
}

func TestAnUnlockedRunWorkersScoresZeroForItsRaceEveryRun(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 10, "TestBadUnlockedRunWorkers") {
		skipWithoutRace(t, out)
		assert.Contains(t, out, "WARNING: DATA RACE", "run %d", i+1)
		assert.Contains(t, out, "FAIL graceful-shutdown: 0/10 points (a data race: 0 points until it is gone)", "run %d", i+1)
	}
}

// Per-worker states read at the deadline with no lock: eight of them in
// 8 bytes, where the race detector keeps 4 accesses, would hide the race
// on some runs; the pairs of workers of the late part show it on every
// run.
func TestAStatesRunWorkersScoresZeroForItsRaceEveryRun(t *testing.T) {
	if !exercise.RaceDetectorOn {
		t.Skip("needs -race")
	}
	exercisetest.SaysEveryRun(t, 10, "TestBadStatesRunWorkers",
		"WARNING: DATA RACE",
		"while the check ran (its report says which two goroutines used the same memory, and where)",
		"FAIL graceful-shutdown: 0/10 points (a data race: 0 points until it is gone)")
}

// When the tasks run out, the check never cancels ctx: a goroutine left
// waiting for the cancel is named as a leak, every run.
func TestADeadlineRunWorkersIsToldItLeftAGoroutineWaitingForTheCancel(t *testing.T) {
	exercisetest.SaysEveryRun(t, 10, "TestBadDeadlineRunWorkers",
		"goroutines still running after your function returned (a goroutine leak: ",
		"  - waiting (chan receive) in deadlineRunWorkers.func1 (graceful-shutdown_wrong_test.go:",
		"--- FAIL: TestBadDeadlineRunWorkers/returns_when_the_tasks_run_out",
		"FAIL graceful-shutdown: 9/10 points")
}

// Tasks of different lengths tell a busy pool from one that waits for
// its slowest worker before handing out the next round.
func TestARoundsRunWorkersIsToldToKeepEveryWorkerBusy(t *testing.T) {
	out := exercisetest.Output(t, "TestBadRoundsRunWorkers")
	assert.Contains(t, out, "by the cancel at 250ms the workers had started w1 2, w2 2, w3 2 tasks, want w1 5, w2 3, w3 2: "+
		"with tasks of 60, 100 and 140ms, each worker takes the next task as soon as it is done with one, "+
		"without waiting for the others")
	assert.Contains(t, out, "FAIL graceful-shutdown: 5/10 points")
}
