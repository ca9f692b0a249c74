package timeline

import "time"

// Tick counts allowed on a time axis: fewer says too little about where
// things happen, more crowds the labels.
const (
	minTicks = 4
	maxTicks = 8
)

// axisTicks returns the tick positions for an axis running from 0 to total:
// multiples of the smallest "nice" step (1, 2 or 5 × 10^k nanoseconds) that
// gives at most maxTicks ticks, 0 included. Because consecutive nice steps
// grow by at most 2.5×, that step always leaves at least minTicks ticks. A
// non-positive total has the single tick 0.
func axisTicks(total time.Duration) []time.Duration {
	if total <= 0 {
		return []time.Duration{0}
	}
	step := niceStep(total)
	ticks := make([]time.Duration, 0, maxTicks)
	for t := time.Duration(0); t <= total; t += step {
		ticks = append(ticks, t)
	}
	return ticks
}

// niceStep is the smallest 1, 2 or 5 × 10^k step dividing [0, total] into at
// most maxTicks ticks.
func niceStep(total time.Duration) time.Duration {
	for power := time.Duration(1); ; power *= 10 {
		for _, m := range []time.Duration{1, 2, 5} {
			step := m * power
			if total/step+1 <= maxTicks {
				return step
			}
		}
	}
}
