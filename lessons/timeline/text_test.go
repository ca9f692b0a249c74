package timeline_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/goconc/goconc/lessons/timeline"
)

func TestTextDrawsOneLinePerLaneAndAnAxis(t *testing.T) {
	want := `concurrent: calc_square and calc_cube                        total 400ms
calc_square |[square 2=====][square 3====][square 5=====][square 8====]|
calc_cube   |[cube 2=======][cube 3======][cube 5=======][cube 8======]|
            +--------------+--------------+-------------+--------------+
            0s           100ms          200ms         300ms        400ms
`
	assert.Equal(t, want, squaresAndCubes().Text())
}

func TestTextShowsIdleTimeShortSpansAndLongLaneNames(t *testing.T) {
	rec := timeline.New("3 workers, 5 pages")
	rec.Add(timeline.Span{Lane: "worker 1", Label: "page 1", Start: 0, End: 300 * ms})
	rec.Add(timeline.Span{Lane: "worker 2", Label: "page 2", Start: 0, End: 200 * ms})
	rec.Add(timeline.Span{Lane: "worker 3", Label: "page 3", Start: 0, End: 250 * ms})
	rec.Add(timeline.Span{Lane: "worker 2", Label: "page 4", Start: 200 * ms, End: 500 * ms})
	rec.Add(timeline.Span{Lane: "worker 3", Label: "page 5", Start: 250 * ms, End: 260 * ms})
	rec.Add(timeline.Span{Lane: "a lane with a name far too long", Label: "x", Start: 400 * ms, End: 418 * ms})

	want := `3 workers, 5 pages                                           total 500ms
worker 1         |[page 1========================]                     |
worker 2         |[page 2=============][page 4========================]|
worker 3         |[page 3===================]#                         |
a lane with a n… |                                          []         |
                 +----------+----------+---------+----------+----------+
                 0s       100ms      200ms     300ms      400ms    500ms
`
	assert.Equal(t, want, rec.Text())
}

func TestTextLinesFitSeventyTwoColumns(t *testing.T) {
	rec := squaresAndCubes()
	rec.Add(timeline.Span{Lane: strings.Repeat("long lane ", 5), Label: strings.Repeat("long label ", 20), Start: 0, End: 1234 * ms})
	for _, line := range strings.Split(strings.TrimSuffix(rec.Text(), "\n"), "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(line), 72, "%q", line)
	}
}

func TestTextIsDeterministic(t *testing.T) {
	assert.Equal(t, squaresAndCubes().Text(), squaresAndCubes().Text())
}

func TestTextOfAnEmptyRecorderSaysSo(t *testing.T) {
	assert.Equal(t, "idle\n(no spans recorded)\n", timeline.New("idle").Text())
}
