package threads

import (
	"errors"
	"sync"

	"github.com/goconc/goconc/lessons/threads"
)

// CopyAll copies every job with copyFile, in a pool of workers
// goroutines that take job indexes from a channel, so no more than
// workers copies run at once however many jobs there are (a disk, like
// a server, gets slower, not faster, when asked to do everything at
// the same time), and a worker takes the next job as soon as it is
// free.
//
// A failed copy does not stop the others. Each worker writes its error
// into the job's own slot, and errors.Join reports all of them (nil if
// every copy succeeded). Fewer than one worker is taken as one.
func CopyAll(jobs []threads.CopyJob, workers int, copyFile threads.CopyFunc) error {
	next := make(chan int)
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for range min(max(workers, 1), len(jobs)) {
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
