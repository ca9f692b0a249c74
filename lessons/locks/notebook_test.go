package locks

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/notebook/notebooktest"
	"github.com/stretchr/testify/assert"
)

// TestNotebookOutputs checks what 03-locks printed, run with its
// solutions in (`goconc run --solved --write notebooks/03-locks.ipynb`,
// then GOCONC_EXECUTED=1): every line that does not vary from run to
// run, and the shape of those that do.
func TestNotebookOutputs(t *testing.T) {
	nb := notebooktest.Executed(t, "03-locks")

	// The seed's race: updates lost, reported, exit status 66.
	nb.Matches(t, "race-counter",
		`^run 1: final value of x: \d+ \(\d+ lost\)$`,
		`^run 2: final value of x: \d+ \(\d+ lost\)$`,
		`^run 3: final value of x: \d+ \(\d+ lost\)$`)
	nb.Has(t, "race-counter", "WARNING: DATA RACE", "exit status 66")
	nb.Matches(t, "race-counter", `^Found [12] data race\(s\)$`) // one, at times, on one core
	nb.Matches(t, "mutex-counter", `^final value of x: 2000000 in \S+$`)
	nb.Matches(t, "atomic-counter", `^final value of x: 2000000 in \S+$`)

	// The scheduler's view: the lockers park on the Mutex (sync blocks
	// beside f's own one in wg.Wait), the adders block less, if at all.
	// On one P the lockers take turns and park only when one is
	// preempted holding the lock, maybe never: nothing to compare.
	nb.Has(t, "sched-locks", "with a Mutex: x = 400000", "with an atomic: x = 400000")
	views := nb.Output(t, "sched-locks")
	assert.Equal(t, 2, strings.Count(views, "goroutines: f and 4 it started\n"), views)
	blocked := regexp.MustCompile(`(?m)^blocked (\d+) times?: (.*)$`).FindAllStringSubmatch(views, -1)
	onOneP := regexp.MustCompile(`(?m)^GOMAXPROCS 1;`).MatchString(views)
	if assert.Len(t, blocked, 2, views) && !onOneP {
		syncs := regexp.MustCompile(`\bsync (\d+)`).FindStringSubmatch(blocked[0][2])
		if assert.NotNil(t, syncs, "the Mutex's view has sync blocks: %s", blocked[0][0]) {
			n, _ := strconv.Atoi(syncs[1])
			assert.GreaterOrEqual(t, n, 2, "f's wg.Wait and at least one parked locker")
		}
		locked, _ := strconv.Atoi(blocked[0][1])
		atomic, _ := strconv.Atoi(blocked[1][1])
		assert.Less(t, atomic, locked, "the adders never wait for each other")
	}

	// Five goroutines spend 30 from 100: three can, two cannot.
	nb.Has(t, "defer-wallet", "left: 10")
	wallet := nb.Output(t, "defer-wallet")
	assert.Equal(t, 3, strings.Count(wallet, ": spent 30\n"), wallet)
	assert.Equal(t, 2, strings.Count(wallet, ": cannot spend 30, 10 left\n"), wallet)

	nb.Has(t, "database-lost", "start value 0", "end value 1")
	nb.Has(t, "database-locked", "start value 0", "end value 2")
	nb.Has(t, "deadlock", "deadlock: after 100ms both goroutines still wait")
	nb.Has(t, "deadlock-ordered", "both goroutines finished: true")
	nb.Has(t, "trylock", "TryLock: taken, so we do something else", "TryLock after the holder let go: got it")
	nb.Has(t, "chan-lock", "waits up to 50ms: gave up", "waits up to 200ms: got the lock")
	nb.Matches(t, "deadlock-backoff",
		`^goroutine 1 done, after giving up \d+ times$`, `^goroutine 2 done, after giving up \d+ times$`)

	// The exercises, solved.
	nb.Has(t, "check-safe-counter", "PASS safe-counter: 10/10 points")
	nb.Has(t, "safe-counter-run", "/       6667", "/blog   6667", "/about  6666", "total  20000 (want 20000)")
	nb.Has(t, "check-bank-transfer", "PASS bank-transfer: 10/10 points")
	nb.Has(t, "bank-transfer-run", "total: 300 (want 300)")
	nb.Matches(t, "bank-transfer-run", `^transfers refused for lack of funds: \d+$`)
	nb.Has(t, "check-lock-with-timeout", "PASS lock-with-timeout: 10/10 points")
	nb.Has(t, "lock-with-timeout-run",
		"LockContext(ctx): context canceled", "LockTimeout(50ms): gave up", "LockTimeout(300ms): got the lock")
}
