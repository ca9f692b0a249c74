package queues

import "runtime"

// onOneCore runs f with GOMAXPROCS 1. A goroutine that a Signal or
// Broadcast wakes is then ready to run but cannot, until the goroutine
// that woke it blocks or ends (or has run for 10 ms and is preempted,
// which the few calls in between never take): whatever that one does
// next with the queue comes first. The checks use it to force, on every run, the
// moment a wrong queue goes wrong (a Put slipping in before the Put it
// woke), which on many cores happens only now and then.
func onOneCore(f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
}
