package locks

import (
	"sync"
	"sync/atomic"
	"testing"
)

// The notebook says that, without the race detector, an atomic add
// costs a little less than a Lock and Unlock around x++, and both only
// nanoseconds. Run without -race to see the real costs:
//
//	go test -run '^$' -bench Increment ./lessons/locks/
func BenchmarkIncrement(b *testing.B) {
	b.Run("mutex", func(b *testing.B) {
		var mu sync.Mutex
		x := 0
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				x++
				mu.Unlock()
			}
		})
	})
	b.Run("atomic", func(b *testing.B) {
		var x atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				x.Add(1)
			}
		})
	})
}
