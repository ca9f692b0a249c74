package exercise

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stuckSending(ch chan int) { ch <- 1 }

func TestBlockedNamesTheGoroutinesStillWaitingInTheBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		assert.Empty(t, Blocked(), "nothing else runs in a new bubble")
		ch := make(chan int)
		go stuckSending(ch)
		blocked := Blocked()
		require.Len(t, blocked, 1)
		assert.Contains(t, blocked[0], "waiting (chan send) in stuckSending (blocked_test.go:")
		assert.Contains(t, blocked[0], "started by TestBlockedNamesTheGoroutinesStillWaitingInTheBubble.func1 (blocked_test.go:")
		<-ch
		assert.Empty(t, Blocked(), "it ended once its value was received")
	})
}
