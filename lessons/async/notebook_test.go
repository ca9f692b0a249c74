package async

import (
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
)

// TestNotebookOutputs checks what 06-async printed, solutions in: the
// lines that come out the same on every run, and the shape of those
// with a time in them. It reads notebooks/06-async.solved.ipynb, which
// `bin/goconc run --solved --write notebooks/06-async.ipynb` writes.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "06-async")
	nb.Has(t, "say", "Good")
	nb.Matches(t, "say", `^Started at \d\d:\d\d:\d\d\.\d{3}$`, `^Stopped at \d\d:\d\d:\d\d\.\d{3}$`)
	nb.Has(t, "gather", "one after another:", "Good", "Morning", "gathered:")
	nb.Matches(t, "sleepers", `^1,000 sleeps of 100ms with GOMAXPROCS=1 took \d+ms$`)
	// The same, traced: one P, all 1,000 parked in sleep, the P idle
	// for most of the time (under 90% busy: 200 ms of sleep with
	// nothing to run).
	nb.Has(t, "sleepers-sched", "goroutines: f and 1000 it started")
	nb.Matches(t, "sleepers-sched", `^GOMAXPROCS 1; 1 P ran f's goroutines: P\d+ busy (<0\.1|\d(\.\d)?|[1-8]\d)% of `,
		`^blocked \d+ times: (.*, )?sleep 1000(,|$)`)
	nb.Has(t, "select", "first: Good", "too slow: no Morning within 50ms more")
	nb.Has(t, "cancel", "Good", "Morning: context canceled")
	nb.Has(t, "wait-for", "Good <nil>",
		"timeout! GET /say?delay=200ms&msg=Morning: context deadline exceeded",
		"The server's log:")
	nb.Matches(t, "wait-for",
		`^\s+say Good \(100ms\): answered after \d+ms$`,
		`^\s+say Morning \(200ms\): the client gave up after \d+ms$`)
	nb.Has(t, "deaf", "Morning", "the context by now: context deadline exceeded")
	nb.Matches(t, "deaf", `^Morning <nil> after \d+ms$`)

	nb.Has(t, "check-gather", "PASS gather: 10/10 points")
	nb.Has(t, "gather-run", `["Good" "Morning"] <nil>`,
		`[] GET /fail?delay=50ms: 500 Internal Server Error`, "The server's log:")
	nb.Matches(t, "gather-run",
		`^\s+fail \(50ms\): failed after \d+ms$`,
		`^\s+say Good \(100ms\): the client gave up after \d+ms$`,
		`^\s+say Morning \(200ms\): the client gave up after \d+ms$`)
	nb.Has(t, "errgroup-run", `["" "" ""] GET /fail?delay=50ms: 500 Internal Server Error`)
	nb.Matches(t, "errgroup-run",
		`^\s+fail \(50ms\): failed after \d+ms$`,
		`^\s+say Good \(100ms\): the client gave up after \d+ms$`,
		`^\s+say Morning \(200ms\): the client gave up after \d+ms$`)

	nb.Has(t, "check-with-timeout", "PASS with-timeout: 10/10 points")
	nb.Has(t, "with-timeout-run",
		`Good:    "Good" <nil>`,
		`Morning: "" context deadline exceeded`,
		`deaf:    "" context deadline exceeded`,
		`tidy:    "" context deadline exceeded`,
		"The server's log:")
	nb.Matches(t, "with-timeout-run",
		`^\s+say Good \(100ms\): answered after \d+ms$`,
		`^\s+say Morning \(200ms\): the client gave up after \d+ms$`)
}
