package exercise

import (
	"slices"
	"time"
)

// PoolTime is how long a pool of workers needs for work, the jobs'
// durations in the order they are handed out, when each worker takes
// the next job the moment it is free: the time a check on the fake
// clock expects from a busy pool. With uneven work it tells a pool
// from fixed batches and from jobs dealt out in advance, which uniform
// work cannot: PoolTime([300ms 100ms 100ms 100ms], 2) is 300ms, while
// batches of two take 400ms.
func PoolTime(work []time.Duration, workers int) time.Duration {
	if workers < 1 || len(work) == 0 {
		return 0
	}
	free := make([]time.Duration, min(workers, len(work))) // when each worker is next free
	for _, d := range work {
		i := slices.Index(free, slices.Min(free))
		free[i] += d
	}
	return slices.Max(free)
}
