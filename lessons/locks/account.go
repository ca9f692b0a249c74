package locks

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

// Errors a transfer returns when it must not happen.
var (
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrSameAccount       = errors.New("transfer to the same account")
)

// Account is a bank account with a lock of its own. Balance is guarded
// by that lock: read or change it only between Lock and Unlock.
//
// The lock works as a sync.Mutex does, but it is built on a channel
// with room for one token: Lock puts the token in, Unlock takes it
// out. A goroutine waiting on a channel is something testing/synctest
// can see, so the bank-transfer check reports a deadlock instead of
// hanging in one.
type Account struct {
	ID      int // never changes, so it may be read without the lock
	Balance int // guarded by Lock

	token chan struct{}
	hold  time.Duration // check only: Lock takes this long once it has the token
	bank  *watchedBank  // check only: who waits for what, and the way out of a deadlock
}

// NewAccount opens account id with an opening balance.
func NewAccount(id, balance int) *Account {
	return &Account{ID: id, Balance: balance, token: make(chan struct{}, 1)}
}

// Lock locks the account, waiting as long as another goroutine holds it.
func (a *Account) Lock() {
	if a.bank == nil {
		a.token <- struct{}{}
		return
	}
	a.bank.waiting(a, +1)
	select {
	case a.token <- struct{}{}:
		a.bank.waiting(a, -1)
	case <-a.bank.abort:
		// The check has reported a deadlock: we end this goroutine
		// (its deferred calls still run) so that none is left behind.
		a.bank.waiting(a, -1)
		runtime.Goexit()
	}
	time.Sleep(a.hold)
}

// Unlock unlocks the account. Like sync.Mutex, it panics if the
// account is not locked.
func (a *Account) Unlock() {
	select {
	case <-a.token:
	default:
		panic(fmt.Sprintf("locks: Unlock of account %d, which is not locked", a.ID))
	}
	if a.bank != nil {
		a.bank.unlocked(a)
	}
}

// String is "account 3".
func (a *Account) String() string { return fmt.Sprintf("account %d", a.ID) }
