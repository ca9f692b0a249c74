package daemon

import (
	"context"
	"time"
)

// Heartbeat calls beat every interval from a goroutine of its own,
// until ctx is cancelled, and returns at once. The goroutine closes
// done as it returns, so a caller that waits on done knows that beat
// will not be called again and that nothing is left running.
//
// A time.Ticker keeps the rhythm however long beat takes (a loop that
// sleeps one interval after each beat would drift by the beat's own
// time), and waiting on ctx.Done() in the same select as the ticker
// stops the goroutine the moment the context is cancelled, not at the
// next tick. That select is not enough on its own: a beat that
// outlasts the interval returns to a tick already waiting, and if the
// cancel came during that beat, ctx.Done() is ready too, and select
// picks one of the two at random. So we ask ctx again before each beat.
func Heartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if ctx.Err() != nil {
					return // cancelled while the last beat ran
				}
				beat()
			}
		}
	}()
	return done
}
