package queues

import (
	"context"
	"sync"
)

// Pipeline stages that a learner might write, each wrong in one way,
// next to right ones to combine them with. The tests in
// checks_test.go check what CheckPipeline tells them.

func stubSource(context.Context, []int) <-chan int                  { panic("TODO: Source") }
func stubMap(context.Context, <-chan int, func(int) int) <-chan int { panic("TODO: Map") }
func stubCollect(context.Context, <-chan int) ([]int, error)        { panic("TODO: Collect") }

func goodSource(ctx context.Context, items []int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, v := range items {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func goodMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- f(v):
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func goodCollect(ctx context.Context, in <-chan int) ([]int, error) {
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got, ctx.Err()
			}
			got = append(got, v)
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
}

// trustingCollect is the reference solution as it was: it takes a
// closed input for a whole result, even when the context was cancelled
// at the same moment (a select with both ready picks one at random).
func trustingCollect(ctx context.Context, in <-chan int) ([]int, error) {
	var got []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got, nil
			}
			got = append(got, v)
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
}

// ownErrorCollect returns an error of its own, not ctx.Err(): right
// for a cancel, wrong for a context whose time ran out.
func ownErrorCollect(ctx context.Context, in <-chan int) ([]int, error) {
	got, err := goodCollect(ctx, in)
	if err != nil {
		err = context.Canceled
	}
	return got, err
}

// forgetfulCollect drops what it got when cancelled.
func forgetfulCollect(ctx context.Context, in <-chan int) ([]int, error) {
	got, err := goodCollect(ctx, in)
	if err != nil {
		return nil, err
	}
	return got, nil
}

// deafSendMap watches ctx while it waits for input, not while it sends.
func deafSendMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				out <- f(v)
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// rangeMap ranges over its input, so it cannot see a cancel while the
// input stays open and empty.
func rangeMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- f(v):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// scatterSource sends each item from a goroutine of its own, so the
// items come out in any order.
func scatterSource(ctx context.Context, items []int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		var wg sync.WaitGroup
		for _, v := range items {
			wg.Go(func() {
				select {
				case out <- v:
				case <-ctx.Done():
				}
			})
		}
		wg.Wait()
	}()
	return out
}

// leakySource ignores ctx: cancelled, it stays blocked on its send.
func leakySource(ctx context.Context, items []int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, v := range items {
			out <- v
		}
	}()
	return out
}

// unclosedMap forgets to close its output.
func unclosedMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			select {
			case out <- f(v):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// batchMap reads its whole input before it sends anything, so the
// stages take turns instead of overlapping.
func batchMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		var done []int
		for v := range in {
			done = append(done, f(v))
		}
		for _, v := range done {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// parallelMap starts a goroutine per item, so items overtake others.
func parallelMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		var wg sync.WaitGroup
		for v := range in {
			wg.Go(func() {
				select {
				case out <- f(v):
				case <-ctx.Done():
				}
			})
		}
		wg.Wait()
	}()
	return out
}

// rangeCollect ignores ctx: it waits for its input to close, forever.
func rangeCollect(ctx context.Context, in <-chan int) ([]int, error) {
	var got []int
	for v := range in {
		got = append(got, v)
	}
	return got, nil
}

// aheadSource sends from a goroutine and watches ctx, but into a
// buffer as big as the list: every item is sent before anyone reads,
// so a cancel has nothing left to stop, and the reader gets them all.
func aheadSource(ctx context.Context, items []int) <-chan int {
	out := make(chan int, len(items))
	go func() {
		defer close(out)
		for _, v := range items {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// aheadMap is goodMap with a buffer of 64: it works through its whole
// input ahead of its reader.
func aheadMap(ctx context.Context, in <-chan int, f func(int) int) <-chan int {
	out := make(chan int, 64)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- f(v):
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
