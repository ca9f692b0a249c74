package threads

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// fakeCopier stands in for CopyFile in the copy-all checks: each copy
// sleeps on the fake clock, is counted, and fails if told to.
type fakeCopier struct {
	latency  time.Duration
	fail     map[string]error // by CopyJob.Src; set before copying
	inFlight exercise.InFlight

	mu     sync.Mutex
	copied map[string]int // by CopyJob.Src
}

func newFakeCopier(latency time.Duration) *fakeCopier {
	return &fakeCopier{latency: latency, fail: map[string]error{}, copied: map[string]int{}}
}

func (c *fakeCopier) copy(job CopyJob) error {
	leave := c.inFlight.Enter()
	defer leave()
	time.Sleep(c.latency)
	c.mu.Lock()
	c.copied[job.Src]++
	c.mu.Unlock()
	return c.fail[job.Src]
}

// copiedOnce fails t for every job not copied exactly once, adding why
// to each message.
func (c *fakeCopier) copiedOnce(t *testing.T, jobs []CopyJob, why string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, job := range jobs {
		if n := c.copied[job.Src]; n != 1 {
			t.Errorf("jobs[%d] (%s) was copied %d times, want exactly once%s", i, job.Src, n, why)
		}
	}
}

// fakeJobs are n jobs whose files exist only in the fake copier.
func fakeJobs(n int) []CopyJob {
	jobs := make([]CopyJob, n)
	for i := range jobs {
		name := fmt.Sprintf("v%d.mkv", i+1)
		jobs[i] = CopyJob{Src: name, Dst: "copy-of-" + name}
	}
	return jobs
}
