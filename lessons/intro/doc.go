// Package intro holds the one thing the 00-intro notebook needs besides
// the standard library and lessons/timeline: CPU work of a known size,
// to draw what parallelism looks like.
//
// The seeds show parallelism with sums of primes that take seconds. A
// picture of four goroutines needs work that takes a few milliseconds
// on any machine, always the same amount of it, and that needs a core
// the whole time, unlike time.Sleep, which frees its core while it
// waits. [Busy] is that work: arithmetic whose size is measured once,
// when the program starts, on the machine it runs on.
package intro
