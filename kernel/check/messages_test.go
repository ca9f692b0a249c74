package check

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/sandbox"
	"github.com/goconc/goconc/lessons/exercise"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A part's output: the check's own words, a race report, a leak.
const racyPartOutput = `FetchAll returned 12 pages, want 13
==================
WARNING: DATA RACE
Read at 0x00c0001867c8 by goroutine 24:
  goconc.local/submission/fetchall.FetchAll.func1()
      exercise cell:16 +0x84

Previous write at 0x00c0001867c8 by goroutine 25:
  goconc.local/submission/fetchall.FetchAll.func1()
      exercise cell:16 +0x9c

Goroutine 24 (running) created at:
  goconc.local/submission/fetchall.FetchAll()
      exercise cell:12 +0x5c

Goroutine 25 (running) created at:
  testing.tRunner()
      /usr/local/go/src/testing/testing.go:2036 +0x21c
==================
race detected during execution of test
goroutines still running after your function returned (a goroutine leak):
  - waiting (chan send) in FetchAll.func1 (exercise cell:17)`

func TestARaceReportIsCutDownAndTheRestKept(t *testing.T) {
	got := exercise.RaceSummary(strings.Split(racyPartOutput, "\n"))
	assert.Equal(t, `FetchAll returned 12 pages, want 13
data race: two goroutines used the same memory at once, and at least one wrote it
  Read by goroutine 24
      FetchAll.func1() at exercise cell:16
  Previous write by goroutine 25
      FetchAll.func1() at exercise cell:16
  goroutine 24 was started by
      FetchAll() at exercise cell:12
goroutines still running after your function returned (a goroutine leak):
  - waiting (chan send) in FetchAll.func1 (exercise cell:17)`, got)
}

// A run is run again for a fault of Go's runtime only when it died of
// it: not when a limit stopped it, where a learner who prints the
// fault's line before an endless loop would cost the limit each time.
func TestOnlyARunThatDiedOfARuntimeFaultIsRunAgain(t *testing.T) {
	segv := []byte("=== RUN   TestFetchAll\nSIGSEGV: segmentation violation\nPC=0x41ca09 m=0 sigcode=1 addr=0x0\n")
	died, exited0 := exitState(t, 2), exitState(t, 0)
	assert.True(t, runtimeFaulted(segv, "", died))
	assert.False(t, runtimeFaulted(segv, sandbox.OverTime, died), "stopped from outside")
	assert.False(t, runtimeFaulted(append(segv, "panic: test timed out after 1m0s\n"...), "", died), "stopped by the test binary's timeout")
	assert.False(t, runtimeFaulted([]byte("=== RUN   TestFetchAll\n--- PASS: TestFetchAll\n"), "", died))
	assert.False(t, runtimeFaulted(segv, "", exited0), "the learner's code printed the line, and the run went on to exit 0")
}

// exitState is the state of a real process that exited with code.
func exitState(t *testing.T, code int) *os.ProcessState {
	cmd := exec.Command("sh", "-c", "exit "+strconv.Itoa(code))
	cmd.Run()
	require.NotNil(t, cmd.ProcessState)
	return cmd.ProcessState
}
