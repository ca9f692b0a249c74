// Package locks holds what the 03-locks notebook needs besides the
// learner's own code: bank accounts with a lock each, for the
// bank-transfer exercise, and the checks of the lesson's three
// exercises, safe-counter, bank-transfer and lock-with-timeout.
//
// The checks run the learner's code in a testing/synctest bubble, so a
// deadlock is a fact they can report, not a hang: the accounts' locks
// are built on channels, which synctest sees blocking (it cannot see a
// goroutine waiting for a sync.Mutex), and every call into the
// learner's code is waited for on the fake clock, where a minute
// passes in no time at all when nothing else can move.
package locks
