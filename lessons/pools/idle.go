package pools

import (
	"fmt"
	"slices"
	"sync"
	"testing/synctest"
	"time"

	"github.com/goconc/goconc/lessons/exercise"
)

// workLog is what the checks' injected work records on the fake clock:
// how many pieces run at once, how much work has started (inputs,
// tasks, or numbers), when each started piece ends, and how long each
// one takes, in the order they started. Safe for concurrent use.
type workLog struct {
	inFlight exercise.InFlight
	mu       sync.Mutex
	started  int
	ends     []time.Time
	lengths  []time.Duration
}

// begin marks a piece of work of length d and size amount as started;
// call the returned func when it ends.
func (w *workLog) begin(d time.Duration, amount int) (end func()) {
	leave := w.inFlight.Enter()
	w.mu.Lock()
	w.started += amount
	w.ends = append(w.ends, time.Now().Add(d))
	w.lengths = append(w.lengths, d)
	w.mu.Unlock()
	return leave
}

// startOrder is the length of every piece of work, in the order the
// learner's code started them: what [exercise.PoolTime] needs to say how
// long a busy pool takes the same pieces in the same order.
func (w *workLog) startOrder() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.lengths)
}

// idle is a moment when fewer pieces of work were running than there
// were workers, while some work had not started: a worker sat idle.
type idle struct {
	at      time.Duration // since the call began
	running int
	waiting int // amount of work not started yet
}

func (i *idle) String() string {
	return fmt.Sprintf("at %v of fake time %d ran while %d waited", i.at, i.running, i.waiting)
}

// watchIdle calls run in a goroutine of its own and looks, when it
// begins and each time a piece of work ends, whether a worker sits idle
// while work of the total amount is still waiting to start. It looks
// only once the learner's code has done everything it does at that
// instant (synctest.Wait), so a pool whose free worker starts the next
// piece at once is never caught, whatever order it takes the pieces
// in, and one whose worker waits for a batch, or for a share dealt out
// in advance, always is. It returns the first idle moment (nil when
// there was none) and whether run returned within [exercise.StuckAfter]
// of fake time. A panic in run is raised again here, in the check's
// goroutine. Call it inside a bubble.
func watchIdle(w *workLog, workers, total int, run func()) (first *idle, returned bool) {
	start := time.Now()
	call := exercise.Go(run)
	for {
		synctest.Wait()
		select {
		case <-call.Done():
			return first, call.Wait()
		default:
		}
		running := w.inFlight.Now()
		w.mu.Lock()
		waiting := total - w.started
		var next time.Time
		for _, end := range w.ends {
			if end.After(time.Now()) && (next.IsZero() || end.Before(next)) {
				next = end
			}
		}
		w.mu.Unlock()
		if running < workers && waiting > 0 {
			first = &idle{at: time.Since(start), running: running, waiting: waiting}
		}
		if first != nil || next.IsZero() {
			return first, call.Wait()
		}
		time.Sleep(time.Until(next))
	}
}
