package exercise

import "sync"

// InFlight counts calls that are running at once and remembers the
// most it saw, so a check can prove "at most 3 at once" and "really
// 3 at once" from inside injected work. Safe for concurrent use.
type InFlight struct {
	mu        sync.Mutex
	now, peak int
}

// Enter marks one call as started; call the returned func when it ends.
func (f *InFlight) Enter() (leave func()) {
	f.mu.Lock()
	f.now++
	f.peak = max(f.peak, f.now)
	f.mu.Unlock()
	return func() {
		f.mu.Lock()
		f.now--
		f.mu.Unlock()
	}
}

// Now is how many calls are running at this moment.
func (f *InFlight) Now() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Peak is the most calls that were ever running at once.
func (f *InFlight) Peak() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.peak
}
