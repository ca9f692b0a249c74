package timeline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/goconc/goconc/lessons/timeline"
)

// workerBars is a typical comparison: the same work with more and more workers.
var workerBars = []timeline.Bar{
	{Label: "sequential", Value: 2 * time.Second},
	{Label: "1 worker", Value: 2 * time.Second},
	{Label: "2 workers", Value: 1020 * ms},
	{Label: "5 workers", Value: 400 * ms},
}

func TestBarsTextKeepsTheGivenOrderAndEndsEachBarWithItsValue(t *testing.T) {
	want := `time to fetch 10 pages
sequential ███████████████████████████████████████████████████████ 2s
1 worker   ███████████████████████████████████████████████████████ 2s
2 workers  ████████████████████████████ 1.02s
5 workers  ███████████ 400ms
`
	assert.Equal(t, want, timeline.BarsText("time to fetch 10 pages", workerBars))
}

func TestBarsTextGivesTinyValuesASliverAndZeroNone(t *testing.T) {
	got := timeline.BarsText("", []timeline.Bar{
		{Label: "slow", Value: time.Hour},
		{Label: "fast", Value: time.Millisecond},
		{Label: "none", Value: 0},
	})
	lines := strings.Split(got, "\n")
	assert.Equal(t, "fast ▏ 1ms", lines[1])
	assert.Equal(t, "none 0s", lines[2])
}

func TestBarsTextWithoutBarsSaysSo(t *testing.T) {
	assert.Equal(t, "speed\n(no bars)\n", timeline.BarsText("speed", nil))
}

func TestBarsSVGIsWellFormedWithEveryLabelAndValueInOrder(t *testing.T) {
	doc := timeline.BarsSVG("time to fetch <10> pages", workerBars)
	parsed := parseSVG(t, doc)
	assert.Contains(t, doc, "time to fetch &lt;10&gt; pages")
	assert.Equal(t, []string{
		"time to fetch <10> pages",
		"sequential", "2s",
		"1 worker", "2s",
		"2 workers", "1.02s",
		"5 workers", "400ms",
	}, parsed.texts)
	assert.Contains(t, parsed.titles, "2 workers: 1.02s")
	assert.Equal(t, doc, timeline.BarsSVG("time to fetch <10> pages", workerBars), "deterministic")
}

func TestBarsSVGWithoutBarsSaysSo(t *testing.T) {
	assert.Contains(t, parseSVG(t, timeline.BarsSVG("speed", nil)).texts, "no bars")
}
