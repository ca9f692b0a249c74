package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// The corpus: every exercise's check runs on wrong code a learner
// writes (<id>_wrong_test.go), each in a test named TestBad… that fails
// on purpose and so runs only in a child process, and on correct code
// in other styles than the reference (<id>_right_test.go). A wrong one
// must fail with the same lines on every run: saysEveryRun runs it in
// n child processes (separate processes, because the race detector
// reports a race once per process) and asserts each line in each.

// How many times a wrong implementation runs: one whose catch depends
// on the schedule (a race, goroutines started in any order) runs
// runsOfBad times, enough for a catch that holds only on some runs to
// show; one that the fake clock makes deterministic, runsOfBadOnClock
// times, to show it is; both few enough for a 2-core machine.
// A sum-primes child also sums the seed's real primes, a second of CPU:
// its fake-clock catches run runsOfBadSum times.
const (
	runsOfBad        = 10
	runsOfBadOnClock = 3
	runsOfBadSum     = 1
)

// saysEveryRun runs the test named bad in n child processes and
// asserts that each printed every one of lines. The tests that call it
// run in parallel with each other (go test's -parallel, GOMAXPROCS at
// a time): most of a child's time is its start and the seed's real
// primes, not the fake clock.
func saysEveryRun(t *testing.T, n int, bad string, lines ...string) {
	t.Helper()
	t.Parallel()
	exercisetest.SaysEveryRun(t, n, bad, lines...)
}

// bad skips a TestBad… unless a test that reads its output started it.
func bad(t *testing.T) {
	t.Helper()
	exercisetest.OnlyInChild(t)
}

// runsOfRight is how many times, in this process, a correct
// implementation runs: it must pass every one.
const runsOfRight = 20

// runsOfRightSum is runsOfRight for sum-primes, whose first part sums
// the seed's real primes, a second of CPU each time: fewer runs.
const runsOfRightSum = 3

// runsOfRightExecutor is runsOfRight for executor, whose check submits
// 10,000 tasks: fewer runs.
const runsOfRightExecutor = 10
