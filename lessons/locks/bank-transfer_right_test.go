package locks

import (
	"fmt"
	"slices"
	"testing"
)

// Correct transfers in other styles than the reference: each must
// pass, every run.

// sortedTransfer sorts the two accounts by ID and unlocks them by
// hand on every path, without defer.
func sortedTransfer(from, to *Account, amount int) error {
	if from.ID == to.ID {
		return fmt.Errorf("%v: %w", from, ErrSameAccount)
	}
	both := []*Account{from, to}
	slices.SortFunc(both, func(a, b *Account) int { return a.ID - b.ID })
	for _, a := range both {
		a.Lock()
	}
	unlock := func() {
		for _, a := range slices.Backward(both) {
			a.Unlock()
		}
	}
	if amount > from.Balance {
		unlock()
		return fmt.Errorf("%v has %d, wants %d: %w", from, from.Balance, amount, ErrInsufficientFunds)
	}
	from.Balance -= amount
	to.Balance += amount
	unlock()
	return nil
}

// lockBoth locks two accounts in ID order and returns the way to
// unlock them.
func lockBoth(a, b *Account) (unlock func()) {
	if a.ID > b.ID {
		a, b = b, a
	}
	a.Lock()
	b.Lock()
	return func() { b.Unlock(); a.Unlock() }
}

// helperTransfer takes the money out first and puts it back when it
// went below zero, all under both locks.
func helperTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	defer lockBoth(from, to)()
	if from.Balance -= amount; from.Balance < 0 {
		from.Balance += amount
		return ErrInsufficientFunds
	}
	to.Balance += amount
	return nil
}

// descendingTransfer locks the higher ID first. The task asks only
// that transfers never deadlock; any one fixed order does that, and
// the check's audit needs no order of its own, so this passes.
func descendingTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	high, low := from, to
	if low.ID > high.ID {
		high, low = low, high
	}
	high.Lock()
	defer high.Unlock()
	low.Lock()
	defer low.Unlock()
	if from.Balance < amount {
		return fmt.Errorf("%v has only %d: %w", from, from.Balance, ErrInsufficientFunds)
	}
	to.Balance += amount // credit first: both are locked, so no one can see it
	from.Balance -= amount
	return nil
}

// fundsFirstTransfer looks at the balance, under from's lock alone,
// before it asks whether from and to are the same account; it then
// locks both and looks again before it moves the money. So
// Transfer(a, a, more than a has) returns ErrInsufficientFunds, not
// ErrSameAccount. The task says when each error is returned but not
// which wins when both apply, and both are true here: the check
// accepts either, as long as nothing changes and nothing is left
// locked.
func fundsFirstTransfer(from, to *Account, amount int) error {
	from.Lock()
	short := from.Balance < amount
	from.Unlock()
	switch {
	case short:
		return ErrInsufficientFunds
	case from == to:
		return ErrSameAccount
	}
	first, second := inIDOrder(from, to)
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()
	if from.Balance < amount {
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}

func TestTransfersInOtherStylesPass(t *testing.T) {
	for range 10 {
		t.Run("sorted, no defer", func(t *testing.T) { CheckBankTransfer(t, sortedTransfer) })
		t.Run("a lockBoth helper", func(t *testing.T) { CheckBankTransfer(t, helperTransfer) })
		t.Run("higher ID first", func(t *testing.T) { CheckBankTransfer(t, descendingTransfer) })
		t.Run("balance before same account", func(t *testing.T) { CheckBankTransfer(t, fundsFirstTransfer) })
	}
}
