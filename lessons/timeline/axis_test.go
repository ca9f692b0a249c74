package timeline

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAxisTicksUseTheSmallestNiceStepThatFits(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		total time.Duration
		want  []time.Duration
	}{
		{800 * ms, []time.Duration{0, 200 * ms, 400 * ms, 600 * ms, 800 * ms}},
		{403 * ms, []time.Duration{0, 100 * ms, 200 * ms, 300 * ms, 400 * ms}},
		{700 * ms, []time.Duration{0, 100 * ms, 200 * ms, 300 * ms, 400 * ms, 500 * ms, 600 * ms, 700 * ms}},
		{2 * time.Second, []time.Duration{0, 500 * ms, time.Second, 1500 * ms, 2 * time.Second}},
		{30 * time.Microsecond, []time.Duration{0, 5 * time.Microsecond, 10 * time.Microsecond, 15 * time.Microsecond, 20 * time.Microsecond, 25 * time.Microsecond, 30 * time.Microsecond}},
		{0, []time.Duration{0}},
	} {
		assert.Equal(t, tc.want, axisTicks(tc.total), "total %v", tc.total)
	}
}

func TestAxisTicksNumberBetweenFourAndEightForAnyTotal(t *testing.T) {
	for total := time.Duration(3); total < time.Hour; total = total*13/10 + 1 {
		ticks := axisTicks(total)
		assert.GreaterOrEqual(t, len(ticks), minTicks, "total %v", total)
		assert.LessOrEqual(t, len(ticks), maxTicks, "total %v", total)
		assert.Equal(t, time.Duration(0), ticks[0])
		assert.LessOrEqual(t, ticks[len(ticks)-1], total)
	}
}
