package timeline_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/goconc/goconc/lessons/timeline"
)

func TestSlotsReuseTheLowestFreeLane(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := timeline.New("slots")
		slots := timeline.NewSlots(rec, "worker")
		a := slots.Begin("a")
		b := slots.Begin("b")
		time.Sleep(10 * ms)
		a()
		a() // a second call changes nothing
		c := slots.Begin("c")
		time.Sleep(10 * ms)
		b()
		c()
		assert.Equal(t, []timeline.Span{
			{Lane: "worker 1", Label: "a", Start: 0, End: 10 * ms},
			{Lane: "worker 2", Label: "b", Start: 0, End: 20 * ms},
			{Lane: "worker 1", Label: "c", Start: 10 * ms, End: 20 * ms},
		}, rec.Spans())
		assert.Equal(t, 2, slots.Lanes())
	})
}

func TestSlotsShowHowManyRanAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slots := timeline.NewSlots(timeline.New("ten at once"), "call")
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				defer slots.Begin("sleep")()
				time.Sleep(100 * ms)
			})
		}
		wg.Wait()
		assert.Equal(t, 10, slots.Lanes())
	})
}
