package exercise

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReturnsGivesTheResultOnTheFakeClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		v, ok := Returns(func() int { time.Sleep(3 * time.Second); return 7 })
		assert.True(t, ok)
		assert.Equal(t, 7, v)
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
}

func TestReturnsGivesUpAfterStuckAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		never := make(chan int)
		start := time.Now()
		_, ok := Returns(func() int { return <-never })
		assert.False(t, ok)
		assert.Equal(t, StuckAfter, time.Since(start))
		close(never)
	})
}

func TestAPanicIsRaisedAgainInTheCheckWithWhereItHappened(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		defer func() {
			r := recover()
			require.IsType(t, &Panic{}, r)
			assert.Equal(t, "TODO: write me (in stubForTest)", fmt.Sprint(r))
		}()
		Returns(stubForTest)
		t.Error("Returns did not raise the panic")
	})
}

func stubForTest() int { panic("TODO: write me") }

func TestReturnedSaysBlockedOnlyWhenBlocked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate := make(chan struct{})
		c := Go(func() { <-gate })
		assert.False(t, c.Returned())
		assert.True(t, c.At().IsZero())
		close(gate)
		assert.True(t, c.Returned())
		assert.Equal(t, time.Now(), c.At())
	})
}
