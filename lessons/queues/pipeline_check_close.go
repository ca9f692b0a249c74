package queues

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// closesAfter receives want from ch, then expects ch to be closed,
// failing t with what stage did wrong.
func closesAfter(t *testing.T, stage string, ch <-chan int, want []int) bool {
	t.Helper()
	for i, w := range want {
		v, ok, timedOut := recv(ch)
		switch {
		case timedOut:
			t.Errorf("%s sent %d of its %d items, then nothing for %v", stage, i, len(want), stuck)
			return false
		case !ok:
			t.Errorf("%s closed its channel after %d of its %d items", stage, i, len(want))
			return false
		case v != w:
			t.Errorf("%s sent %d as item %d, want %d", stage, v, i+1, w)
			return false
		}
	}
	v, ok, timedOut := recv(ch)
	switch {
	case timedOut:
		t.Errorf("%s sent all its %d items but did not close its channel: "+
			"close the output when the input is done (defer close(out) in the stage's goroutine), "+
			"or a for-range over it never ends", stage, len(want))
		return false
	case ok:
		t.Errorf("%s sent %d after its %d items, want its channel closed", stage, v, len(want))
		return false
	}
	return true
}

func checkPipelineCloses(t *testing.T, p pipeline) {
	ctx := context.Background()
	src, ok := returns(t, func() <-chan int { return p.source(ctx, []int{1, 2, 3}) },
		"Source did not return within %v: return the channel at once, "+
			"and send on it from a goroutine", stuck)
	if !ok || !closesAfter(t, "Source given [1 2 3]", src, []int{1, 2, 3}) {
		return
	}

	// Map's input is ours: we send two numbers and close it.
	in := make(chan int)
	double := func(x int) int { return 2 * x }
	out, ok := returns(t, func() <-chan int { return p.mapf(ctx, in, double) },
		"Map did not return within %v: return the output channel at once, "+
			"and work from a goroutine", stuck)
	if !ok {
		close(in)
		return
	}
	go send(in, 1, 2)
	if !closesAfter(t, "Map doubling 1 and 2, then seeing its input closed,", out, []int{2, 4}) {
		return
	}

	// Collect must return when its input is closed.
	done := make(chan int, 2)
	done <- 5
	done <- 6
	close(done)
	r, ok := returns(t, func() collected { return collect(p.collect, ctx, done) },
		"Collect did not return within %v after its input was closed: "+
			"stop when a receive says the channel is closed (v, ok := <-in; or a for-range)", stuck)
	if ok && (fmt.Sprint(r.got) != "[5 6]" || r.err != nil) {
		t.Errorf("Collect of a channel holding 5 and 6, then closed, returned %v and %v, want [5 6] and nil", r.got, r.err)
	}
}

// send sends vs on in, then closes it, giving up on a stage that does
// not read: the check's own goroutines never leak.
func send(in chan<- int, vs ...int) {
	defer close(in)
	for _, v := range vs {
		select {
		case in <- v:
		case <-time.After(stuck):
			return
		}
	}
}
