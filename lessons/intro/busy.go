package intro

import (
	"sync/atomic"
	"time"
)

// roundsPerSecond is how many rounds of spin this machine does in a
// second on one core, measured when the program starts.
var roundsPerSecond = calibrate(timeSpin)

// Busy keeps the calling goroutine's core busy with arithmetic for
// about d: the number of rounds that took d when the program started.
// So every call of the same d is the same amount of work. On a core of
// its own it takes about d; when goroutines share a core it takes
// longer, as they take turns.
func Busy(d time.Duration) {
	spin(rounds(d))
}

// rounds is how many rounds of spin make d of work.
func rounds(d time.Duration) int {
	return int(roundsPerSecond * d.Seconds())
}

// calibrate finds how many rounds of spin fit in a second. It doubles
// the rounds until one run takes at least a millisecond, so that the
// clock's resolution does not matter, then keeps the fastest of three
// runs, so that a moment when another program had the core does not
// make this machine look slow.
func calibrate(measure func(rounds int) time.Duration) float64 {
	n := 1 << 10
	best := measure(n)
	for best < time.Millisecond && n < 1<<40 {
		n *= 2
		best = measure(n)
	}
	for range 2 {
		best = min(best, measure(n))
	}
	return float64(n) / max(best, time.Nanosecond).Seconds()
}

// timeSpin measures one run of spin(n) on the wall clock.
func timeSpin(n int) time.Duration {
	start := time.Now()
	spin(n)
	return time.Since(start)
}

// sink receives every result of spin, so the compiler cannot drop the
// loop as useless. It is atomic because many goroutines spin at once.
var sink atomic.Uint64

// spin does n rounds of xorshift: a few cycles each, no memory
// touched, nothing to wait for. It is pure CPU work.
func spin(n int) {
	x := uint64(n) | 1
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	sink.Add(x)
}
