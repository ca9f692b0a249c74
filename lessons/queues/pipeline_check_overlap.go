package queues

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func checkPipelineOverlaps(t *testing.T, p pipeline) {
	const n, work = 10, 20 * ms
	ctx := context.Background()
	slow := func(x int) int {
		time.Sleep(work)
		return x + 1
	}
	begin := time.Now()
	src, ok := returns(t, func() <-chan int { return p.source(ctx, make([]int, n)) },
		"Source did not return within %v", stuck)
	if !ok {
		return
	}
	first, ok := returns(t, func() <-chan int { return p.mapf(ctx, src, slow) },
		"Map did not return within %v", stuck)
	if !ok {
		return
	}
	second, ok := returns(t, func() <-chan int { return p.mapf(ctx, first, slow) },
		"Map did not return within %v", stuck)
	if !ok {
		return
	}
	r, ok := returns(t, func() collected { return collect(p.collect, ctx, second) },
		"Collect did not return within %v", stuck)
	if !ok {
		return
	}
	took := time.Since(begin)
	want := (n + 1) * work
	head := fmt.Sprintf("%d items through two Map stages of %v each took %v of fake time, want %v "+
		"(while the second stage works on item i, the first works on item i+1)", n, work, took, want)
	switch {
	case len(r.got) != n:
		t.Errorf("Collect returned %d items, want %d", len(r.got), n)
	case took == want:
	case took >= 2*n*work:
		t.Errorf("%s: the stages took turns; let each stage hand on an item as soon as it is done with it, "+
			"not after its whole input", head)
	case took < want:
		t.Errorf("%s: items went through a stage at the same time; a stage works on one item at a time", head)
	default:
		t.Errorf("%s: the stages waited for each other", head)
	}
}
