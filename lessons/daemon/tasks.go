package daemon

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// taskLog stands in for the learner's work in the graceful-shutdown
// checks: each task sleeps on the fake clock for as long as cost says,
// and the log keeps who ran which task, from when to when.
type taskLog struct {
	origin   time.Time
	cost     func(worker, task string) time.Duration
	inFlight exercise.InFlight // the tasks running at once

	mu   sync.Mutex
	runs []taskRun
}

// taskRun is one call of work. End is -1 while the task is running.
type taskRun struct {
	Worker, Task string
	Start, End   time.Duration
}

func newTaskLog(cost func(worker, task string) time.Duration) *taskLog {
	return &taskLog{origin: time.Now(), cost: cost}
}

// everyTask gives every task the same cost.
func everyTask(d time.Duration) func(worker, task string) time.Duration {
	return func(string, string) time.Duration { return d }
}

// worker is the work that the checks hand to RunWorkers. Its method
// has a value receiver for the reason given on [beater].
type worker struct{ *taskLog }

func (l worker) work(worker, task string) {
	defer l.inFlight.Enter()()
	l.mu.Lock()
	i := len(l.runs)
	l.runs = append(l.runs, taskRun{worker, task, l.since(), -1})
	l.mu.Unlock()
	time.Sleep(l.cost(worker, task))
	l.mu.Lock()
	l.runs[i].End = l.since()
	l.mu.Unlock()
}

func (l *taskLog) since() time.Duration { return time.Since(l.origin) }

// all returns a copy of every run so far, in the order they started.
func (l *taskLog) all() []taskRun {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.runs)
}

// running returns the runs that had not ended by now.
func (l *taskLog) running() []taskRun {
	var out []taskRun
	for _, r := range l.all() {
		if r.End < 0 {
			out = append(out, r)
		}
	}
	return out
}

// startedAfter returns the runs that started after t.
func (l *taskLog) startedAfter(t time.Duration) []taskRun {
	var out []taskRun
	for _, r := range l.all() {
		if r.Start > t {
			out = append(out, r)
		}
	}
	return out
}

// byWorker counts the tasks each worker started up to t.
func (l *taskLog) byWorker(t time.Duration) map[string]int {
	n := map[string]int{}
	for _, r := range l.all() {
		if r.Start <= t {
			n[r.Worker]++
		}
	}
	return n
}

func (r taskRun) String() string {
	return fmt.Sprintf("%s's %s, started at %v", r.Worker, r.Task, r.Start)
}

// queue returns a channel holding tasks t1 … tn, left open, so that
// the workers always have a next task until they are told to stop.
func queue(n int) chan string {
	tasks := make(chan string, n)
	for i := range n {
		tasks <- fmt.Sprintf("t%d", i+1)
	}
	return tasks
}

// names returns "<prefix>1" … "<prefix>n".
func names(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return out
}

// listRuns shows at most three runs, then how many more:
// "w4's t27, started at 300ms; w9's t30, started at 300ms; and 2 more".
func listRuns(runs []taskRun) string {
	var parts []string
	for i, r := range runs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(runs)-3))
			break
		}
		parts = append(parts, r.String())
	}
	return strings.Join(parts, "; ")
}
