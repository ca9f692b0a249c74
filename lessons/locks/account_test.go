package locks

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnAccountLockExcludesLikeAMutex(t *testing.T) {
	a := NewAccount(1, 0)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				a.Lock()
				a.Balance++
				a.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 8000, a.Balance)
	assert.Equal(t, "account 1", a.String())
}

func TestUnlockingAnUnlockedAccountPanics(t *testing.T) {
	assert.PanicsWithValue(t, "locks: Unlock of account 7, which is not locked", func() { NewAccount(7, 0).Unlock() })
}

func TestCheckAccountsTakeTheirHoldTime(t *testing.T) {
	bubble(t, func() {
		bank := newWatchedBank(10, 20)
		start := time.Now()
		for _, a := range bank.accounts {
			a.Lock()
		}
		assert.Equal(t, 2*hold, time.Since(start))
		assert.Empty(t, bank.deadlock(), "nobody waits")
		for _, a := range bank.accounts {
			a.Unlock()
		}
		assert.Equal(t, []int{10, 20}, bank.balances())
	})
}

// No account of manyMoves pays out more than it starts with, so every
// transfer succeeds in any order, and the final balances are exact.
func TestManyMovesCannotRunAnAccountShort(t *testing.T) {
	bank := newWatchedBank(1000, 1000, 1000, 1000)
	paid := map[int]int{}
	for _, moves := range manyMoves(bank) {
		for _, m := range moves {
			require.NotSame(t, m.from, m.to)
			paid[m.from.ID] += m.amount
		}
	}
	require.Len(t, paid, 4, "every account pays")
	for id, p := range paid {
		assert.LessOrEqual(t, p, 1000, "account %d", id)
	}
	assert.Equal(t, 4000, sum(planBalances(bank, manyMoves(bank))))
}
