package timeline_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goconc/goconc/lessons/timeline"
)

// tenThousand starts 10,000 goroutines, 1,000 at a time so that the race
// detector (8,128 goroutines alive at most) can run it too.
func tenThousand() {
	for range 10 {
		var wg sync.WaitGroup
		for range 1000 {
			wg.Go(func() {})
		}
		wg.Wait()
	}
}

// maxSchedSVGBytes bounds the picture of any trace: boxes and marks per
// lane are bounded by the lane's width, not by the goroutines.
const maxSchedSVGBytes = 150 << 10

func TestSchedOf10000GoroutinesIsSummarisedWithinABound(t *testing.T) {
	s, err := timeline.Trace(tenThousand)
	require.NoError(t, err)
	require.Equal(t, 10000, s.Started(), "exactly the goroutines f started")
	svg := s.SVG()
	assert.Less(t, len(svg), maxSchedSVGBytes)
	t.Logf("SVG of %d goroutines: %d bytes", s.Started(), len(svg))
	parsed := parseSVG(t, svg)
	assert.True(t, anyHasPrefix(parsed.texts, "summarised: "), "the picture says it summarised")
	assert.Contains(t, parsed.texts, "goroutine ×10000")
	text := s.Text()
	assert.Contains(t, text, "summarised: ")
	assert.Contains(t, s.Summary(), "goroutines: f and 10000 it started")
}

// BenchmarkSchedSVGOf10000 is the time to draw a 10,000-goroutine trace
// (the reading is not timed).
func BenchmarkSchedSVGOf10000(b *testing.B) {
	s, err := timeline.Trace(tenThousand)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.SVG()
	}
}

// BenchmarkSchedReadOf10000 is the time to read such a trace.
func BenchmarkSchedReadOf10000(b *testing.B) {
	var raw []byte
	{
		var buf bytes.Buffer
		require.NoError(b, timeline.Record(&buf, tenThousand))
		raw = buf.Bytes()
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		_, err := timeline.Read(bytes.NewReader(raw))
		require.NoError(b, err)
	}
}
