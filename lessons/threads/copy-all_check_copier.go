package threads

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// fakeCopier stands in for CopyFile in the copy-all checks: each copy
// sleeps on the fake clock for its job's work, and is recorded with
// when it ran; a copy may fail.
//
// It shares nothing between the copies of different jobs: each job
// has its own record and its own lock, and the in-flight counts are
// worked out from the records afterwards. A lock or counter shared by
// every copy would order the learner's goroutines for the race
// detector, one copy's return before the next copy's start, and so
// hide their races on their own shared memory (an unlocked append of
// errors): here nothing but the learner's code orders them.
type fakeCopier struct {
	jobs  []CopyJob
	index map[string]int           // by CopyJob.Src; read-only while copying
	work  map[string]time.Duration // by CopyJob.Src; read-only while copying
	// failFirst makes the copies that start at the very start, when
	// CopyAll is called, fail: all of them end at the same fake
	// instant, each in its own worker, and well before CopyAll is done.
	// So a learner's unlocked append of their errors races every run,
	// in whatever order the jobs start, and so does a goroutine that
	// collects the errors while CopyAll returns without waiting for it.
	failFirst bool

	start   time.Time
	records []copyRecord // one per job
	strays  copyRecord   // copies of jobs that are not in jobs
}

// copyRecord is what happened to one job.
type copyRecord struct {
	mu   sync.Mutex
	runs []span
	errs []error
}

// span is one copy, from its start to its end, as fake time since
// CopyAll was called.
type span struct{ from, to time.Duration }

// newFakeCopier copies jobs with each job's work taken from work, by
// index, or latency when work is shorter. Create it right before
// calling CopyAll: its clock starts now.
func newFakeCopier(jobs []CopyJob, latency time.Duration, work ...time.Duration) *fakeCopier {
	c := &fakeCopier{jobs: jobs, index: map[string]int{}, work: map[string]time.Duration{},
		start: time.Now(), records: make([]copyRecord, len(jobs))}
	for i, job := range jobs {
		c.index[job.Src] = i
		c.work[job.Src] = latency
		if i < len(work) {
			c.work[job.Src] = work[i]
		}
	}
	return c
}

func (c *fakeCopier) copy(job CopyJob) error {
	from := time.Since(c.start)
	i, known := c.index[job.Src]
	rec := &c.strays
	if known {
		rec = &c.records[i]
	}
	var err error
	switch {
	case !known:
		err = fmt.Errorf("copy %s: the check has no such job", job.Src)
	case c.failFirst && from == 0:
		err = errors.New("copy " + job.Src + ": disk full")
	}
	time.Sleep(c.work[job.Src])
	rec.mu.Lock()
	rec.runs = append(rec.runs, span{from, time.Since(c.start)})
	if err != nil {
		rec.errs = append(rec.errs, err)
	}
	rec.mu.Unlock()
	return err
}

// spans is every copy that has ended, in no particular order.
func (c *fakeCopier) spans() []span {
	var all []span
	for i := range c.records {
		all = append(all, c.records[i].get()...)
	}
	return append(all, c.strays.get()...)
}

func (r *copyRecord) get() []span {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.runs)
}

// failed is every error a copy returned, with the job it was for.
func (c *fakeCopier) failed() map[CopyJob]error {
	out := map[CopyJob]error{}
	for i := range c.records {
		r := &c.records[i]
		r.mu.Lock()
		if len(r.errs) > 0 {
			out[c.jobs[i]] = r.errs[0]
		}
		r.mu.Unlock()
	}
	return out
}

// peak is the most copies that ran at the same instant.
func (c *fakeCopier) peak() int {
	peak := 0
	for _, at := range boundaries(c.spans()) {
		peak = max(peak, running(c.spans(), at))
	}
	return peak
}

// boundaries are the instants when a copy started or ended, in order.
func boundaries(spans []span) []time.Duration {
	var at []time.Duration
	for _, s := range spans {
		at = append(at, s.from, s.to)
	}
	slices.Sort(at)
	return slices.Compact(at)
}

// running is how many copies ran at instant at: started, not yet ended.
func running(spans []span, at time.Duration) int {
	n := 0
	for _, s := range spans {
		if s.from <= at && at < s.to {
			n++
		}
	}
	return n
}

// idle is the first stretch of fake time when fewer than workers
// copies ran while some job had not started yet: workers sat idle
// while work was left. ok is false when there was none.
func (c *fakeCopier) idle(workers int) (from, to time.Duration, busy, waiting int, ok bool) {
	spans := c.spans()
	at := boundaries(append(spans, span{})) // and the start, 0
	for k := 0; k+1 < len(at); k++ {
		t := at[k]
		started := 0
		for i := range c.records {
			for _, s := range c.records[i].get() {
				if s.from <= t {
					started++
					break
				}
			}
		}
		if n := running(spans, t); n < workers && started < len(c.jobs) {
			return t, at[k+1], n, len(c.jobs) - started, true
		}
	}
	return 0, 0, 0, 0, false
}

// copiedOnce fails t for every job not copied exactly once, and for a
// copy of a job that is not one of the jobs, adding why to each message.
func (c *fakeCopier) copiedOnce(t *testing.T, why string) {
	t.Helper()
	for i, job := range c.jobs {
		if n := len(c.records[i].get()); n != 1 {
			t.Errorf("jobs[%d] (%s) was copied %d times, want exactly once%s", i, job.Src, n, why)
		}
	}
	if n := len(c.strays.get()); n > 0 {
		t.Errorf("copy was called %d times with a job that is not one of the jobs given", n)
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
