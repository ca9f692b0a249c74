package queues

import (
	"context"
	"testing"
)

// Correct stages in other styles than the reference's: they must
// pass, every run.

func TestOtherRightPipelinesPass(t *testing.T) {
	for name, p := range map[string]pipeline{
		"the same shape, as the tests' good stages": {goodSource, goodMap, goodCollect},
		"ctx.Err() first, then a select":            {firstSource, firstMap, firstCollect},
		"buffered channels and a send helper":       {bufferedSource, bufferedMap, firstCollect},
	} {
		t.Run(name, func(t *testing.T) {
			for range 20 {
				CheckPipeline(t, p.source, p.mapf, p.collect)
			}
		})
	}
}

// The "first" stages ask ctx.Err() before each wait, so a cancel that
// came first always wins, and wait in a select only for the rest.

func firstSource(ctx context.Context, items []int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < len(items) && ctx.Err() == nil; i++ {
			select {
			case out <- items[i]:
			case <-ctx.Done():
			}
		}
	}()
	return out
}

func firstMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for ctx.Err() == nil {
			var v int
			var ok bool
			select {
			case v, ok = <-in:
			case <-ctx.Done():
				return
			}
			if !ok {
				return
			}
			select {
			case out <- f(v):
			case <-ctx.Done():
			}
		}
	}()
	return out
}

func firstCollect(ctx context.Context, in <-chan int) ([]int, error) {
	got := []int{}
	for {
		if err := ctx.Err(); err != nil {
			return got, err
		}
		select {
		case v, ok := <-in:
			if !ok {
				return got, ctx.Err()
			}
			got = append(got, v)
		case <-ctx.Done():
		}
	}
}

// sendOrDone sends v on out unless ctx ends first, and says which.
func sendOrDone[T any](ctx context.Context, out chan<- T, v T) bool {
	select {
	case out <- v:
		return true
	case <-ctx.Done():
		return false
	}
}

func bufferedSource(ctx context.Context, items []int) <-chan int {
	out := make(chan int, 1)
	go func() {
		defer close(out)
		for _, v := range items {
			if !sendOrDone(ctx, out, v) {
				return
			}
		}
	}()
	return out
}

func bufferedMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int, 1)
	go func() {
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case v, ok := <-in:
				if !ok || !sendOrDone(ctx, out, f(v)) {
					return
				}
			}
		}
	}()
	return out
}
