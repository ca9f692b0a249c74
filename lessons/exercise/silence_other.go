//go:build !linux

package exercise

// silenceStdout leaves standard output as it is where the scorecard
// has no way to silence it: the testing package's closing lines show.
func silenceStdout() {}
