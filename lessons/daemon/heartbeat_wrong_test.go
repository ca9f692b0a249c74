package daemon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The checks must fail wrong code with messages that tell the learner
// what to fix. The Bad… tests below run them on mistakes a learner
// makes; they fail on purpose, so they only run in a child process
// that the tests after them start and read. The right code is in
// solutions/daemon.

// stubHeartbeat is the exercise cell as shipped.
func stubHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	panic("TODO: start a goroutine that calls beat every interval")
}

// blockingHeartbeat beats well, but in the caller's goroutine.
func blockingHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	defer close(done)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return done
		case <-ticker.C:
			beat()
		}
	}
}

// sleepyHeartbeat sleeps one interval after each beat, so a slow beat
// makes it drift.
func sleepyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			time.Sleep(interval)
			if ctx.Err() != nil {
				return
			}
			beat()
		}
	}()
	return done
}

// eagerHeartbeat beats once before its first tick, even when cancelled.
func eagerHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			beat()
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
	return done
}

// leakyHeartbeat closes done on cancel, but its beating goroutine
// never stops.
func leakyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(done)
	}()
	go func() {
		for range time.Tick(interval) {
			beat()
		}
	}()
	return done
}

// hastyHeartbeat closes done as soon as ctx is cancelled, from another
// goroutine, even while a beat is running.
func hastyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(done)
	}()
	go func() {
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				beat()
			}
		}
	}()
	return done
}

func TestBadStubHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, stubHeartbeat)
}
func TestBadBlockingHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, blockingHeartbeat)
}
func TestBadSleepyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, sleepyHeartbeat)
}
func TestBadEagerHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, eagerHeartbeat)
}
func TestBadLeakyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, leakyHeartbeat)
}
func TestBadHastyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, hastyHeartbeat)
}

func subtest(test, part string) string { return test + "/" + exercise.SubtestName(part) }

func TestAStubHeartbeatFailsEveryPartWithItsTODO(t *testing.T) {
	out := exercisetest.Output(t, "TestBadStubHeartbeat")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: start a goroutine"))
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
		"sleeping one interval after each beat adds the beat's own 30ms every time; a time.Ticker keeps the rhythm")
	assert.Contains(t, out, "FAIL heartbeat: 7/10 points")
}

func TestAnEagerHeartbeatIsToldWhenTheFirstBeatIsDue(t *testing.T) {
	out := exercisetest.Output(t, "TestBadEagerHeartbeat")
	assert.Contains(t, out, "beat was called 4 times, at [0s 100ms 200ms 300ms]; want 3 beats, at [100ms 200ms 300ms]: "+
		"the first beat is due one interval after the call")
	assert.Contains(t, out, "with the context cancelled before the call, beat was still called at [0s]")
	assert.Contains(t, out, "FAIL heartbeat: 5/10 points")
}

func TestALeakyHeartbeatIsToldWhichGoroutineLeaked(t *testing.T) {
	out := exercisetest.Output(t, "TestBadLeakyHeartbeat")
	assert.Contains(t, out, "--- FAIL: "+subtest("TestBadLeakyHeartbeat", "leaves no goroutine behind"))
	assert.Contains(t, out, "goroutines still running after your function returned (a goroutine leak")
	assert.Contains(t, out, "waiting (chan receive) in leakyHeartbeat.func2 (heartbeat_checks_test.go:")
	assert.Contains(t, out, "with the context cancelled at 250ms, beat was still called at [300ms 400ms")
	assert.Contains(t, out, "FAIL heartbeat: 0/10 points")
}

func TestAHastyHeartbeatIsToldDoneCameTooEarly(t *testing.T) {
	out := exercisetest.Output(t, "TestBadHastyHeartbeat")
	assert.Contains(t, out, "done was closed at 215ms while beat was still running "+
		"(the beat that began at 200ms returns at 230ms)")
	assert.Contains(t, out, "FAIL heartbeat: 9/10 points")
}
