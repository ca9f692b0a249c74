package exercise

import "testing/synctest"

// Blocked lets every goroutine of the caller's synctest bubble run
// until it blocks, then describes the ones still alive other than the
// caller, one line each, the way [Bubble] names a leak: what each
// waits for, where, and who started it. Call it from a goroutine in
// the bubble, and from one at a time (it calls synctest.Wait).
//
// A check calls it at a moment when the learner's goroutines should
// all have finished, to say more precisely than Bubble can what to
// fix: a goroutine stuck sending a result that nobody will receive
// needs a buffered channel, not a wait.
func Blocked() []string {
	synctest.Wait()
	return bubbleGoroutines()
}
