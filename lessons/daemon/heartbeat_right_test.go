package daemon

import (
	"context"
	"testing"
	"time"
)

// Correct Heartbeats in other styles than the reference solution
// (solutions/daemon/heartbeat.go: a ticker, and ctx.Err() asked again
// in the tick's case). Each must pass every run.

// loopHeartbeat asks ctx at the top of the loop, so the check comes
// after every beat, before the next select.
func loopHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for ctx.Err() == nil {
			select {
			case <-ctx.Done():
			case <-ticker.C:
				beat()
			}
		}
	}()
	return done
}

// priorityHeartbeat gives the cancel priority with a select that has
// a default: it looks at ctx.Done() without waiting before each beat.
func priorityHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
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
			}
			select {
			case <-ctx.Done():
				return
			default:
				beat()
			}
		}
	}()
	return done
}

// timerHeartbeat keeps its own schedule with one time.Timer, reset to
// the next multiple of interval, and stops through context.AfterFunc's
// channel rather than ctx.Done() itself.
func timerHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	cancelled := make(chan struct{})
	stop := context.AfterFunc(ctx, func() { close(cancelled) })
	go func() {
		defer close(done)
		defer stop()
		next := time.Now().Add(interval)
		timer := time.NewTimer(interval)
		defer timer.Stop()
		for {
			select {
			case <-cancelled:
				return
			case <-timer.C:
			}
			if ctx.Err() != nil {
				return
			}
			beat()
			next = next.Add(interval)
			for !next.After(time.Now()) {
				next = next.Add(interval) // a slow beat: skip the ticks it missed, as a Ticker does
			}
			timer.Reset(time.Until(next))
		}
	}()
	return done
}

func TestRightHeartbeatsPassEveryRun(t *testing.T) {
	for name, heartbeat := range map[string]heartbeatFunc{
		"loop": loopHeartbeat, "priority": priorityHeartbeat, "timer": timerHeartbeat,
	} {
		t.Run(name, func(t *testing.T) {
			for range 20 {
				CheckHeartbeat(t, heartbeat)
			}
		})
	}
}
