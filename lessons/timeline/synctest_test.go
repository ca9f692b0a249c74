package timeline_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/goconc/goconc/lessons/timeline"
)

func TestSpansOnTheFakeClockAreExact(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := timeline.New("two sleepers") // inside the bubble: origin is fake time
		var wg sync.WaitGroup
		for _, lane := range []string{"first", "second"} {
			wg.Go(func() {
				defer rec.Begin(lane, "sleep")()
				time.Sleep(100 * ms)
			})
		}
		wg.Wait()
		func() {
			defer rec.Begin("main", "after")()
			time.Sleep(50 * ms)
		}()

		spans := rec.Spans()
		assert.ElementsMatch(t, []timeline.Span{
			{Lane: "first", Label: "sleep", Start: 0, End: 100 * ms},
			{Lane: "second", Label: "sleep", Start: 0, End: 100 * ms},
		}, spans[:2])
		assert.Equal(t, timeline.Span{Lane: "main", Label: "after", Start: 100 * ms, End: 150 * ms}, spans[2])
		assert.Equal(t, 150*ms, rec.Elapsed())
	})
}
