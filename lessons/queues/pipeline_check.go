package queues

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// The three stages of the pipeline exercise, instantiated with int.
type (
	// SourceFunc sends items on the channel it returns, then closes it.
	SourceFunc = func(ctx context.Context, items []int) <-chan int
	// MapFunc sends f(v) for every v from in, then closes its output.
	MapFunc = func(ctx context.Context, in <-chan int, f func(int) int) <-chan int
	// CollectFunc gathers what in gives until in is closed.
	CollectFunc = func(ctx context.Context, in <-chan int) ([]int, error)
)

// pipeline is the learner's three stages.
type pipeline struct {
	source  SourceFunc
	mapf    MapFunc
	collect CollectFunc
}

// CheckPipeline checks the pipeline exercise: source, mapf and collect
// are three stages connected by channels. Each closes its output when
// its input is done, all stop when ctx is cancelled, and none leaves a
// goroutine behind. Pass the learner's generic stages instantiated
// with int:
//
//	queues.CheckPipeline(t, Source[int], Map[int, int], Collect[int])
//
// Every part runs on synctest's fake clock with stages whose work
// sleeps, so "the stages overlap" and "stops at cancel" are exact.
func CheckPipeline(t *testing.T, source SourceFunc, mapf MapFunc, collect CollectFunc) {
	t.Helper()
	p := pipeline{source, mapf, collect}
	exercise.Check(t, "pipeline",
		exercise.Part{Name: "passes every item through the stages in order", Points: 2,
			Run: exercise.InBubble(p, checkPipelineOrder)},
		exercise.Part{Name: "closes each stage's output when its input is done", Points: 2,
			Run: exercise.InBubble(p, checkPipelineCloses)},
		exercise.Part{Name: "runs the stages at the same time", Points: 2,
			Run: exercise.InBubble(p, checkPipelineOverlaps)},
		exercise.Part{Name: "stops Source and Map when the context is cancelled", Points: 2,
			Run: exercise.InBubble(p, checkStagesStop)},
		exercise.Part{Name: "makes Collect return the context's error when cancelled", Points: 2,
			Run: exercise.InBubble(p, checkCollectStops)},
	)
}

// run connects source, mapf with f, and collect, and waits for the
// result, failing t with the stage that did not return.
func (p pipeline) run(t *testing.T, ctx context.Context, items []int, f func(int) int) (collected, bool) {
	t.Helper()
	src, ok := returns(t, func() <-chan int { return p.source(ctx, items) },
		"Source did not return within %v: start a goroutine that sends the items, "+
			"and return the channel at once", stuck)
	if !ok {
		return collected{}, false
	}
	mid, ok := returns(t, func() <-chan int { return p.mapf(ctx, src, f) },
		"Map did not return within %v: start a goroutine that reads in and sends on out, "+
			"and return out at once", stuck)
	if !ok {
		return collected{}, false
	}
	return returns(t, func() collected { return collect(p.collect, ctx, mid) },
		"Collect did not return within %v of fake time: are Source and Map closing their channels when done?", stuck)
}

// collected is what Collect returned.
type collected struct {
	got []int
	err error
}

func collect(c CollectFunc, ctx context.Context, in <-chan int) collected {
	got, err := c(ctx, in)
	return collected{got, err}
}

func checkPipelineOrder(t *testing.T, p pipeline) {
	items := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	// Later items are quicker, so a stage that works on several items
	// at once hands them on out of order.
	square := func(x int) int {
		time.Sleep(time.Duration(13-x) * ms)
		return x * x
	}
	r, ok := p.run(t, context.Background(), items, square)
	if !ok {
		return
	}
	got, err := r.got, r.err
	want := []int{1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144}
	switch {
	case err != nil:
		t.Errorf("Collect returned the error %v, want nil: the context was never cancelled", err)
	case len(got) != len(want):
		t.Errorf("Collect returned %d items, want %d: %v for items 1 to 12 squared, want %v",
			len(got), len(want), got, want)
	case !slices.Equal(got, want):
		t.Errorf("Collect returned %v, want %v: a stage must hand on items one at a time, "+
			"in the order it got them", got, want)
	}
	if r, ok := p.run(t, context.Background(), nil, square); ok && (len(r.got) != 0 || r.err != nil) {
		t.Errorf("with no items, Collect returned %v and %v, want no items and nil", r.got, r.err)
	}
}
