package queues

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
)

// TestNotebookOutputs checks what the cells of 04-queues print when
// they do not vary from run to run: run it after
// `bin/goconc run --solved --write notebooks/04-queues.ipynb`, with
// GOCONC_EXECUTED=1.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "04-queues")
	nb.Has(t, "fifo", "first: 1", "still queued: 2 of 3", "then: 2 3")
	nb.Has(t, "join-forever", "1", "still waiting after 200 ms: 3 items put, 0 done")
	nb.Has(t, "close", "got Task 1", "got Task 2", `after the end: "", ok=false`)
	nb.Has(t, "send-on-closed", "panic: send on closed channel")
	nb.Has(t, "many-senders-cell", "producer 1, item 1", "producer 1, item 2", "producer 2, item 1",
		"producer 2, item 2", "producer 3, item 1", "producer 3, item 2")
	nb.Matches(t, "many-senders-cell", `every producer is done\n*$`)
	nb.Has(t, "seed003-literal", "end main", "goroutines still alive: 11")
	nb.Has(t, "seed003-close", "end main", "goroutines still alive: 1")
	for _, id := range []string{"seed003-literal", "seed003-close"} {
		for v := 1; v <= 20; v++ {
			nb.Matches(t, id, `^In worker \d+ got `+itoa(v)+`$`)
		}
	}
	for task := 1; task <= 10; task++ {
		nb.Matches(t, "myworker", `^Th [1-5]: Task `+itoa(task)+`$`)
	}
	nb.Has(t, "print-lock", "In worker 1 got 1", "In worker 2 got 2", "In worker 3 got 3", "In worker 4 got 4")
	nb.Has(t, "print-race", "WARNING: DATA RACE")
	nb.Has(t, "pipeline-demo", "1", "4", "9", "16", "25", "36")
	nb.Has(t, "pipeline-leak", "1", "4", "9", "goroutines before: 1 after: 3",
		"blocked sending: [generate.func1 square.func1]")
	nb.Matches(t, "cond", `^opening the gate\n(runner [123] is through the gate\n){3}`)
	nb.Has(t, "check-task-queue", "PASS task-queue: 10/10 points")
	nb.Has(t, "task-queue-run", "end main",
		"one TaskDone too many: TaskDone called more times than items were put")
	nb.Has(t, "check-pipeline", "PASS pipeline: 10/10 points")
	nb.Has(t, "pipeline-run",
		"[square 1 square 4 square 9 square 16 square 25 square 36 square 49 square 64] <nil>")
	// Real time: two results by 100 ms on a quiet machine, fewer on a busy one.
	nb.Matches(t, "pipeline-run", `^\[(square 1( square 4)?)?\] context deadline exceeded$`)
	nb.Matches(t, "pipeline-run", `^goroutines before: (\d+) after: (\d+)$`)
	if out := nb.Output(t, "pipeline-run"); !sameCount(out) {
		t.Errorf("pipeline-run: the goroutines after the cancelled run are not as many as before:\n%s", out)
	}
}

var itoa = strconv.Itoa

// sameCount reports whether the "goroutines before: N after: M" line
// of out has N == M.
func sameCount(out string) bool {
	m := regexp.MustCompile(`(?m)^goroutines before: (\d+) after: (\d+)$`).FindStringSubmatch(out)
	return m != nil && m[1] == m[2]
}
