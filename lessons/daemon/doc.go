// Package daemon holds what the 02-daemon notebook needs besides the
// learner's own code: a way for a cell to press Ctrl-C on itself, the
// work function of the graceful-shutdown exercise, and the checks of
// the lesson's two exercises, heartbeat and graceful-shutdown.
//
// The lesson is about goroutines that nobody waits for. Python marks
// such threads daemon=True and kills them when the program exits; in
// Go every goroutine is one, because a program ends when main returns.
// Both checks therefore prove the opposite of a daemon: background
// work that stops when asked (a cancelled context), says so (a closed
// channel), and leaves nothing behind. They prove it on the fake clock
// of testing/synctest, where "within one interval of cancel" and "at
// the grace deadline" are exact instants, the same on every run.
package daemon

import "time"

// ms keeps the checks' fake times readable.
const ms = time.Millisecond
