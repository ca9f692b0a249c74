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

func TestTransfersInOtherStylesPass(t *testing.T) {
	for range 10 {
		t.Run("sorted, no defer", func(t *testing.T) { CheckBankTransfer(t, sortedTransfer) })
		t.Run("a lockBoth helper", func(t *testing.T) { CheckBankTransfer(t, helperTransfer) })
	}
}
