package threads

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sync/errgroup"
)

// The right corpus of copy-all: correct CopyAlls in other styles than
// the reference (a channel of job indexes and a WaitGroup), which
// every run of the check must pass.

// semaphoreCopyAll starts one goroutine per job, and a buffered
// channel lets only workers of them copy at once. The goroutines take
// the semaphore in whatever order the scheduler runs them, so the jobs
// do not start in order; no worker sits idle while a job waits.
func semaphoreCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	sem := make(chan struct{}, max(workers, 1))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = copyFile(job)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// errgroupCopyAll lets errgroup.SetLimit bound the copies; the errors
// go into one slice under a mutex, since errgroup keeps only the first.
func errgroupCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	var g errgroup.Group
	g.SetLimit(max(workers, 1))
	var mu sync.Mutex
	var errs []error
	for _, job := range jobs {
		g.Go(func() error {
			if err := copyFile(job); err != nil {
				mu.Lock()
				defer mu.Unlock()
				errs = append(errs, err)
			}
			return nil
		})
	}
	g.Wait()
	return errors.Join(errs...)
}

// counterCopyAll has no channel: each worker takes the next job's
// index from an atomic counter.
func counterCopyAll(jobs []CopyJob, workers int, copyFile CopyFunc) error {
	var next atomic.Int64
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				errs[i] = copyFile(jobs[i])
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

var rightCopyAlls = map[string]copyAllFunc{
	"semaphore": semaphoreCopyAll,
	"errgroup":  errgroupCopyAll,
	"counter":   counterCopyAll,
}

func TestEveryRightCopyAllPassesEveryRun(t *testing.T) {
	for name, impl := range rightCopyAlls {
		t.Run(name, func(t *testing.T) {
			for range corpusRuns {
				CheckCopyAll(t, impl)
			}
		})
	}
}
