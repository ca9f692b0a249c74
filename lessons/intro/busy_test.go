package intro

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A pretend machine that does one round per nanosecond, measured with
// a clock that only ticks every 100µs: calibrate must run long enough
// for the ticks not to matter, and find a billion rounds a second.
func TestCalibrateFindsTheRateDespiteACoarseClock(t *testing.T) {
	const tick = 100 * time.Microsecond
	measure := func(n int) time.Duration {
		return time.Duration(n) / tick * tick
	}
	assert.InDelta(t, 1e9, calibrate(measure), 1e9*0.1)
}

// One slow run out of three, as when another program took the core
// for a moment, does not change the rate.
func TestCalibrateKeepsTheFastestRun(t *testing.T) {
	runs := 0
	measure := func(n int) time.Duration {
		if n < 1<<20 {
			return time.Duration(n) / 1000 // still under a millisecond
		}
		runs++
		if runs == 2 {
			return 10 * time.Second
		}
		return time.Duration(n) // a round per nanosecond
	}
	assert.InEpsilon(t, 1e9, calibrate(measure), 1e-9)
	assert.Equal(t, 3, runs, "the first long enough run and two more")
}

// A clock that never moves must not hang calibration or divide by zero.
func TestCalibrateEndsOnAFrozenClock(t *testing.T) {
	rate := calibrate(func(int) time.Duration { return 0 })
	assert.Positive(t, rate)
}

func TestTwiceTheTimeIsTwiceTheWork(t *testing.T) {
	assert.Positive(t, rounds(time.Millisecond))
	assert.InDelta(t, 2*rounds(time.Millisecond), rounds(2*time.Millisecond), 1)
	assert.Zero(t, rounds(0))
}

func TestSpinDoesWork(t *testing.T) {
	before := sink.Load()
	spin(1000)
	assert.NotEqual(t, before, sink.Load())
	Busy(time.Millisecond)
}
