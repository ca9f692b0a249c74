package queues

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// stoppedAfterCancel fails t unless stage closed ch by the time every
// goroutine was blocked or gone, a fake second after ctx was
// cancelled, with nobody reading ch: a stage blocked on a send must
// see ctx.Done() too.
//
// Nor may the stage have filled its channel ahead of its reader: a
// value waiting in the channel's buffer was sent before the cancel, and
// a reader that goes on reading still gets it. One is the most the task
// allows (a buffer of one); a stage that put the rest of its values in
// a buffer as big as the list has nothing left to stop, and its reader
// gets them all after the cancel.
func stoppedAfterCancel(t *testing.T, stage, doing string, ch <-chan int) {
	t.Helper()
	time.Sleep(stuck)
	waitForBlocked()
	if n := len(ch); n > maxAhead {
		t.Errorf("%s had %d values waiting in its channel after the context was cancelled, for its reader to take, "+
			"want at most %d: it filled its channel ahead of its reader, so the cancel stopped nothing. Send each "+
			"value from a goroutine of your own as the reader takes it (make(chan T), as in Hint 1, not a buffer "+
			"as big as the list)", stage, n, maxAhead)
		return
	}
	if !closedNow(ch) {
		t.Errorf("%s was %s when the context was cancelled, and %v later it had still not closed its channel: "+
			"wait in a select with a case <-ctx.Done() that returns (closing the channel)", stage, doing, stuck)
	}
}

// maxAhead is how many values a stage may hold in its channel's buffer
// ahead of its reader: the task allows a buffer of one.
const maxAhead = 1

func checkStagesStop(t *testing.T, p pipeline) {
	// Source: the reader takes 2 of 100 items, cancels and walks away.
	ctx, cancel := context.WithCancel(context.Background())
	src, ok := returns(t, func() <-chan int { return p.source(ctx, make([]int, 100)) },
		"Source did not return within %v", stuck)
	if !ok {
		cancel()
		return
	}
	for range 2 {
		recv(src)
	}
	waitForBlocked() // Source is blocked sending the third
	cancel()
	stoppedAfterCancel(t, "Source, with 98 of 100 items left to send,", "sending", src)

	// Map, waiting for an input that never comes.
	ctx, cancel = context.WithCancel(context.Background())
	never := make(chan int)
	out, ok := returns(t, func() <-chan int { return p.mapf(ctx, never, func(x int) int { return x }) },
		"Map did not return within %v", stuck)
	if !ok {
		cancel()
		return
	}
	time.Sleep(10 * ms)
	cancel()
	stoppedAfterCancel(t, "Map, given an input channel that stays empty and open,", "waiting for input", out)

	// Map, with input left but nobody reading its output.
	ctx, cancel = context.WithCancel(context.Background())
	full := make(chan int, 10)
	for i := range 10 {
		full <- i
	}
	out, ok = returns(t, func() <-chan int { return p.mapf(ctx, full, func(x int) int { return x }) },
		"Map did not return within %v", stuck)
	if !ok {
		cancel()
		return
	}
	recv(out)
	waitForBlocked() // Map is blocked sending the second
	cancel()
	stoppedAfterCancel(t, "Map, with 9 items left and nobody reading its output,", "sending", out)
}

