package threads

import "runtime"

// onOneThread makes the calling check run its learner's goroutines on
// one thread at a time (GOMAXPROCS=1) and returns the func that puts
// the old setting back:
//
//	defer onOneThread()()
//
// The race detector finds a race from what orders two goroutines'
// memory accesses (a lock, a channel, a WaitGroup), not from their
// running at the same real instant, so it misses nothing on one
// thread. What one thread removes is the runtime's own crash when two
// goroutines write a map at the same real instant ("fatal error:
// concurrent map writes"), which ends the program without a score now
// and then: an unlocked map is then the data race it is, reported
// every run, and scored 0 by the race rule.
func onOneThread() (restore func()) {
	old := runtime.GOMAXPROCS(1)
	return func() { runtime.GOMAXPROCS(old) }
}
