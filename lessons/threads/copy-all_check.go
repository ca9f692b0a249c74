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
type copyAllFunc = func(jobs []CopyJob, workers int, copyFile CopyFunc) error

// CheckCopyAll checks the copy-all exercise: copyAll copies every job
// with copyFile, at most workers copies running at once, each worker
// taking the next job as soon as it is free (a pool of workers), and
// returns an error that reports every failed copy (as errors.Join
// does) after still copying the rest. Like every check, it ends with
// [exercise.NoRaceClaim]: a data race scores the exercise 0. It runs the
// learner's goroutines on one thread, so that a race is always
// reported as one (see [exercise.OnOneThread]).
//
// All but the last part inject a copy that sleeps on synctest's fake
// clock and records when it ran; the last copies real files with
// [CopyFile].
func CheckCopyAll(t *testing.T, copyAll func(jobs []CopyJob, workers int, copyFile CopyFunc) error) {
	t.Helper()
	exercise.OnOneThread(func() {
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
	})
}

// callCopyAll calls copyAll under the fake-time limit: code that can
// never return fails the part instead of hanging the check.
func callCopyAll(t *testing.T, copyAll copyAllFunc, jobs []CopyJob, workers int, c *fakeCopier) error {
	t.Helper()
	err, ok := exercise.Returns(func() error { return copyAll(jobs, workers, c.copy) })
	if !ok {
		t.Fatalf("CopyAll(%d jobs, workers=%d) had not returned after %v of fake time: it waits for "+
			"something that never happens (a worker that was never started, a channel nobody reads or closes)",
			len(jobs), workers, exercise.StuckAfter)
	}
	return err
}

func checkCopyOnce(t *testing.T, copyAll copyAllFunc) {
	jobs := fakeJobs(10)
	c := newFakeCopier(jobs, 10*time.Millisecond)
	if err := callCopyAll(t, copyAll, jobs, 3, c); err != nil {
		t.Errorf("CopyAll returned %v, want nil: every copy succeeded", err)
	}
	c.copiedOnce(t, "")
}

func checkCopyBound(t *testing.T, copyAll copyAllFunc) {
	for _, workers := range []int{3, 1} {
		jobs := fakeJobs(10)
		c := newFakeCopier(jobs, 100*time.Millisecond)
		callCopyAll(t, copyAll, jobs, workers, c)
		if peak := c.peak(); peak > workers {
			t.Errorf("%d copies ran at once with workers=%d: more than %d at once; "+
				"start a fixed pool of workers that take jobs from a channel, not one goroutine per job",
				peak, workers, workers)
		}
	}
}

// busyWork is the work of checkCopyBusy's ten jobs: one long copy
// first, then nine short ones. With uneven work, fixed batches (each
// waiting for its slowest copy) and jobs dealt out to the workers in
// advance (in turn, or in slices) leave workers idle while jobs wait;
// with copies of one length they would look just like a pool.
var busyWork = []time.Duration{300 * time.Millisecond,
	100 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond,
	100 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond,
	100 * time.Millisecond, 100 * time.Millisecond, 100 * time.Millisecond}

// checkCopyBusy proves the pool is really used: whenever a job is
// still waiting to start, all workers are copying. In what order the
// jobs start is not the claim, so it is not checked: a pool that
// takes them in order needs exactly exercise.PoolTime, 400ms, others
// may need more, and none may leave a worker idle while a job waits.
func checkCopyBusy(t *testing.T, copyAll copyAllFunc) {
	const workers = 3
	jobs := fakeJobs(len(busyWork))
	c := newFakeCopier(jobs, 0, busyWork...)
	start := time.Now()
	callCopyAll(t, copyAll, jobs, workers, c)
	took := time.Since(start)
	var sum time.Duration
	for _, d := range busyWork {
		sum += d
	}
	from, to, busy, waiting, idle := c.idle(workers)
	if !idle {
		return
	}
	head := fmt.Sprintf("with workers=%d and copies of uneven length (jobs[0] takes 300ms, the other 9 take 100ms), "+
		"from %v to %v only %d %s copying while %d %s still waiting to start",
		workers, from, to, busy, plural(busy, "worker was", "workers were"), waiting, plural(waiting, "job was", "jobs were"))
	switch {
	case busy == 0 && from == 0:
		t.Errorf("%s: start the workers at once", head)
	case took >= sum:
		t.Errorf("%s: the copies ran one after another (%v in all), let all %d workers copy at the same time",
			head, took, workers)
	default:
		t.Errorf("%s. CopyAll took %v; a pool that takes the jobs in order needs %v. "+
			"Each worker must take the next job as soon as it is free: fixed batches wait for their slowest copy, "+
			"and jobs dealt out to the workers in advance leave a worker idle once its share is done",
			head, took, exercise.PoolTime(busyWork, workers))
	}
}

// checkCopyFailures fails the first copies, one per worker, each with
// its own error, all at the same fake instant: so that an unlocked
// append of their errors races every run. Six more copies follow, so
// that a CopyAll that stops at the first error is caught.
func checkCopyFailures(t *testing.T, copyAll copyAllFunc) {
	const workers = 3
	jobs := fakeJobs(9)
	c := newFakeCopier(jobs, 10*time.Millisecond)
	c.failFirst = true
	err := callCopyAll(t, copyAll, jobs, workers, c)
	failed := c.failed()
	if err == nil && len(failed) > 0 {
		t.Errorf("CopyAll returned nil, want an error that reports the %d failed copies", len(failed))
	}
	for _, job := range jobs {
		if want, ok := failed[job]; ok && err != nil && !errors.Is(err, want) {
			t.Errorf("CopyAll returned %q, which does not report the failed copy of %s (%q): "+
				"keep every copy's error and return errors.Join(errs...)", err, job.Src, want)
		}
	}
	c.copiedOnce(t, ": a failed copy must not stop the others")
}

func checkCopyFiles(t *testing.T, copyAll copyAllFunc) {
	jobs, err := MakeFiles(t.TempDir(), 6, 32<<10)
	if err != nil {
		t.Fatalf("the check could not make its files: %v", err)
	}
	var copyErr error
	if !exercise.Go(func() { copyErr = copyAll(jobs, 2, CopyFile) }).WaitReal() {
		t.Fatalf("CopyAll(jobs, 2, CopyFile) had not returned after %v: it waits for something that never happens",
			exercise.RealStuckAfter)
	}
	if copyErr != nil {
		t.Errorf("CopyAll(jobs, 2, CopyFile) returned %v, want nil", copyErr)
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

// plural picks one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
