package async

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// The checks must fail wrong code, on every run, with messages that
// tell the learner what went wrong, and pass right code written in
// other styles than the reference solution. The wrong implementations
// live in <id>_wrong_test.go: each has a TestBad… test that fails on
// purpose, so it only runs in child processes that the tests there
// start and read. The right ones live in <id>_right_test.go.

// wrongRuns is how many times each wrong implementation is checked,
// each time in a process of its own: a catch that holds on some runs
// only shows, and the race detector reports a race once per process.
const wrongRuns = 10

// rightRuns is how many times each right implementation is checked.
const rightRuns = 20

// failsEveryRun runs test wrongRuns times and asserts that each run
// printed every one of lines: the messages the learner reads and the
// score line.
func failsEveryRun(t *testing.T, test string, lines ...string) {
	t.Helper()
	t.Parallel()
	exercisetest.SaysEveryRun(t, wrongRuns, test, lines...)
}

// raceScore is the score line of an exercise with a data race.
func raceScore(id string) string {
	return "FAIL " + id + ": 0/10 points (a data race: 0 points until it is gone)"
}
