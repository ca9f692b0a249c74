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
// next tick.
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
				beat()
			}
		}
	}()
	return done
}
