package daemon

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
	"github.com/stretchr/testify/assert"
)

// TestNotebookOutputs checks what 02-daemon printed when it ran with
// the reference solutions: every line that does not vary from run to
// run, and the fixed part of those that do.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "02-daemon")

	nb.Has(t, "select-demo", "not finished yet", "gave up after 20 ms", "finished, and done stays closed",
		"first receive:  7 true", "second receive: 0 false")
	nb.Matches(t, "select-demo", `^both ready, 1000 selects: a [1-9]\d* times, b [1-9]\d* times$`)

	// The seed: the daemon's hello is lost, then kept by luck, then on purpose.
	nb.Has(t, "seed-lost", "Non-Daemon: Hello from non-daemon", "Exiting the main program")
	assert.NotContains(t, nb.Output(t, "seed-lost"), "Hello from daemon")
	assert.Contains(t, nb.Output(t, "seed-kept-by-luck"),
		"Daemon: Hello from daemon\nNon-Daemon: Hello from non-daemon\nExiting the main program\n")
	assert.Contains(t, nb.Output(t, "seed-kept"),
		"Non-Daemon: Hello from non-daemon\nDaemon: Hello from daemon\nExiting the main program\n")

	assert.Contains(t, nb.Output(t, "context-stop"), "background: work 1\nbackground: work 2\nbackground: work 3\n"+
		"background: stopping: context canceled\nmain: the background goroutine has stopped\n")
	assert.Contains(t, nb.Output(t, "signal-stop"), "main: working\nmain: working\nmain: stopping after ")
	nb.Matches(t, "signal-stop", `^main: stopping after \d+ms: interrupt signal received$`)
	nb.Matches(t, "signal-try", `^stopped after \d+(\.\d+)?s: context deadline exceeded$`)
	nb.Has(t, "grace", "grace 100ms: gave up, the worker is still busy", "grace 200ms: the worker stopped in time")

	// 20 calls leave 2 replicas each; the fixed version leaves none.
	before, after := count(t, nb.Output(t, "leak-count"), "goroutines before:"), count(t, nb.Output(t, "leak-count"), "goroutines after:")
	assert.Equal(t, before+40, after, "leak-count")
	fixed := nb.Output(t, "leak-fixed")
	assert.Equal(t, count(t, fixed, "goroutines before:"), count(t, fixed, "once all returned:"), "leak-fixed")

	leak := nb.Output(t, "synctest-leak")
	nb.Matches(t, "synctest-leak", `first reply 10ms, after 10ms of fake time$`)
	nb.Has(t, "synctest-leak", "panic: deadlock: main bubble goroutine has exited but blocked goroutines remain [recovered, repanicked]")
	assert.Equal(t, 2, strings.Count(leak, "[chan send (durable), synctest bubble 1]:"), "synctest-leak: the 20 and 30 ms replicas")
	assert.Equal(t, 2, strings.Count(leak, "firstReply.func1()"), "synctest-leak: stuck in firstReply's goroutine")
	nb.Matches(t, "synctest-leak", `Cell \[\d+\] Line 14 \]\]`) // the replies <- d the notice points at
	nb.Has(t, "synctest-fixed", "--- PASS: TestFirstReplyNoLeak (0.00s)")

	nb.Has(t, "check-heartbeat", "PASS heartbeat: 10/10 points")
	nb.Matches(t, "heartbeat-run", `^beat 1 at \d+ms$`, `^beat 5 at \d+ms$`,
		`^stopped after \d+ms \(interrupt signal received\), 5 beats$`)
	assert.NotContains(t, nb.Output(t, "heartbeat-run"), "beat 6")

	nb.Has(t, "check-graceful-shutdown", "PASS graceful-shutdown: 10/10 points")
	run := nb.Output(t, "graceful-shutdown-run")
	nb.Matches(t, "graceful-shutdown-run", `^\d+ms: RunWorkers returned, late: \["(ann|bob|cid)"\]$`)
	nb.Matches(t, "graceful-shutdown-run", `^\d+ms: (ann|bob|cid) finished job 7$`, `^\d+ms: (ann|bob|cid) finished job 8$`)
	for _, never := range []string{"job 6", "job 9", "job 10", "job 11", "job 12"} {
		assert.NotContains(t, run, "finished "+never+"\n", "graceful-shutdown-run")
	}
}

// count reads the number after label on its line of out.
func count(t *testing.T, out, label string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + ` +(\d+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no line %q in:\n%s", label, out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