func checkCollectStops(t *testing.T, p pipeline) {
	// Collect alone: two items, then an input that stays open.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan int, 2)
	in <- 1
	in <- 2
	begin := time.Now()
	var r collected
	c := exercise.Go(func() { r = collect(p.collect, ctx, in) })
	time.Sleep(50 * ms)
	cancel()
	if !waitFor(t, c, "Collect, given 1 and 2 on a channel that then stayed open, did not return within %v "+
		"after the context was cancelled: wait in a select with a case <-ctx.Done() that returns ctx.Err()", stuck) {
		return
	}
	if at := since(c, begin); !errors.Is(r.err, context.Canceled) || fmt.Sprint(r.got) != "[1 2]" || at != 50*ms {
		t.Errorf("Collect returned %v and %v after %v, want [1 2] (what it got) and context.Canceled (ctx.Err()) "+
			"after 50ms, when the context was cancelled", r.got, r.err, at)
		return
	}
	if !collectTimesOut(t, p) || !collectSeesCancelAsInCloses(t, p) {
		return
	}

	// The whole pipeline: Map takes 10ms an item, cancelled at 35ms.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	times10 := func(x int) int {
		time.Sleep(10 * ms)
		return 10 * x
	}
	begin = time.Now()
	src, ok := returns(t, func() <-chan int { return p.source(ctx, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) },
		"Source did not return within %v", stuck)
	if !ok {
		return
	}
	mid, ok := returns(t, func() <-chan int { return p.mapf(ctx, src, times10) },
		"Map did not return within %v", stuck)
	if !ok {
		return
	}
	c = exercise.Go(func() { r = collect(p.collect, ctx, mid) })
	time.Sleep(35 * ms)
	cancel()
	if !waitFor(t, c, "Collect did not return within %v after the context was cancelled", stuck) {
		return
	}
	if at := since(c, begin); !errors.Is(r.err, context.Canceled) || fmt.Sprint(r.got) != "[10 20 30]" || at != 35*ms {
		t.Errorf("Source, Map (10ms an item) and Collect, cancelled at 35ms: Collect returned %v and %v after %v, "+
			"want [10 20 30] and context.Canceled after 35ms", r.got, r.err, at)
	}
	stoppedAfterCancel(t, "Map, in the middle of the pipeline,", "working", mid)
	if !closedNow(src) {
		t.Errorf("Source had not closed its channel %v after the pipeline was cancelled", stuck)
	}
}

// collectTimesOut gives Collect a context whose time runs out: the
// error is then context.DeadlineExceeded, which is why Collect returns
// ctx.Err() and not a context.Canceled of its own.
func collectTimesOut(t *testing.T, p pipeline) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 30*ms)
	defer cancel()
	in := make(chan int, 1)
	in <- 1
	r, ok := returns(t, func() collected { return collect(p.collect, ctx, in) },
		"Collect, given 1 on a channel that then stayed open, did not return within %v after its context's time "+
			"ran out (context.WithTimeout of 30ms): wait in a select with a case <-ctx.Done()", stuck)
	if ok && (!errors.Is(r.err, context.DeadlineExceeded) || fmt.Sprint(r.got) != "[1]") {
		t.Errorf("Collect with a context.WithTimeout of 30ms, given 1 on a channel that then stayed open, "+
			"returned %v and %v, want [1] and context.DeadlineExceeded: return ctx.Err(), which says why the "+
			"context ended, not an error of your own", r.got, r.err)
		return false
	}
	return ok
}

// sameMoment is how many times collectSeesCancelAsInCloses tries: a
// select with both cases ready picks one at random, so a Collect that
// trusts the closed input would pass one try in two, and all of them
// once in 2^40.
const sameMoment = 40

// collectSeesCancelAsInCloses cancels the context and closes Collect's
// input at the same moment, before Collect looks: what happens when a
// cancelled stage closes its output, so that Collect's input ends
// early. Collect must report the cancel, not a complete result.
func collectSeesCancelAsInCloses(t *testing.T, p pipeline) bool {
	nils := 0
	for range sameMoment {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		in := make(chan int)
		close(in)
		r, ok := returns(t, func() collected { return collect(p.collect, ctx, in) },
			"Collect, given a cancelled context and a closed input, did not return within %v", stuck)
		switch {
		case !ok:
			return false
		case r.err == nil:
			nils++
		case !errors.Is(r.err, context.Canceled) || len(r.got) != 0:
			t.Errorf("Collect, given a cancelled context and an input closed with nothing in it, returned %v and %v, "+
				"want no items and context.Canceled", r.got, r.err)
			return false
		}
	}
	if nils > 0 {
		t.Errorf("with the context cancelled and its input closed at the same moment (as when a cancelled stage closes "+
			"its output early), Collect returned a nil error %d of %d times, want ctx.Err() every time: "+
			"after a cancel, a closed input may be cut short, and nil would say the result is whole. "+
			"When in is closed, return ctx.Err() (it is nil while the context is live)", nils, sameMoment)
		return false
	}
	return true
}
