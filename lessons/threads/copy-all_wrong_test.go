package threads

import (
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// The wrong corpus of copy-all: CopyAlls a learner could write that
// must fail, each with the lines the learner reads and the score line,
// each in 10 child processes of its own.

// batchesCopyAll starts workers copies, waits for all of them, then
// starts the next batch: never more than workers at once, but each
// batch waits for its slowest copy.
func batchesCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	errs := make([]error, len(jobs))
	for lo := 0; lo < len(jobs); lo += workers {
		var wg sync.WaitGroup
		for i := lo; i < min(lo+workers, len(jobs)); i++ {
			wg.Go(func() { errs[i] = copyFile(jobs[i]) })
		}
		wg.Wait()
	}
	return errors.Join(errs...)
}

// inTurnCopyAll deals the jobs out in advance, in turn: worker w
// copies jobs w, w+workers, w+2*workers and so on.
func inTurnCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(jobs); i += workers {
				errs[i] = copyFile(jobs[i])
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// slicesCopyAll deals the jobs out in advance, in slices: each worker
// copies one slice of about len(jobs)/workers jobs.
func slicesCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	errs := make([]error, len(jobs))
	size := (len(jobs) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(jobs); lo += size {
		wg.Go(func() {
			for i := lo; i < min(lo+size, len(jobs)); i++ {
				errs[i] = copyFile(jobs[i])
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// unlockedErrorsCopyAll is the reference pool, but the workers append
// their errors to one slice with no lock: a data race.
func unlockedErrorsCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	queue := make(chan CopyJob)
	var errs []error
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for job := range queue {
				if err := copyFile(job); err != nil {
					errs = append(errs, err)
				}
			}
		})
	}
	for _, job := range jobs {
		queue <- job
	}
	close(queue)
	wg.Wait()
	return errors.Join(errs...)
}

// collectorCopyAll sends the errors to a goroutine that collects them,
// and returns without waiting for it to finish: a data race.
func collectorCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	queue := make(chan CopyJob)
	failures := make(chan error)
	var errs []error
	go func() {
		for err := range failures {
			errs = append(errs, err)
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for job := range queue {
				if err := copyFile(job); err != nil {
					failures <- err
				}
			}
		})
	}
	for _, job := range jobs {
		queue <- job
	}
	close(queue)
	wg.Wait()
	close(failures)
	return errors.Join(errs...)
}

// firstErrorCopyAll keeps only the first error, under a lock.
func firstErrorCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	queue := make(chan CopyJob)
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for job := range queue {
				if err := copyFile(job); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	for _, job := range jobs {
		queue <- job
	}
	close(queue)
	wg.Wait()
	return first
}

