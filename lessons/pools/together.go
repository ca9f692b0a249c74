package pools

import (
	"runtime"
	"sync/atomic"
	"time"
)

// together lets the first n calls of the learner's workers go at the
// same moment, for the one claim of "exactly once" that no fake clock
// can force: workers that take the next index in two steps (an atomic
// Load, then a Store or an Add) take the same one twice only when
// another worker comes between the two steps, in real time. The first
// n calls wait until all n have begun (on the fake clock, a second at
// most: a pool that never has n calls at once goes on after that);
// every later call goes on at once, so the workers race side by side.
type together struct {
	n     int32
	begun atomic.Int32
	let   atomic.Bool // the first calls were let go: the others need not count
	all   chan struct{}
}

func newTogether(n int) *together { return &together{n: int32(n), all: make(chan struct{})} }

// wait is called at the start of every call of the injected work.
func (g *together) wait() {
	if g.let.Load() {
		return
	}
	switch n := g.begun.Add(1); {
	case n == g.n:
		g.let.Store(true)
		close(g.all)
	case n < g.n:
		select {
		case <-g.all:
		case <-time.After(time.Second):
		}
	}
}

// onProcs raises GOMAXPROCS to at least n, so that the operating system
// also switches the workers at any instruction; call the result to put
// it back.
func onProcs(n int) (restore func()) {
	old := runtime.GOMAXPROCS(max(n, runtime.GOMAXPROCS(0)))
	return func() { runtime.GOMAXPROCS(old) }
}
