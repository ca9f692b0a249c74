package daemon

import (
	"strings"
	"testing"

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
	assert.Contains(t, out, `RunWorkers reported ["abe" "bob" "max" "zoe"] as late, want ["zoe" "bob" "max" "abe"]: `+
		`the right workers, but list them in the order of names (["zoe" "kim" "bob" "ann" "lee" "max" "eve" "abe"]), `+
		`whatever the order in which their tasks began or end`)
	assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points")
}

// A map's order is right once in 8 ranges at best; ten runs of the
// part make a lucky pass a 1 in 10^9 event, so it fails every run.
func TestAMapRunWorkersIsToldTheOrderOfNamesEveryRun(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 20, "TestBadMapRunWorkers") {
		assert.Regexp(t, `RunWorkers reported \["\w+" "\w+" "\w+" "\w+"\] as late, want \["zoe" "bob" "max" "abe"\]`+
			`( \(in \d+ of 10 runs\))?: the right workers, but list them in the order of names`, out, "run %d", i+1)
		assert.Contains(t, out, "FAIL graceful-shutdown: 7/10 points", "run %d", i+1)
	}
}

func TestABusyRunWorkersIsToldTheOrderOfNames(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBusyRunWorkers")
	assert.Contains(t, out, `RunWorkers reported ["abe" "bob" "zoe" "max"] as late, want ["zoe" "bob" "max" "abe"]: `+
		`the right workers, but list them in the order of names`)
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
	assert.Contains(t, out, `RunWorkers reported ["zoe" "max"] as late, want ["zoe" "bob" "max" "abe"]: at the grace deadline `+
		`(the cancel at 250ms + 100ms = 350ms) zoe, bob, max and abe were still working; kim, ann, lee and eve had finished`)
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
	assert.Contains(t, out, `RunWorkers reported [] as late, want ["zoe" "bob" "max" "abe"]: at the grace deadline `+
		`(the cancel at 250ms + 100ms = 350ms) zoe, bob, max and abe were still working`)
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

// Tasks of different lengths tell a busy pool from one that waits for
// its slowest worker before handing out the next round.
func TestARoundsRunWorkersIsToldToKeepEveryWorkerBusy(t *testing.T) {
	out := exercisetest.Output(t, "TestBadRoundsRunWorkers")
	assert.Contains(t, out, "by the cancel at 250ms the workers had started w1 2, w2 2, w3 2 tasks, want w1 5, w2 3, w3 2: "+
		"with tasks of 60, 100 and 140ms, each worker takes the next task as soon as it is done with one, "+
		"without waiting for the others")
	assert.Contains(t, out, "FAIL graceful-shutdown: 5/10 points")
}