// stopAtErrorCopyAll hands out no more jobs once a copy has failed.
func stopAtErrorCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	next := make(chan int)
	errs := make([]error, len(jobs))
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if errs[i] = copyFile(jobs[i]); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	for i := range jobs {
		if failed.Load() {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// unboundedCopyAll forgets the pool: one goroutine per job.
func unboundedCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { errs[i] = copyFile(job) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// oneShortCopyAll starts one worker too few: for w := 1; w < workers.
func oneShortCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	next := make(chan int)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() {
			for i := range next {
				errs[i] = copyFile(jobs[i])
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// sequentialCopyAll ignores workers and copies one file at a time.
func sequentialCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	var errs []error
	for _, job := range jobs {
		errs = append(errs, copyFile(job))
	}
	return errors.Join(errs...)
}

// busyIdle is the start of what the busy part says to code that
// leaves workers idle.
const busyIdle = "with workers=3 and copies of uneven length (jobs[0] takes 300ms, the other 9 take 100ms), "

// poolHint ends it, for code that ran copies at the same time.
const poolHint = "a pool that takes the jobs in order needs 400ms. Each worker must take the next job as soon as it is free: " +
	"fixed batches wait for their slowest copy, and jobs dealt out to the workers in advance leave a worker idle once its share is done"

var wrongCopyAlls = []struct {
	name  string
	impl  copyAllFunc
	lines []string
	score string
}{
	{"batches", batchesCopyAll, []string{
		busyIdle + "from 100ms to 300ms only 1 worker was copying while 7 jobs were still waiting to start. " +
			"CopyAll took 600ms; " + poolHint,
	}, "FAIL copy-all: 8/10 points"},
	{"in-turn", inTurnCopyAll, []string{
		busyIdle + "from 300ms to 400ms only 1 worker was copying while 2 jobs were still waiting to start. " +
			"CopyAll took 600ms; " + poolHint,
	}, "FAIL copy-all: 8/10 points"},
	{"slices", slicesCopyAll, []string{
		busyIdle + "from 200ms to 300ms only 2 workers were copying while 4 jobs were still waiting to start. " +
			"CopyAll took 600ms; " + poolHint,
	}, "FAIL copy-all: 8/10 points"},
	{"unlocked-errors", unlockedErrorsCopyAll, copyRaceLines, "FAIL copy-all: 0/10 points (a data race: 0 points until it is gone)"},
	{"collector", collectorCopyAll, copyRaceLines, "FAIL copy-all: 0/10 points (a data race: 0 points until it is gone)"},
	{"first-error", firstErrorCopyAll, []string{
		`re:CopyAll returned "copy v\d.mkv: disk full", which does not report the failed copy of v\d.mkv \("copy v\d.mkv: disk full"\): ` +
			`keep every copy's error and return errors.Join\(errs...\)`,
	}, "FAIL copy-all: 8/10 points"},
	{"stop-at-error", stopAtErrorCopyAll, []string{
		"jobs[4] (v5.mkv) was copied 0 times, want exactly once: a failed copy must not stop the others",
		"jobs[8] (v9.mkv) was copied 0 times, want exactly once: a failed copy must not stop the others",
	}, "FAIL copy-all: 8/10 points"},
	{"unbounded", unboundedCopyAll, []string{
		"10 copies ran at once with workers=3: more than 3 at once; start a fixed pool of workers that take jobs from a channel, not one goroutine per job",
		"10 copies ran at once with workers=1: more than 1 at once",
	}, "FAIL copy-all: 8/10 points"},
	{"one-short", oneShortCopyAll, []string{
		"CopyAll(10 jobs, workers=1) had not returned after 1m0s of fake time: it waits for something that never happens " +
			"(a worker that was never started, a channel nobody reads or closes)",
		busyIdle + "from 0s to 100ms only 2 workers were copying while 8 jobs were still waiting to start. " +
			"CopyAll took 600ms; " + poolHint,
	}, "FAIL copy-all: 6/10 points"},
	{"sequential", sequentialCopyAll, []string{
		busyIdle + "from 0s to 300ms only 1 worker was copying while 9 jobs were still waiting to start: " +
			"the copies ran one after another (1.2s in all), let all 3 workers copy at the same time",
	}, "FAIL copy-all: 8/10 points"},
}

var copyRaceLines = []string{
	"WARNING: DATA RACE",
	"--- FAIL: TestWrongCopyAll/has_no_data_race",
	"re:the race detector reported \\d+ data races? while the check ran",
}

// TestWrongCopyAll runs the corpus member that its child process is
// told to, by name; it fails on purpose.
func TestWrongCopyAll(t *testing.T) {
	exercisetest.OnlyInChild(t)
	for _, w := range wrongCopyAlls {
		if w.name == os.Getenv("GOCONC_WRONG") {
			CheckCopyAll(t, w.impl)
		}
	}
}

func TestEveryWrongCopyAllFailsEveryRunWithItsMessage(t *testing.T) {
	for _, w := range wrongCopyAlls {
		t.Run(w.name, func(t *testing.T) {
			for run, out := range exercisetest.Outputs(t, corpusRuns, "TestWrongCopyAll", "GOCONC_WRONG="+w.name) {
				assertLearnerReads(t, run, out, w.lines, w.score)
			}
		})
	}
}
