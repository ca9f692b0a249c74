package timeline_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/lessons/timeline"
)

const ms = time.Millisecond

func TestBeginAndEndFromManyGoroutinesKeepsEverySpan(t *testing.T) {
	rec := timeline.New("many workers")
	const workers, jobs = 16, 50
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := range jobs {
				func() {
					defer rec.Begin(fmt.Sprintf("worker %d", w), fmt.Sprintf("job %d", j))()
				}()
				_ = rec.Elapsed() // readers run alongside writers
				_ = rec.Lanes()
			}
		})
	}
	wg.Wait()

	spans := rec.Spans()
	require.Len(t, spans, workers*jobs)
	assert.Len(t, rec.Lanes(), workers)
	for _, s := range spans {
		assert.LessOrEqual(t, s.Start, s.End, "span %+v", s)
		assert.LessOrEqual(t, s.End, rec.Elapsed(), "span %+v", s)
	}
}

func TestEndCalledTwiceRecordsTheSpanOnce(t *testing.T) {
	rec := timeline.New("")
	end := rec.Begin("main", "work")
	end()
	end()
	assert.Len(t, rec.Spans(), 1)
}

func TestSpansAreSortedByStartThenLaneOrder(t *testing.T) {
	rec := timeline.New("")
	rec.Add(timeline.Span{Lane: "b", Label: "b2", Start: 100 * ms, End: 200 * ms})
	rec.Add(timeline.Span{Lane: "a", Label: "a2", Start: 100 * ms, End: 150 * ms})
	rec.Add(timeline.Span{Lane: "b", Label: "b1", Start: 0, End: 100 * ms})
	rec.Add(timeline.Span{Lane: "a", Label: "a1", Start: 50 * ms, End: 100 * ms})

	assert.Equal(t, []string{"b", "a"}, rec.Lanes(), "b starts first")
	assert.Equal(t, []string{"b1", "a1", "b2", "a2"}, labels(rec.Spans()),
		"at 100ms lane b comes before lane a because b is the first lane")
}

func TestLanesStartingTogetherKeepTheOrderTheyWereFirstRecorded(t *testing.T) {
	rec := timeline.New("")
	for _, lane := range []string{"worker 3", "worker 1", "worker 2"} {
		rec.Add(timeline.Span{Lane: lane, Label: "x", Start: 0, End: 10 * ms})
	}
	rec.Add(timeline.Span{Lane: "worker 0", Label: "x", Start: 5 * ms, End: 10 * ms})
	assert.Equal(t, []string{"worker 3", "worker 1", "worker 2", "worker 0"}, rec.Lanes())
}

func TestSpansReturnsACopy(t *testing.T) {
	rec := timeline.New("")
	rec.Add(timeline.Span{Lane: "main", Label: "a", End: ms})
	rec.Spans()[0].Label = "changed"
	assert.Equal(t, "a", rec.Spans()[0].Label)
}

func TestElapsedIsTheLatestEnd(t *testing.T) {
	rec := timeline.New("")
	assert.Zero(t, rec.Elapsed(), "no spans")
	rec.Add(timeline.Span{Lane: "a", Label: "long", Start: 0, End: 300 * ms})
	rec.Add(timeline.Span{Lane: "b", Label: "late but short", Start: 200 * ms, End: 250 * ms})
	assert.Equal(t, 300*ms, rec.Elapsed())
}

func TestASpanEndingBeforeItStartsIsStoredAsEmpty(t *testing.T) {
	rec := timeline.New("")
	rec.Add(timeline.Span{Lane: "a", Label: "backwards", Start: 200 * ms, End: 100 * ms})
	s := rec.Spans()[0]
	assert.Equal(t, 200*ms, s.End)
	assert.Zero(t, s.Duration())
}

// labels lists the labels of spans, in order.
func labels(spans []timeline.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.Label
	}
	return out
}
