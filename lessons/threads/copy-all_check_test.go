package threads

import (
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// The busy part's work must tell a pool from the cheap ways to get its
// bound right: a pool that takes the jobs in order needs 400ms, fixed
// batches of three and shares dealt out in advance need 600ms.
func TestTheBusyWorkTellsAPoolFromBatches(t *testing.T) {
	assert.Equal(t, 400*time.Millisecond, exercise.PoolTime(busyWork, 3))
	batches := time.Duration(0)
	for lo := 0; lo < len(busyWork); lo += 3 {
		batches += max(busyWork[lo], busyWork[min(lo+1, len(busyWork)-1)], busyWork[min(lo+2, len(busyWork)-1)])
	}
	assert.Equal(t, 600*time.Millisecond, batches)
}

// idle finds the first stretch when a worker was free while a job
// waited, and nothing when every free worker took a job at once.
func TestIdleFindsAWorkerThatWaitedWhileAJobWaited(t *testing.T) {
	jobs := fakeJobs(3)
	c := newFakeCopier(jobs, 0)
	ms := time.Millisecond
	c.records[0].runs = []span{{0, 300 * ms}}
	c.records[1].runs = []span{{0, 100 * ms}}
	c.records[2].runs = []span{{200 * ms, 300 * ms}}
	from, to, busy, waiting, ok := c.idle(2)
	assert.True(t, ok)
	assert.Equal(t, []any{100 * ms, 200 * ms, 1, 1}, []any{from, to, busy, waiting})
	assert.Equal(t, 2, c.peak())

	c.records[2].runs = []span{{100 * ms, 200 * ms}}
	_, _, _, _, ok = c.idle(2)
	assert.False(t, ok, "the free worker took the waiting job at once")
}

func stubCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	panic("TODO: start workers goroutines that take jobs from a channel")
}

func TestStubCopyAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckCopyAll(t, stubCopyAll)
}

func TestTheCopyAllStubIsToldItsTODOInEveryPart(t *testing.T) {
	out := exercisetest.Output(t, "TestStubCopyAll")
	assert.Contains(t, out, "your code panicked: TODO: start workers goroutines that take jobs from a channel (in stubCopyAll)")
	assert.Regexp(t, "(?m)^FAIL copy-all: 0/10 points$", out)
}
