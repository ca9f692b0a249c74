package daemon

import (
	"regexp"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what to fix. The Bad… tests of heartbeat_wrong_test.go run them on
// mistakes a learner makes; they fail on purpose, so they only run in
// a child process that the tests below start and read. A mistake that
// a schedule could hide runs in many child processes, so that a catch
// that holds on some runs only shows.

func TestAStubHeartbeatFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubHeartbeat")
	assert.Equal(t, 6, strings.Count(out, "your code panicked: TODO: start a goroutine"))
	assert.Contains(t, out, "FAIL heartbeat: 0/10 points")
}

func TestABlockingHeartbeatIsToldToReturnAtOnce(t *testing.T) {
	out := exercisetest.Output(t, "TestBadBlockingHeartbeat")
	assert.Contains(t, out, "Heartbeat took 350ms of fake time to return (it called beat 3 times first), want 0: "+
		"run the beating loop in a goroutine")
	assert.Contains(t, out, "FAIL heartbeat: 8/10 points")
}

func TestASleepyHeartbeatIsToldItDrifts(t *testing.T) {
	out := exercisetest.Output(t, "TestBadSleepyHeartbeat")
	assert.Contains(t, out, "with a beat that takes 30ms, beats began at [100ms 230ms], want [100ms 200ms 300ms]: "+
		"waiting one interval after each beat (time.Sleep, or a new time.After each time round) adds the beat's own 30ms "+
		"every time; a time.Ticker keeps the rhythm")
	assert.Contains(t, out, "done was closed at 320ms, 110ms after the cancel at 210ms, want within one interval (100ms): "+
		"when the beat in progress returns at 220ms, stop")
	assert.Contains(t, out, "FAIL heartbeat: 6/10 points")
}

func TestAnEagerHeartbeatIsToldWhenTheFirstBeatIsDue(t *testing.T) {
	out := exercisetest.Output(t, "TestBadEagerHeartbeat")
	assert.Contains(t, out, "beat was called 4 times, at [0s 100ms 200ms 300ms]; want 3 beats, at [100ms 200ms 300ms]: "+
		"the first beat is due one interval after the call")
	assert.Contains(t, out, "with the context cancelled before the call, beat was still called at [0s]")
	assert.Contains(t, out, "FAIL heartbeat: 4/10 points")
}

func TestALeakyHeartbeatIsToldWhichGoroutineLeaked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadLeakyHeartbeat")
	assert.Contains(t, out, "--- FAIL: "+exercise.Subtest("TestBadLeakyHeartbeat", "leaves no goroutine behind"))
	assert.Contains(t, out, "goroutines still running after your function returned (a goroutine leak")
	assert.Contains(t, out, "waiting (chan receive) in leakyHeartbeat.func2 (heartbeat_wrong_test.go:")
	assert.Contains(t, out, "with the context cancelled at 250ms, beat was still called at [300ms 400ms")
	assert.Contains(t, out, "FAIL heartbeat: 0/10 points")
}

func TestAHastyHeartbeatIsToldDoneCameTooEarly(t *testing.T) {
	out := exercisetest.Output(t, "TestBadHastyHeartbeat")
	assert.Contains(t, out, "done was closed at 215ms while beat was still running "+
		"(the beat that began at 200ms returns at 230ms)")
	assert.Contains(t, out, "FAIL heartbeat: 9/10 points")
}

// The old reference solution: in about half of 64 heartbeats the
// select takes the waiting tick, so it fails in every child process,
// never by luck (it would pass once in 2^64).
func TestACoinFlipHeartbeatIsToldSelectPicksAtRandomEveryRun(t *testing.T) {
	told := regexp.MustCompile(`with beats of 120ms, longer than the 100ms interval, and the context cancelled at 210ms, ` +
		`during the beat that began at 100ms, beat was called again at \[220ms[^\]]*\] \(in \d+ of 64 heartbeats run at once\): ` +
		`when a beat outlasts the interval, a tick is already waiting when it returns, and so is ctx.Done\(\), and select ` +
		`picks one of them at random. Check ctx.Err\(\) before each beat`)
	for i, out := range exercisetest.Outputs(t, 20, "TestBadCoinFlipHeartbeat") {
		assert.Regexp(t, told, out, "run %d", i+1)
		assert.Contains(t, out, "FAIL heartbeat: 8/10 points", "run %d", i+1)
	}
}

func TestAnOverlappingHeartbeatIsToldBeatsRanAtOnce(t *testing.T) {
	out := exercisetest.Output(t, "TestBadOverlappingHeartbeat")
	assert.Contains(t, out, "with beats of 120ms and an interval of 100ms, 2 beats ran at once: "+
		"call beat from your one goroutine, one after another; a beat that outlasts the interval delays the next")
	assert.Contains(t, out, "done was closed at 215ms while beat was still running")
	assert.Contains(t, out, "FAIL heartbeat: 7/10 points")
}

func TestATickOnlyHeartbeatIsToldItBeatsAfterTheCancel(t *testing.T) {
	out := exercisetest.Output(t, "TestBadTickOnlyHeartbeat")
	assert.Contains(t, out, "beat was called 4 times, at [100ms 200ms 300ms 400ms]; want 3 beats, at [100ms 200ms 300ms]: "+
		"call beat once per tick, and stop when ctx is cancelled")
	assert.Contains(t, out, "with the context cancelled at 250ms, beat was still called at [300ms]: stop at once when ctx is done")
	assert.Contains(t, out, "FAIL heartbeat: 6/10 points")
}

func TestAnAfterHeartbeatIsToldItDrifts(t *testing.T) {
	out := exercisetest.Output(t, "TestBadAfterHeartbeat")
	assert.Contains(t, out, "with a beat that takes 30ms, beats began at [100ms 230ms], want [100ms 200ms 300ms]: "+
		"waiting one interval after each beat (time.Sleep, or a new time.After each time round)")
	assert.Contains(t, out, "FAIL heartbeat: 8/10 points")
}

// A farewell beat on ctx.Done() is caught for sure by the cancel
// before the call and between ticks, whatever select picks.
func TestAFarewellHeartbeatIsToldNoBeatAfterTheCancel(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 10, "TestBadFarewellHeartbeat") {
		assert.Contains(t, out, "with the context cancelled at 250ms, beat was still called at [250ms]", "run %d", i+1)
		assert.Contains(t, out, "with the context cancelled before the call, beat was still called at [0s]", "run %d", i+1)
		assert.Contains(t, out, "FAIL heartbeat: 4/10 points", "run %d", i+1)
	}
}

// A data race scores 0, and the flag's race shows on every run: the
// two goroutines touch it with nothing between them.
func TestAFlagHeartbeatScoresZeroForItsRaceEveryRun(t *testing.T) {
	for i, out := range exercisetest.Outputs(t, 10, "TestBadFlagHeartbeat") {
		skipWithoutRace(t, out)
		assert.Contains(t, out, "WARNING: DATA RACE", "run %d", i+1)
		assert.Contains(t, out, "FAIL heartbeat: 0/10 points (a data race: 0 points until it is gone)", "run %d", i+1)
	}
}

// skipWithoutRace skips a test about the race rule when the test
// binary, and so its child, was built without -race.
func skipWithoutRace(t *testing.T, _ string) {
	t.Helper()
	if !exercise.RaceDetectorOn {
		t.Skip("the race rule needs go test -race")
	}
}
