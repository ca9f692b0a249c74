package daemon

import (
	"sync"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// beats stands in for the learner's beat in the heartbeat checks: it
// records when each beat began on the fake clock, takes as long as
// told, and counts the beats running at once.
type beats struct {
	origin   time.Time
	work     time.Duration // how long each beat takes
	inFlight exercise.InFlight

	mu sync.Mutex
	at []time.Duration
}

func newBeats(work time.Duration) *beats {
	return &beats{origin: time.Now(), work: work}
}

// beater is the beat that the checks hand to Heartbeat. Its method has
// a value receiver, so a goroutine caught in it is named "beater.beat"
// in a check's message (lessons/exercise names a frame by what comes
// before its first parenthesis, which (*beats).beat would cut short).
type beater struct{ *beats }

func (b beater) beat() {
	defer b.inFlight.Enter()()
	b.mu.Lock()
	b.at = append(b.at, time.Since(b.origin))
	b.mu.Unlock()
	time.Sleep(b.work)
}

// times returns when each beat began, as offsets from newBeats.
func (b *beats) times() []time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]time.Duration(nil), b.at...)
}

// now is the fake time since newBeats.
func (b *beats) now() time.Duration { return time.Since(b.origin) }

// since returns the beats that began at t or later.
func (b *beats) since(t time.Duration) []time.Duration {
	var late []time.Duration
	for _, at := range b.times() {
		if at >= t {
			late = append(late, at)
		}
	}
	return late
}
