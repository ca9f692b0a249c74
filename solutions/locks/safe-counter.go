package locks

import "sync"

// SafeCounter counts events by key. It is safe for concurrent use: the
// mutex guards the map, and every method holds it while it touches the
// map, reads included, because a Go map must not be read while another
// goroutine writes it.
type SafeCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

// NewSafeCounter returns an empty counter, ready to use.
func NewSafeCounter() *SafeCounter {
	return &SafeCounter{counts: map[string]int{}}
}

// Inc adds one to the count of key. Reading the count, adding one and
// writing it back happen under one Lock, so no increment is lost.
func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key]++
}

// Value returns the count of key: 0 for a key never counted.
func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[key]
}
