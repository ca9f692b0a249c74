package daemon

import (
	"context"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// The checks must fail wrong code with messages that tell the learner
// what to fix. The Bad… tests below run them on mistakes a learner
// makes; they fail on purpose, so they only run in a child process
// that the tests after them start and read. The right code is in
// solutions/daemon.

// coinFlipHeartbeat is the old reference solution: it trusts the
// select to see the cancel, but after a beat that outlasts the
// interval a tick is waiting beside ctx.Done(), and select picks one
// of the two at random.
func coinFlipHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
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

// overlappingHeartbeat starts each beat in a goroutine of its own, so
// that a slow beat overlaps the next, and done comes before the beats end.
func overlappingHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
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
				go beat()
			}
		}
	}()
	return done
}

// tickOnlyHeartbeat looks at ctx between ticks, but not after the
// wait: a cancel during the wait still gets its beat.
func tickOnlyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for ctx.Err() == nil {
			<-ticker.C
			beat()
		}
	}()
	return done
}

// afterHeartbeat waits with a fresh time.After each time round, so
// the beat's own time adds up.
func afterHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(interval):
				if ctx.Err() != nil {
					return
				}
				beat()
			}
		}
	}()
	return done
}

// farewellHeartbeat beats once more on the way out, "to flush".
func farewellHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				beat()
				return
			case <-ticker.C:
				if ctx.Err() != nil {
					return
				}
				beat()
			}
		}
	}()
	return done
}

// flagHeartbeat stops on a plain bool that another goroutine sets when
// ctx is done: the two goroutines share it with no synchronisation, a
// data race on every run.
func flagHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	stopped := false
	go func() {
		<-ctx.Done()
		stopped = true
	}()
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for range ticker.C {
			if stopped {
				return
			}
			beat()
		}
	}()
	return done
}

// stubHeartbeat is the exercise cell as shipped.
func stubHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	panic("TODO: start a goroutine that calls beat every interval")
}

// blockingHeartbeat beats well, but in the caller's goroutine.
func blockingHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	defer close(done)
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return done
		case <-ticker.C:
			if ctx.Err() != nil {
				return done
			}
			beat()
		}
	}
}

// sleepyHeartbeat sleeps one interval after each beat, so a slow beat
// makes it drift.
func sleepyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			time.Sleep(interval)
			if ctx.Err() != nil {
				return
			}
			beat()
		}
	}()
	return done
}

// eagerHeartbeat beats once before its first tick, even when cancelled.
func eagerHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			beat()
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
	return done
}

// leakyHeartbeat closes done on cancel, but its beating goroutine
// never stops.
func leakyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(done)
	}()
	go func() {
		for range time.Tick(interval) {
			beat()
		}
	}()
	return done
}

// hastyHeartbeat closes done as soon as ctx is cancelled, from another
// goroutine, even while a beat is running.
func hastyHeartbeat(ctx context.Context, interval time.Duration, beat func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(done)
	}()
	go func() {
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if ctx.Err() != nil {
					return
				}
				beat()
			}
		}
	}()
	return done
}

func TestBadFlagHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, flagHeartbeat)
}
func TestBadCoinFlipHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, coinFlipHeartbeat)
}
func TestBadOverlappingHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, overlappingHeartbeat)
}
func TestBadTickOnlyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, tickOnlyHeartbeat)
}
func TestBadAfterHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, afterHeartbeat)
}
func TestBadFarewellHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, farewellHeartbeat)
}
func TestBadStubHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, stubHeartbeat)
}
func TestBadBlockingHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, blockingHeartbeat)
}
func TestBadSleepyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, sleepyHeartbeat)
}
func TestBadEagerHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, eagerHeartbeat)
}
func TestBadLeakyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, leakyHeartbeat)
}
func TestBadHastyHeartbeat(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckHeartbeat(t, hastyHeartbeat)
}
