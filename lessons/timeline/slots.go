package timeline

import (
	"fmt"
	"sync"
)

// Slots draws work that runs in goroutines we cannot name, such as the
// workers inside a pool we only hand a function to. Each piece of work
// takes the lowest-numbered lane that is free when it begins ("worker
// 1", "worker 2", …) and frees it when it ends, so a pool that keeps 3
// calls going at once is drawn in 3 lanes, and one that runs 10 at once
// in 10, whatever goroutines really did the work.
type Slots struct {
	rec    *Recorder
	prefix string

	mu   sync.Mutex
	busy []bool
}

// NewSlots draws on rec, in lanes named prefix and a number.
func NewSlots(rec *Recorder, prefix string) *Slots {
	return &Slots{rec: rec, prefix: prefix}
}

// Begin starts a span in the lowest free lane and returns the function
// that ends it and frees the lane; calling that more than once frees
// the lane only once.
func (s *Slots) Begin(label string) (end func()) {
	s.mu.Lock()
	i := 0
	for i < len(s.busy) && s.busy[i] {
		i++
	}
	if i == len(s.busy) {
		s.busy = append(s.busy, false)
	}
	s.busy[i] = true
	s.mu.Unlock()
	endSpan := s.rec.Begin(fmt.Sprintf("%s %d", s.prefix, i+1), label)
	var once sync.Once
	return func() {
		once.Do(func() {
			endSpan()
			s.mu.Lock()
			s.busy[i] = false
			s.mu.Unlock()
		})
	}
}

// Lanes is how many lanes have been used: the most pieces of work that
// ran at the same time.
func (s *Slots) Lanes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.busy)
}
