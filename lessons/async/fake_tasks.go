package async

import (
	"context"
	"sync"
	"time"
)

// task is what Gather and WithTimeout run in the checks: the seed's
// say(delay, msg), as Go writes a task that can be cancelled.
type task = func(ctx context.Context) (string, error)

// taskLog stands in for real work in the checks. Its tasks sleep on
// the fake clock and write down what they saw: when they ended, why,
// and the context they were given. They run in the learner's
// goroutines, and a wrong Gather may still be running them while the
// check reads the log, so every access takes the mutex.
type taskLog struct {
	start time.Time

	mu    sync.Mutex
	tasks map[int]*taskRecord
}

// taskRecord is what one task saw.
type taskRecord struct {
	ctx       context.Context
	started   bool
	ended     bool
	endedAt   time.Duration // since the log's start
	stoppedBy error         // ctx.Err() if the task stopped because its context was done
}

func newTaskLog() *taskLog {
	return &taskLog{start: time.Now(), tasks: map[int]*taskRecord{}}
}

// listeningTask is task i: it works for work, then returns result,
// or err if err is not nil. If its context is done first, it stops at
// once and returns ctx.Err(), as a well-behaved task does.
func listeningTask(l *taskLog, i int, work time.Duration, result string, err error) task {
	return func(ctx context.Context) (string, error) {
		l.begin(i, ctx)
		timer := time.NewTimer(work)
		defer timer.Stop()
		select {
		case <-timer.C:
			l.end(i, nil)
			return result, err
		case <-ctx.Done():
			l.end(i, ctx.Err())
			return "", ctx.Err()
		}
	}
}

// deafTask is task i, which never looks at its context: it works for
// work and returns result, whatever happens meanwhile. Go cannot stop
// it from outside; the caller can only wait for it, or not wait.
func deafTask(l *taskLog, i int, work time.Duration, result string) task {
	return func(ctx context.Context) (string, error) {
		l.begin(i, ctx)
		time.Sleep(work)
		l.end(i, nil)
		return result, nil
	}
}

// failingDeafTask is task i, which never looks at its context either:
// it works for work and then fails with err, whatever happens
// meanwhile, so that its error is its own even after a cancel.
func failingDeafTask(l *taskLog, i int, work time.Duration, err error) task {
	return func(ctx context.Context) (string, error) {
		l.begin(i, ctx)
		time.Sleep(work)
		l.end(i, nil)
		return "", err
	}
}

func (l *taskLog) begin(i int, ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tasks[i] = &taskRecord{ctx: ctx, started: true}
}

func (l *taskLog) end(i int, stoppedBy error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := l.tasks[i]
	r.ended, r.endedAt, r.stoppedBy = true, time.Since(l.start), stoppedBy
}

// record is a copy of what task i saw so far; started is false if it
// never ran.
func (l *taskLog) record(i int) taskRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r := l.tasks[i]; r != nil {
		return *r
	}
	return taskRecord{}
}
