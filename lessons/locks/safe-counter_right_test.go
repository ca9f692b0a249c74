package locks

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Correct safe-counters in other styles than the reference's one
// Mutex: each must pass, every run.

// syncMapCounter keeps an atomic.Int64 per key in a sync.Map: no
// mutex of ours at all.
type syncMapCounter struct{ counts sync.Map }

func (c *syncMapCounter) Inc(key string) {
	n, _ := c.counts.LoadOrStore(key, new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
}

func (c *syncMapCounter) Value(key string) int {
	if n, ok := c.counts.Load(key); ok {
		return int(n.(*atomic.Int64).Load())
	}
	return 0
}

// rwCounter lets readers share an RWMutex, and adds with an atomic
// once the key exists, so that most Incs take only the read lock.
type rwCounter struct {
	mu     sync.RWMutex
	counts map[string]*atomic.Int64
}

func (c *rwCounter) Inc(key string) {
	c.mu.RLock()
	n := c.counts[key]
	c.mu.RUnlock()
	if n == nil {
		c.mu.Lock()
		if n = c.counts[key]; n == nil {
			n = new(atomic.Int64)
			c.counts[key] = n
		}
		c.mu.Unlock()
	}
	n.Add(1)
}

func (c *rwCounter) Value(key string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if n := c.counts[key]; n != nil {
		return int(n.Load())
	}
	return 0
}

// shardedCounter spreads the keys over 8 mutexes, one map each.
type shardedCounter struct {
	shards [8]struct {
		mu     sync.Mutex
		counts map[string]int
	}
}

func newShardedCounter() *shardedCounter {
	c := new(shardedCounter)
	for i := range c.shards {
		c.shards[i].counts = map[string]int{}
	}
	return c
}

func (c *shardedCounter) shard(key string) (*sync.Mutex, map[string]int) {
	h := 0
	for _, b := range []byte(key) {
		h = h*31 + int(b)
	}
	s := &c.shards[h&7]
	return &s.mu, s.counts
}

func (c *shardedCounter) Inc(key string) {
	mu, counts := c.shard(key)
	mu.Lock()
	defer mu.Unlock()
	counts[key]++
}

func (c *shardedCounter) Value(key string) int {
	mu, counts := c.shard(key)
	mu.Lock()
	defer mu.Unlock()
	return counts[key]
}

// Each check of a correct counter spends about a second of real time
// under -race hammering it (see hammer), so three runs each.
func TestCountersInOtherStylesPass(t *testing.T) {
	for range 3 {
		t.Run("sync.Map of atomics", func(t *testing.T) {
			CheckSafeCounter(t, func() *syncMapCounter { return new(syncMapCounter) })
		})
		t.Run("RWMutex and atomics", func(t *testing.T) {
			CheckSafeCounter(t, func() *rwCounter { return &rwCounter{counts: map[string]*atomic.Int64{}} })
		})
		t.Run("sharded mutexes", func(t *testing.T) { CheckSafeCounter(t, newShardedCounter) })
	}
}
