package locks

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// watchedBank is the bank of a bank-transfer check. Its accounts'
// Lock takes hold of fake time once it has the lock, as if it fetched
// the account's record: two transfers started together then always
// interleave the same way, so a transfer that can deadlock does
// deadlock, every run. The bank remembers who waits for which account,
// to describe a deadlock, and abort ends every goroutine still waiting.
type watchedBank struct {
	accounts []*Account
	abort    chan struct{}

	mu      sync.Mutex
	waiters map[int]int // by account ID
}

// hold is how long a check account's Lock takes.
const hold = time.Millisecond

// newWatchedBank opens accounts 1, 2, … with the balances given.
func newWatchedBank(balances ...int) *watchedBank {
	b := &watchedBank{abort: make(chan struct{}), waiters: map[int]int{}}
	for i, balance := range balances {
		a := NewAccount(i+1, balance)
		a.hold, a.bank = hold, b
		b.accounts = append(b.accounts, a)
	}
	return b
}

func (b *watchedBank) waiting(a *Account, delta int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.waiters[a.ID] += delta
}

// deadlock describes, after a deadlock, each account that is locked
// while some goroutine waits for it.
func (b *watchedBank) deadlock() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var held []string
	for _, a := range b.accounts {
		if n := b.waiters[a.ID]; n > 0 && len(a.token) == 1 {
			verb := "waits"
			if n > 1 {
				verb = "wait"
			}
			held = append(held, fmt.Sprintf("%v is locked and %s %s for it", a, plural(n, "transfer"), verb))
		}
	}
	return strings.Join(held, "; ")
}

// release ends the goroutines still waiting for an account, after a
// deadlock was reported, so that none is left behind.
func (b *watchedBank) release() { close(b.abort) }

// balances are the accounts' balances, for after every transfer ended.
func (b *watchedBank) balances() []int {
	var bs []int
	for _, a := range b.accounts {
		bs = append(bs, a.Balance)
	}
	return bs
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
