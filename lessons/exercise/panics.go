package exercise

import (
	"fmt"
	"sync"
)

// panics remembers the panics in the learner's code that the checks
// recovered, for the mutex watchdog: a panic between Lock and Unlock
// leaves the mutex locked, and the deadlock that follows would
// otherwise hide the panic that caused it.
var panics struct {
	sync.Mutex
	seen []string
}

// notePanic records a recovered panic.
func notePanic(r any) {
	panics.Lock()
	defer panics.Unlock()
	panics.seen = append(panics.seen, fmt.Sprint(r))
}

// panicsSoFar is every panic recorded, oldest first.
func panicsSoFar() []string {
	panics.Lock()
	defer panics.Unlock()
	return append([]string(nil), panics.seen...)
}
