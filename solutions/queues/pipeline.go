package queues

import "context"

// Source sends every item on the channel it returns, in order, from a
// goroutine of its own, and closes the channel after the last one:
// the sender closes, because only the sender knows when it is done.
// When ctx is cancelled it stops sending and closes the channel, so
// it is not left blocked on a send that nobody will ever receive.
func Source[T any](ctx context.Context, items []T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, item := range items {
			select {
			case out <- item:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Map sends f(v) for every v received from in, one at a time and in
// order, and closes its output when in is closed or ctx is cancelled.
// Both of its waits, for the next value and for the reader of the
// last one, also watch ctx.Done(): a stage blocked on either would
// otherwise outlive a cancelled pipeline.
func Map[In, Out any](ctx context.Context, in <-chan In, f func(In) Out) <-chan Out {
	out := make(chan Out)
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

// Collect gathers the values received from in until in is closed. If
// ctx is cancelled first, it returns what it has so far and ctx.Err().
// A closed input is not proof of a whole result: a stage that was
// cancelled closes its output early. So when in is closed, Collect
// still asks ctx: when the cancel and the close come at the same
// moment, select may take either case, and both must say "cancelled".
func Collect[T any](ctx context.Context, in <-chan T) ([]T, error) {
	var got []T
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return got, ctx.Err() // nil unless the context ended
			}
			got = append(got, v)
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
}
