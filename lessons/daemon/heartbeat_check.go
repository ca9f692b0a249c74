package daemon

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// CheckHeartbeat checks the heartbeat exercise: heartbeat starts a
// goroutine that calls beat every interval, the first time one
// interval after the call (like a time.Ticker), one beat at a time,
// until ctx is cancelled, and never again after that; it returns at
// once, and the goroutine closes the returned done channel when it has
// stopped.
//
// Every part runs on synctest's fake clock with an injected beat that
// records when it was called, so the number of beats and the moment
// the goroutine stops are exact; a goroutine left behind fails the
// part and is named. The one claim that a schedule could hide (a beat
// that outlasts the interval leaves a tick waiting beside ctx.Done(),
// and select picks one at random) is tried on 64 heartbeats at once,
// so that code which trusts select passes once in 2^64.
func CheckHeartbeat(t *testing.T, heartbeat func(ctx context.Context, interval time.Duration, beat func()) (done <-chan struct{})) {
	t.Helper()
	exercise.Check(t, "heartbeat",
		exercise.Part{Name: "returns at once and beats in the background", Points: 2,
			Run: exercise.InBubble(heartbeat, checkBeatReturnsAtOnce)},
		exercise.Part{Name: "beats exactly once per interval", Points: 2,
			Run: exercise.InBubble(heartbeat, checkBeatRhythm)},
		exercise.Part{Name: "stops within one interval of cancel with no beat after it", Points: 2,
			Run: exercise.InBubble(heartbeat, checkBeatStops)},
		exercise.Part{Name: "beats no more after a cancel that comes during a beat longer than the interval", Points: 2,
			Run: exercise.InBubble(heartbeat, checkBeatSlow)},
		exercise.Part{Name: "closes done only after its last beat has returned", Points: 1,
			Run: exercise.InBubble(heartbeat, checkBeatDoneLast)},
		exercise.Part{Name: "leaves no goroutine behind", Points: 1,
			Run: exercise.InBubble(heartbeat, checkBeatNoLeak)},
	)
}

func checkBeatReturnsAtOnce(t *testing.T, heartbeat heartbeatFunc) {
	r, ok := runHeartbeat(t, heartbeat, 100*ms, 0, 350*ms)
	if !ok && r.returnedAt == 0 {
		return // runHeartbeat has said so
	}
	if r.returnedAt > 0 {
		t.Errorf("Heartbeat took %v of fake time to return (it called beat %d times first), want 0: "+
			"run the beating loop in a goroutine (go func() { … }()) and return done at once",
			r.returnedAt, len(r.times()))
		return
	}
	if ok && len(r.times()) == 0 {
		t.Errorf("beat was never called in the %v before the cancel, with an interval of 100ms: "+
			"call beat every time the ticker ticks", r.cancelAt)
	}
}

// checkBeatRhythm cancels between two ticks, so the count is exact. It
// runs twice: with a beat that takes no time, then with one that takes
// 30ms, which a loop that sleeps one interval after each beat lets
// drift, and a time.Ticker does not.
func checkBeatRhythm(t *testing.T, heartbeat heartbeatFunc) {
	const interval, cancelAt = 100 * ms, 350 * ms
	want := []time.Duration{100 * ms, 200 * ms, 300 * ms}
	r, ok := runHeartbeat(t, heartbeat, interval, 0, cancelAt)
	if !ok {
		return
	}
	got := r.times()
	if !slices.Equal(got, want) {
		msg := fmt.Sprintf("with an interval of %v and a cancel at %v, beat was called %d times, at %v; want %d beats, at %v",
			interval, cancelAt, len(got), got, len(want), want)
		switch {
		case len(got) > 0 && got[0] == 0:
			msg += ": the first beat is due one interval after the call, like the first tick of a time.Ticker, not at once"
		case len(got) > len(want):
			msg += ": call beat once per tick, and stop when ctx is cancelled"
		default:
			msg += ": call beat every time a time.Ticker of that interval ticks"
		}
		t.Error(msg)
		return
	}
	const work = 30 * ms
	r, ok = runHeartbeat(t, heartbeat, interval, work, cancelAt)
	if got := r.times(); ok && !slices.Equal(got, want) {
		t.Errorf("with a beat that takes %v, beats began at %v, want %v: waiting one interval after each beat "+
			"(time.Sleep, or a new time.After each time round) adds the beat's own %v every time; a time.Ticker keeps the rhythm", work, got, want, work)
	}
}

