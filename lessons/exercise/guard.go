package exercise

import (
	"fmt"
	"io"
	"os"
	"time"
)

// notebookLimit is how long a check may run when nothing else limits
// it. `go test` and the grader pass -test.timeout; GoNB's %test runs
// the test binary without one, so a learner's code that blocks where
// synctest cannot see it (a goroutine waiting on a sync.Mutex held by
// another that waits for it) would hang the cell until interrupted.
const notebookLimit = time.Minute

// guard ends the test binary with a message when the check of id runs
// longer than limit. Call the returned func when the check is done.
func guard(id string, limit time.Duration, w io.Writer, exit func(int)) (stop func()) {
	timer := time.AfterFunc(limit, func() {
		fmt.Fprintf(w, "FAIL %s: the check was still running after %v and was stopped: "+
			"an endless loop, or goroutines waiting for each other (a lock held while waiting?)\n", id, limit)
		exit(1)
	})
	return func() { timer.Stop() }
}

// guardUnlimited guards a check that has no deadline of its own.
func guardUnlimited(id string, hasDeadline bool) (stop func()) {
	if hasDeadline {
		return func() {}
	}
	return guard(id, notebookLimit, os.Stdout, os.Exit)
}
