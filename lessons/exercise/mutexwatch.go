package exercise

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// How the mutex watchdog samples a bubble, in real time: every
// mutexPoll, and it gives up once the bubble has looked the same,
// stuck, for mutexStuckFor.
const (
	mutexPoll     = 100 * time.Millisecond
	mutexStuckFor = time.Second
)

// InMutexBubble is [InBubble] with [MutexBubble] instead of [Bubble].
func InMutexBubble[F any](impl F, check func(t *testing.T, impl F)) func(t *testing.T) {
	return func(t *testing.T) {
		MutexBubble(t, func(t *testing.T) { check(t, impl) })
	}
}

// MutexBubble is [Bubble] for checks of code that may use a sync.Mutex
// or sync.RWMutex: a deadlock on mutexes ends the check with a report
// instead of hanging it.
//
// synctest cannot see a goroutine waiting for a mutex: such a goroutine
// does not count as blocked, so neither synctest's deadlock detection
// nor its fake clock moves on while it waits. Two goroutines that lock
// two mutexes in opposite orders would hang the check forever, and so
// would one that waits for a mutex while its holder sleeps on the fake
// clock. MutexBubble watches the bubble from outside, in real time:
// once every goroutine in it has been blocked, one of them on a mutex,
// for a second, nothing can ever move again, and it ends the test
// binary with a panic that starts "deadlock:" and names where each
// goroutine waits. (A panic, because goroutines stuck on a mutex cannot
// be woken: the test cannot go on. The parts after this one are not
// run.)
func MutexBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	stop := make(chan struct{})
	go watchMutexes(stop)
	defer close(stop)
	Bubble(t, f)
}

// watchMutexes samples the goroutines until stop is closed, and panics
// when a bubble has stayed stuck on a mutex for mutexStuckFor.
func watchMutexes(stop <-chan struct{}) {
	tick := time.NewTicker(mutexPoll)
	defer tick.Stop()
	var last string
	var since time.Time
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		headers, stuck := stuckOnMutex()
		switch {
		case len(stuck) == 0:
			last = ""
		case headers != last:
			last, since = headers, time.Now()
		case time.Since(since) >= mutexStuckFor:
			panic(mutexDeadlock(stuck))
		}
	}
}

// stuckOnMutex looks for a synctest bubble whose goroutines are all
// blocked, at least one of them on a sync.Mutex or sync.RWMutex. It
// returns their stack headers (to tell whether anything moved since
// the last look) and their descriptions, or nothing.
func stuckOnMutex() (headers string, stuck []string) {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	bubbles := map[string][]string{}
	var order []string
	for _, b := range strings.Split(strings.TrimSpace(string(buf)), "\n\n") {
		if id := bubbleOf(b); id != "" {
			if bubbles[id] == nil {
				order = append(order, id)
			}
			bubbles[id] = append(bubbles[id], b)
		}
	}
	for _, id := range order {
		blocks := bubbles[id]
		onMutex, moving := false, false
		var heads []string
		for _, b := range blocks {
			head, _, _ := strings.Cut(b, "\n")
			heads = append(heads, head)
			state := goroutineHeader.FindStringSubmatch(head)[2]
			switch {
			case strings.HasPrefix(state, "running"), strings.HasPrefix(state, "runnable"),
				strings.HasPrefix(state, "syscall"), strings.HasPrefix(state, "preempted"):
				moving = true
			case strings.HasPrefix(state, "sync.Mutex.Lock"), strings.HasPrefix(state, "sync.RWMutex."):
				onMutex = true
			}
		}
		if !onMutex || moving {
			continue
		}
		count := map[string]int{}
		for _, b := range blocks {
			if d := describe(b); d != "" {
				if count[d] == 0 {
					stuck = append(stuck, d)
				}
				count[d]++
			}
		}
		for i, d := range stuck {
			if n := count[d]; n > 1 {
				stuck[i] = fmt.Sprintf("  - %d goroutines %s", n, strings.TrimPrefix(d, "  - "))
			}
		}
		return strings.Join(heads, "\n"), stuck
	}
	return "", nil
}

// mutexDeadlock is the watchdog's report: what it saw, and the usual
// causes.
func mutexDeadlock(stuck []string) string {
	if seen := panicsSoFar(); len(seen) > 0 {
		return fmt.Sprintf("deadlock: your code panicked: %s\n"+
			"and then every goroutine of the check waited for a sync.Mutex that no one will ever unlock:\n%s\n"+
			"A panic between Lock and Unlock leaves the mutex locked: write defer mu.Unlock() right after mu.Lock(), "+
			"so that it is unlocked however the function ends.",
			seen[len(seen)-1], strings.Join(stuck, "\n"))
	}
	return fmt.Sprintf("deadlock: every goroutine of the check waits, and some wait for a sync.Mutex "+
		"that no one will ever unlock:\n%s\n"+
		"Look for a Lock without its Unlock (write defer mu.Unlock() right after mu.Lock()), "+
		"a goroutine that locks a mutex it already holds, or two mutexes locked in opposite orders. "+
		"Holding a mutex while time passes does it too: the check runs on a fake clock "+
		"(testing/synctest) that cannot move while a goroutine waits for a sync.Mutex.",
		strings.Join(stuck, "\n"))
}
