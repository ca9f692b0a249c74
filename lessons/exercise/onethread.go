package exercise

import "runtime"

// OnOneThread runs f with GOMAXPROCS 1, so that the learner's
// goroutines take turns on one thread. Checks use it for two reasons:
//
//   - A goroutine that a Signal, Broadcast or channel send wakes is then
//     ready but cannot run until the one that woke it blocks or ends:
//     whatever that one does next comes first. That forces, on every
//     run, the moment a wrong queue goes wrong (a Put slipping in before
//     the Put it woke), which on many cores happens only now and then.
//   - The race detector finds a race from what orders two goroutines'
//     memory accesses (a lock, a channel, a WaitGroup), not from their
//     running at the same real instant, so it misses nothing on one
//     thread; what one thread removes is the runtime's own crash when two
//     goroutines write a map at the same real instant ("fatal error:
//     concurrent map writes"), which would end the check without a score.
//
// Fake time is unaffected: a check that proves "at the same time" on the
// fake clock proves it on one thread as well.
func OnOneThread(f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
}
