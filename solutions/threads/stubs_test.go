package threads

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/threads"
	"github.com/stretchr/testify/assert"
)

// The stubs are what the notebook's exercise cells hold before the
// learner writes anything. Every part must fail on them, saying why.
// A failing check would fail this test binary, so the tests below run
// the checks on the stubs in a child process and read its output.

func stubFetchAll(urls []string, fetch threads.FetchFunc) []threads.Page {
	panic("TODO: fetch every URL in its own goroutine")
}

func stubCopyAll(jobs []threads.CopyJob, workers int, copy threads.CopyFunc) error {
	panic("TODO: copy the jobs with a pool of workers")
}

const childEnv = "GOCONC_THREADS_STUBS"

func TestStubFetchAll(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestTheFetchAllStubFailsEveryPart")
	}
	threads.CheckFetchAll(t, stubFetchAll)
}

func TestStubCopyAll(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestTheCopyAllStubFailsEveryPart")
	}
	threads.CheckCopyAll(t, stubCopyAll)
}

func TestTheFetchAllStubFailsEveryPart(t *testing.T) {
	out := runChild(t, "TestStubFetchAll")
	assert.Contains(t, out, "FAIL fetch-all: 0/10 points")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: fetch every URL in its own goroutine"), out)
}

func TestTheCopyAllStubFailsEveryPart(t *testing.T) {
	out := runChild(t, "TestStubCopyAll")
	assert.Contains(t, out, "FAIL copy-all: 0/10 points")
	assert.Equal(t, 5, strings.Count(out, "your code panicked: TODO: copy the jobs with a pool of workers"), out)
}

// runChild runs one test of this binary in a child process and returns
// what it printed.
func runChild(t *testing.T, test string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	assert.Error(t, err, "the check should fail on the stub")
	return string(out)
}
