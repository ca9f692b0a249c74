// Package exercisetest shows what a learner would read when a check
// fails. A check fails its test on wrong code, so a test of the check
// cannot run it directly: it runs the failing test in a child process
// of the same test binary and asserts on that child's output.
//
//	func TestBadSequentialFetchAll(t *testing.T) {
//		exercisetest.OnlyInChild(t)
//		CheckFetchAll(t, sequentialFetchAll)
//	}
//
//	func TestASequentialFetchAllIsTold(t *testing.T) {
//		out := exercisetest.Output(t, "TestBadSequentialFetchAll")
//		assert.Contains(t, out, "one after another")
//	}
package exercisetest

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/fault"
)

// childEnv marks the child process that Output starts.
const childEnv = "GOCONC_EXERCISETEST_CHILD"

// OnlyInChild skips the calling test unless Output started it: such a
// test fails on purpose.
func OnlyInChild(t *testing.T) {
	t.Helper()
	if os.Getenv(childEnv) == "" {
		t.Skip("fails on purpose; run in a child process by the test that reads its output")
	}
}

// Outputs runs the test named test n times, each in a child process
// of its own, and returns what each printed. A catch that holds on
// some runs only shows here; and separate processes matter, because
// the race detector reports a race once per process.
func Outputs(t *testing.T, n int, test string, env ...string) []string {
	t.Helper()
	outs := make([]string, n)
	for i := range outs {
		outs[i] = Output(t, test, env...)
	}
	return outs
}

// SaysEveryRun runs the test named test in n child processes (see
// [Outputs]) and checks that every run printed each of lines: the
// messages a learner reads and the score line. It fails t at the first
// run that did not, with what that run printed.
func SaysEveryRun(t *testing.T, n int, test string, lines ...string) {
	t.Helper()
	for run, out := range Outputs(t, n, test) {
		for _, line := range lines {
			if !strings.Contains(out, line) {
				t.Errorf("run %d of %d of %s did not print\n\t%s\nit printed:\n%s", run+1, n, test, line, out)
				return
			}
		}
	}
}

// Output runs the test named test of this test binary in a child
// process, with env added to its environment, and returns everything
// it printed, as `go test -v` shows it. A child that died of a fault
// of Go's runtime itself (package fault: its line printed, and a
// failed exit) is run again, as the grader does, up to fault.Runs
// times in all.
func Output(t *testing.T, test string, env ...string) string {
	t.Helper()
	var out string
	for run := 1; run <= fault.Runs; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
		cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
		b, _ := cmd.CombinedOutput()
		out = string(b)
		f := fault.Of(out, cmd.ProcessState.Success())
		if f == "" {
			break
		}
		t.Logf("%s, run %d: Go's runtime failed on its own (%s)", test, run, f)
	}
	return out
}
