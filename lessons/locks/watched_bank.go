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

	// The audit, when auditing: the first total, other than want, that
	// an audit found the moment no account was locked, and the account
	// whose Unlock made them all free.
	auditing  bool
	want      int
	audited   int
	auditedAt *Account
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

// unlocked is called by every Unlock. When auditing, it is the audit
// of the bank-transfer check: the moment no account is locked, it
// locks them all (without waiting: an audit that waited for one
// account while holding another would need a lock order of its own)
// and counts the money. Only the goroutine that unlocked runs it, in
// its Unlock, so it sees every moment at which all the accounts are
// free, every run.
func (b *watchedBank) unlocked(by *Account) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.auditing || b.auditedAt != nil {
		return
	}
	var took []*Account
	defer func() {
		for _, a := range took {
			<-a.token
		}
	}()
	for _, a := range b.accounts {
		select {
		case a.token <- struct{}{}:
			took = append(took, a)
		default:
			return // a transfer holds a; the audit waits for a later moment
		}
	}
	if total := sum(b.balances()); total != b.want {
		b.audited, b.auditedAt = total, by
	}
}

// audit is what the audit found: the first wrong total, and the
// account whose Unlock let it see that; nil if every total was right.
func (b *watchedBank) audit() (int, *Account) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.audited, b.auditedAt
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
