package queues

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// stoppedAfterCancel fails t unless stage closed ch by the time every
// goroutine was blocked or gone, a fake second after ctx was
// cancelled, with nobody reading ch: a stage blocked on a send must
// see ctx.Done() too.
func stoppedAfterCancel(t *testing.T, stage, doing string, ch <-chan int) {
	t.Helper()
	time.Sleep(patience)
	if closed, _ := closedNow(ch); !closed {
		t.Errorf("%s was %s when the context was cancelled, and %v later it had still not closed its channel: "+
			"wait in a select with a case <-ctx.Done() that returns (closing the channel)", stage, doing, patience)
	}
}

func checkStagesStop(t *testing.T, p pipeline) {
	// Source: the reader takes 2 of 100 items, cancels and walks away.
	ctx, cancel := context.WithCancel(context.Background())
	src, ok := returns(t, func() <-chan int { return p.source(ctx, make([]int, 100)) },
		"Source did not return within %v", patience)
	if !ok {
		cancel()
		return
	}
	for range 2 {
		recv(src)
	}
	cancel()
	stoppedAfterCancel(t, "Source, with 98 of 100 items left to send,", "sending", src)

	// Map, waiting for an input that never comes.
	ctx, cancel = context.WithCancel(context.Background())
	never := make(chan int)
	out, ok := returns(t, func() <-chan int { return p.mapf(ctx, never, func(x int) int { return x }) },
		"Map did not return within %v", patience)
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
		"Map did not return within %v", patience)
	if !ok {
		cancel()
		return
	}
	recv(out)
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
	c := callAsync(t, begin, func() { r = collect(p.collect, ctx, in) })
	time.Sleep(50 * ms)
	cancel()
	if !c.wait(t, "Collect, given 1 and 2 on a channel that then stayed open, did not return within %v "+
		"after the context was cancelled: wait in a select with a case <-ctx.Done() that returns ctx.Err()", patience) {
		return
	}
	if !errors.Is(r.err, context.Canceled) || fmt.Sprint(r.got) != "[1 2]" || c.at != 50*ms {
		t.Errorf("Collect returned %v and %v after %v, want [1 2] (what it got) and context.Canceled (ctx.Err()) "+
			"after 50ms, when the context was cancelled", r.got, r.err, c.at)
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
		"Source did not return within %v", patience)
	if !ok {
		return
	}
	mid, ok := returns(t, func() <-chan int { return p.mapf(ctx, src, times10) },
		"Map did not return within %v", patience)
	if !ok {
		return
	}
	c = callAsync(t, begin, func() { r = collect(p.collect, ctx, mid) })
	time.Sleep(35 * ms)
	cancel()
	if !c.wait(t, "Collect did not return within %v after the context was cancelled", patience) {
		return
	}
	if !errors.Is(r.err, context.Canceled) || fmt.Sprint(r.got) != "[10 20 30]" || c.at != 35*ms {
		t.Errorf("Source, Map (10ms an item) and Collect, cancelled at 35ms: Collect returned %v and %v after %v, "+
			"want [10 20 30] and context.Canceled after 35ms", r.got, r.err, c.at)
	}
	stoppedAfterCancel(t, "Map, in the middle of the pipeline,", "working", mid)
	if closed, _ := closedNow(src); !closed {
		t.Errorf("Source had not closed its channel %v after the pipeline was cancelled", patience)
	}
}