// checkBeatStops cancels halfway between two ticks, then before the
// call: the goroutine must notice within one interval (a select on
// ctx.Done() notices at once) and beat no more.
func checkBeatStops(t *testing.T, heartbeat heartbeatFunc) {
	const interval = 100 * ms
	for _, cancelAt := range []time.Duration{250 * ms, 0} {
		r, ok := runHeartbeat(t, heartbeat, interval, 0, cancelAt)
		if !ok {
			return
		}
		when := r.cancelled()
		if late := r.since(cancelAt); len(late) > 0 {
			t.Errorf("with the context %s, beat was still called at %v: stop at once when ctx is done "+
				"(select on ctx.Done() and the ticker, and return)", when, late)
		}
		if took := r.closedAt - max(cancelAt, r.returnedAt); took > interval {
			t.Errorf("with the context %s, done was closed %v later, want within one interval (%v): "+
				"wait on ctx.Done() in the same select as the ticker", when, took, interval)
		}
	}
}

// checkBeatSlow gives 64 heartbeats beats of 120ms, longer than their
// 100ms interval, and cancels them all at 210ms, during the first
// beat. When that beat returns at 220ms, the tick of 200ms is waiting,
// and so is ctx.Done(): a select on both picks one at random, so a
// heartbeat that does not look at ctx before beating beats again in
// about half of them, and gets through all 64 once in 2^64 runs.
func checkBeatSlow(t *testing.T, heartbeat heartbeatFunc) {
	const n, interval, work, cancelAt = 64, 100 * ms, 120 * ms, 210 * ms
	runs, ok := runHeartbeats(t, heartbeat, n, interval, work, cancelAt)
	if !ok {
		return
	}
	var late []*heartbeatRun
	for _, r := range runs {
		if len(r.since(cancelAt)) > 0 {
			late = append(late, r)
		}
	}
	if len(late) > 0 {
		t.Errorf("with beats of %v, longer than the %v interval, and the context cancelled at %v, during the beat "+
			"that began at 100ms, beat was called again at %v (in %d of %d heartbeats run at once): when a beat "+
			"outlasts the interval, a tick is already waiting when it returns, and so is ctx.Done(), and select "+
			"picks one of them at random. Check ctx.Err() before each beat",
			work, interval, cancelAt, late[0].since(cancelAt), len(late), n)
		return
	}
	for _, r := range runs {
		if peak := r.inFlight.Peak(); peak > 1 {
			t.Errorf("with beats of %v and an interval of %v, %d beats ran at once: call beat from your one goroutine, "+
				"one after another; a beat that outlasts the interval delays the next", work, interval, peak)
			return
		}
		if got := r.times(); len(got) != 1 || got[0] != interval {
			t.Errorf("with beats of %v, an interval of %v and a cancel at %v, beats began at %v, want [%v]: "+
				"the first tick comes at %v, and the cancel comes before that beat has returned",
				work, interval, cancelAt, got, interval, interval)
			return
		}
		if took := r.closedAt - cancelAt; took > interval {
			t.Errorf("done was closed at %v, %v after the cancel at %v, want within one interval (%v): "+
				"when the beat in progress returns at 220ms, stop", r.closedAt, took, cancelAt, interval)
			return
		}
	}
}

// checkBeatDoneLast cancels while a beat is running: done means the
// heartbeat has stopped, so it may only be closed once that beat has
// returned.
func checkBeatDoneLast(t *testing.T, heartbeat heartbeatFunc) {
	const interval, work, cancelAt = 100 * ms, 30 * ms, 215 * ms
	r, ok := runHeartbeat(t, heartbeat, interval, work, cancelAt)
	if !ok {
		return
	}
	if r.busyAtDone {
		t.Errorf("done was closed at %v while beat was still running (the beat that began at 200ms returns at 230ms): "+
			"call beat in the goroutine itself, and close done when that goroutine returns (defer close(done))",
			r.closedAt)
	}
	if peak := r.inFlight.Peak(); peak > 1 {
		t.Errorf("%d beats ran at once: call beat from your one goroutine, one after another, not in goroutines of their own", peak)
	}
}

// checkBeatNoLeak starts five heartbeats one after another and cancels
// them at different times, between ticks or during a beat; Bubble then
// fails the part if any goroutine is left.
func checkBeatNoLeak(t *testing.T, heartbeat heartbeatFunc) {
	for i := range 5 {
		if _, ok := runHeartbeat(t, heartbeat, 40*ms, 10*ms, time.Duration(25+70*i)*ms); !ok {
			return
		}
	}
}
