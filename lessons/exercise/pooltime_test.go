package exercise

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPoolTimeIsTheBusyPoolsMakespan(t *testing.T) {
	const ms = time.Millisecond
	assert.Equal(t, 300*ms, PoolTime([]time.Duration{300 * ms, 100 * ms, 100 * ms, 100 * ms}, 2))
	assert.Equal(t, 400*ms, PoolTime([]time.Duration{100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms, 100 * ms}, 3))
	assert.Equal(t, 600*ms, PoolTime([]time.Duration{300 * ms, 100 * ms, 200 * ms}, 1))
	assert.Equal(t, 300*ms, PoolTime([]time.Duration{300 * ms, 100 * ms}, 8), "more workers than jobs")
	assert.Zero(t, PoolTime(nil, 3))
}
