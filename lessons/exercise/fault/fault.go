// Package fault knows the lines Go's runtime prints when a program dies
// of a fault of the runtime itself, not of the code it ran, so that
// whoever runs a check in a process of its own (the grader, and the
// tests that read a check's output) can run it again instead of
// blaming the learner.
//
// Two such faults are met here, both rare and both with -race in
// checks that run many goroutines: ThreadSanitizer's failed internal
// check, and a segmentation fault inside the race detector (met in
// about 9 runs in 100 of a check whose code leaves a goroutine reading
// a ticker in a synctest bubble). Code without cgo or unsafe, which the
// grader refuses, cannot fault on its own: a nil pointer there is a
// panic, printed as "panic: runtime error: …", never as a bare
// "SIGSEGV: segmentation violation".
package fault

import "strings"

// Lines start the lines the runtime prints when it dies of its own fault.
var Lines = []string{"ThreadSanitizer: CHECK failed", "SIGSEGV: segmentation violation"}

// Runs is how many times a check that dies of a runtime fault is run
// in all. At the worst rate measured, 9 in 100, three faults in a row
// come about once in 1,400 checks of that code.
const Runs = 3

// In returns the first line of out that starts with one of [Lines],
// or "" when out has none.
func In(out string) string {
	for l := range strings.Lines(out) {
		for _, f := range Lines {
			if strings.HasPrefix(l, f) {
				return strings.TrimRight(l, "\r\n")
			}
		}
	}
	return ""
}

// Of returns the fault a run died of: the first of [Lines] in its
// output, when the run failed and its test binary's own time limit did
// not end it; else "". A run that succeeded, or ran out of time, and
// printed such a line (a learner's code can print anything) did not
// die of it, and is not worth running again.
func Of(out string, succeeded bool) string {
	if succeeded || strings.Contains(out, "panic: test timed out after") {
		return ""
	}
	return In(out)
}
