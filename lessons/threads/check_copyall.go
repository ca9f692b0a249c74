package threads

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// copyAllFunc is the learner's CopyAll in the copy-all exercise.
type copyAllFunc = func(jobs []CopyJob, workers int, copy CopyFunc) error

// CheckCopyAll checks the copy-all exercise: copyAll copies every job
// with copy, at most workers copies running at once (a pool of
// workers), and returns an error that reports every failed copy (as
// errors.Join does) after still copying the rest.
//
// All but the last part inject a copy that sleeps on synctest's fake
// clock and counts how many copies run at once; the last copies real
// files with [CopyFile].
func CheckCopyAll(t *testing.T, copyAll func(jobs []CopyJob, workers int, copy CopyFunc) error) {
	t.Helper()
	exercise.Check(t, "copy-all",
		exercise.Part{Name: "copies every file exactly once", Points: 2,
			Run: exercise.InBubble(copyAll, checkCopyOnce)},
		exercise.Part{Name: "never runs more copies at once than there are workers", Points: 2,
			Run: exercise.InBubble(copyAll, checkCopyBound)},
		exercise.Part{Name: "keeps every worker copying while jobs are left", Points: 2,
			Run: exercise.InBubble(copyAll, checkCopyBusy)},
		exercise.Part{Name: "reports every failed copy and still copies the rest", Points: 2,
			Run: exercise.InBubble(copyAll, checkCopyFailures)},
		exercise.Part{Name: "copies real files byte for byte", Points: 2,
			Run: func(t *testing.T) { checkCopyFiles(t, copyAll) }},
	)
}

func checkCopyOnce(t *testing.T, copyAll copyAllFunc) {
	c := newFakeCopier(10 * time.Millisecond)
	jobs := fakeJobs(10)
	if err := copyAll(jobs, 3, c.copy); err != nil {
		t.Errorf("CopyAll returned %v, want nil: every copy succeeded", err)
	}
	c.copiedOnce(t, jobs, "")
}

func checkCopyBound(t *testing.T, copyAll copyAllFunc) {
	for _, workers := range []int{3, 1} {
		c := newFakeCopier(100 * time.Millisecond)
		copyAll(fakeJobs(10), workers, c.copy)
		if peak := c.inFlight.Peak(); peak > workers {
			t.Errorf("%d copies ran at once with workers=%d: more than %d at once; "+
				"start a fixed pool of workers that take jobs from a channel, not one goroutine per job",
				peak, workers, workers)
		}
	}
}

// checkCopyBusy proves the pool is really used: 3 workers copying 10
// files of 100ms need 4 rounds, exactly 400ms of fake time.
func checkCopyBusy(t *testing.T, copyAll copyAllFunc) {
	const jobs, workers, latency = 10, 3, 100 * time.Millisecond
	rounds := (jobs + workers - 1) / workers
	c := newFakeCopier(latency)
	start := time.Now()
	copyAll(fakeJobs(jobs), workers, c.copy)
	took := time.Since(start)
	head := fmt.Sprintf("CopyAll took %v of fake time for %d copies of %v with %d workers, want %v (%d rounds of %d)",
		took, jobs, latency, workers, time.Duration(rounds)*latency, rounds, workers)
	switch {
	case took == time.Duration(rounds)*latency:
	case took >= jobs*latency:
		t.Errorf("%s: the copies ran one after another, let all %d workers copy at the same time", head, workers)
	case took == latency:
		t.Errorf("%s: all %d copies ran at once, more than %d workers", head, jobs, workers)
	case took < latency:
		t.Errorf("%s: it returned before its copies were done, wait for every worker (sync.WaitGroup)", head)
	default:
		t.Errorf("%s: some workers sat idle while jobs were left", head)
	}
	if peak := c.inFlight.Peak(); peak != workers {
		t.Errorf("up to %d copies ran at once, want exactly %d: one per worker", peak, workers)
	}
}

// checkCopyFailures fails two of eight copies, each with its own error.
func checkCopyFailures(t *testing.T, copyAll copyAllFunc) {
	jobs := fakeJobs(8)
	c := newFakeCopier(10 * time.Millisecond)
	c.fail[jobs[2].Src] = errors.New("copy v3.mkv: disk full")
	c.fail[jobs[5].Src] = errors.New("open v6.mkv: permission denied")
	err := copyAll(jobs, 3, c.copy)
	if err == nil {
		t.Errorf("CopyAll returned nil, want an error that reports the 2 failed copies")
	}
	for _, job := range []CopyJob{jobs[2], jobs[5]} {
		if want := c.fail[job.Src]; err != nil && !errors.Is(err, want) {
			t.Errorf("CopyAll returned %q, which does not report the failed copy of %s (%q): "+
				"keep every copy's error and return errors.Join(errs...)", err, job.Src, want)
		}
	}
	c.copiedOnce(t, jobs, ": a failed copy must not stop the others")
}

func checkCopyFiles(t *testing.T, copyAll copyAllFunc) {
	jobs, err := MakeFiles(t.TempDir(), 6, 32<<10)
	if err != nil {
		t.Fatalf("the check could not make its files: %v", err)
	}
	if err := copyAll(jobs, 2, CopyFile); err != nil {
		t.Errorf("CopyAll(jobs, 2, CopyFile) returned %v, want nil", err)
	}
	for _, job := range jobs {
		want, err := os.ReadFile(job.Src)
		if err != nil {
			t.Fatalf("the check could not read its own file: %v", err)
		}
		got, err := os.ReadFile(job.Dst)
		switch {
		case err != nil:
			t.Errorf("%s was not copied: %v", job.Src, err)
		case !bytes.Equal(got, want):
			t.Errorf("%s is not a copy of %s: got %d bytes, want the same %d bytes", job.Dst, job.Src, len(got), len(want))
		}
	}
}
