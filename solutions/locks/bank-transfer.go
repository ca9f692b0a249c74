package locks

import (
	"fmt"

	"github.com/goconc/goconc/lessons/locks"
)

// Transfer moves amount from one account to the other, or refuses,
// changing nothing, when from has less than amount.
//
// Both accounts stay locked for the whole transfer, so nobody ever sees
// the money in neither account or in both. They are locked in one
// order, the lower ID first, whichever way the money goes: two
// transfers in opposite directions then queue for the same first lock
// instead of each holding the lock the other waits for. A transfer to
// the same account is refused before locking, because a lock is not
// reentrant: locking it twice would wait forever.
func Transfer(from, to *locks.Account, amount int) error {
	if from == to {
		return locks.ErrSameAccount
	}
	first, second := from, to
	if second.ID < first.ID {
		first, second = second, first
	}
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()

	if from.Balance < amount {
		return fmt.Errorf("%v has %d, cannot pay %d: %w", from, from.Balance, amount, locks.ErrInsufficientFunds)
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}
