package locks

import (
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
	"github.com/goconc/goconc/lessons/exercise/exercisetest"
	"github.com/stretchr/testify/assert"
)

// Wrong transfers, the subtle ones first. Each Bad… test fails on
// purpose and runs only in a child process that the test after it
// starts and reads. The accounts' Lock takes a millisecond of fake
// time, so every one of these fails the same way every run.

// checkFirstTransfer checks the balance under the first account's Lock,
// lets go, then locks both in ID order to move the money: two
// transfers from one account both see the old balance.
func checkFirstTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	from.Lock()
	enough := from.Balance >= amount
	from.Unlock()
	if !enough {
		return ErrInsufficientFunds
	}
	first, second := inIDOrder(from, to)
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()
	from.Balance -= amount
	to.Balance += amount
	return nil
}

// swappedTransfer swaps from and to themselves to lock in ID order:
// money from a higher ID to a lower one goes the wrong way.
func swappedTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	if from.ID > to.ID {
		from, to = to, from
	}
	from.Lock()
	defer from.Unlock()
	to.Lock()
	defer to.Unlock()
	if from.Balance < amount {
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}

// allButAllTransfer refuses a transfer of the whole balance too.
func allButAllTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	first, second := inIDOrder(from, to)
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()
	if from.Balance <= amount {
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}

// naiveTransfer locks its accounts in the order it is given them.
func naiveTransfer(from, to *Account, amount int) error {
	from.Lock()
	defer from.Unlock()
	to.Lock()
	defer to.Unlock()
	if from.Balance < amount {
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	to.Balance += amount
	return nil
}

// splitTransfer never holds two locks, so it cannot deadlock, but the
// money is in neither account for a moment.
func splitTransfer(from, to *Account, amount int) error {
	from.Lock()
	if from.Balance < amount {
		from.Unlock()
		return ErrInsufficientFunds
	}
	from.Balance -= amount
	from.Unlock()
	to.Lock()
	to.Balance += amount
	to.Unlock()
	return nil
}

// unfinishedTransfer locks both accounts, without defer, then panics:
// a TODO left in.
func unfinishedTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	first, second := inIDOrder(from, to)
	first.Lock()
	second.Lock()
	if amount > 0 {
		panic("TODO: move the money")
	}
	second.Unlock()
	first.Unlock()
	return nil
}

func inIDOrder(a, b *Account) (*Account, *Account) {
	if b.ID < a.ID {
		return b, a
	}
	return a, b
}

func TestBadCheckFirstTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, checkFirstTransfer)
}

func TestBadSwappedTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, swappedTransfer)
}

func TestBadAllButAllTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, allButAllTransfer)
}

func TestBadNaiveTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, naiveTransfer)
}

func TestBadSplitTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, splitTransfer)
}

func TestBadUnfinishedTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, unfinishedTransfer)
}

// peekingTransfer reads the balance before it locks anything.
func peekingTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	if from.Balance < amount {
		return ErrInsufficientFunds
	}
	first, second := inIDOrder(from, to)
	first.Lock()
	defer first.Unlock()
	second.Lock()
	defer second.Unlock()
	from.Balance -= amount
	to.Balance += amount
	return nil
}

func TestBadPeekingTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, peekingTransfer)
}

func TestATransferThatChecksUnderAnotherLockIsToldBothPaid(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadCheckFirstTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "Transfer(account 1, account 2, 60) and Transfer(account 1, account 3, 60) at the same time, "+
			"with 100 in account 1: both paid, and the balances are [-20 60 60], -20 in account 1. "+
			"Both saw 100 before either took its 60: check the balance and move the money under the same Locks")
		assert.Contains(t, out, "FAIL bank-transfer: 9/10 points\n")
	})
}

func TestATransferThatReadsTheBalanceUnlockedRacesEveryRun(t *testing.T) {
	if !exercise.RaceDetectorOn {
		t.Skip("needs -race")
	}
	eachRun(t, exercisetest.Outputs(t, 10, "TestBadPeekingTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "WARNING: DATA RACE")
		assert.Contains(t, out, "locks.peekingTransfer()")
		assert.Contains(t, out, "both paid, and the balances are [-20 60 60]")
		assert.Contains(t, out, "FAIL bank-transfer: 0/10 points (a data race: 0 points until it is gone)\n")
	})
}

func TestATransferThatSwapsFromAndToIsToldTheMoneyWentTheWrongWay(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadSwappedTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "after Transfer(account 2, account 1, 20) the balances of account 1 and account 2 are 50 and 100, "+
			"want 90 and 60 (they were 70 and 80)\n")
		assert.Contains(t, out, "Transfer(account 2, account 1, 60) with 50 in account 2 returned nil, want an error that wraps "+
			"locks.ErrInsufficientFunds")
		assert.Contains(t, out, "the total is right, but the money went the wrong way")
		assert.Contains(t, out, "FAIL bank-transfer: 4/10 points\n")
	})
}

func TestATransferThatRefusesTheWholeBalanceIsTold(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadAllButAllTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, `Transfer(account 1, account 2, 90) with 90 in account 1 returned "insufficient funds", want nil: `+
			"a transfer of the whole balance is allowed; refuse only when from has less than amount\n")
		assert.Contains(t, out, "FAIL bank-transfer: 9/10 points\n")
	})
}

func TestATransferThatLocksInTheOrderGivenIsToldItDeadlocked(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadNaiveTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "Transfer(account 1, account 1, 10): 1 goroutine was still waiting after 1m0s of fake time, "+
			"a deadlock: account 1 is locked and 1 transfer waits for it")
		assert.Contains(t, out, "a lock is not reentrant")
		assert.Contains(t, out, "2 goroutines making 10 transfers each (account 1 → account 2, account 2 → account 1): "+
			"2 goroutines were still waiting after 1m0s of fake time, a deadlock: "+
			"account 1 is locked and 1 transfer waits for it; account 2 is locked and 1 transfer waits for it")
		assert.Contains(t, out, "Lock the two accounts of a transfer in the same order every time")
		assert.NotContains(t, out, "goroutine leak", "the goroutines stuck in a deadlock are ended after it is reported")
		// The audit part holds: locked in any order, one transfer alone
		// keeps the total, and the audit needs no lock order of its own.
		assert.Contains(t, out, "FAIL bank-transfer: 5/10 points\n")
	})
}

func TestATransferThatLetsGoOfOneAccountIsToldMoneyWentMissing(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadSplitTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "an audit that locked both accounts the moment neither was locked, just after "+
			"Transfer(account 2, account 1, 10) unlocked account 2, counted 1990, want 2000: 10 was in neither account. "+
			"Transfer let go of one account before it had changed the other; hold both locks for the whole transfer\n")
		assert.Contains(t, out, "Transfer(account 1, account 1, 10) returned nil, want locks.ErrSameAccount")
		assert.Contains(t, out, "FAIL bank-transfer: 7/10 points\n")
	})
}

func TestATransferThatPanicsHoldingTheLocksIsToldThePanicNotADeadlock(t *testing.T) {
	eachRun(t, exercisetest.Outputs(t, 2, "TestBadUnfinishedTransfer"), func(t assert.TestingT, out string) {
		assert.Contains(t, out, "your code panicked: TODO: move the money (in unfinishedTransfer)\n")
		assert.Contains(t, out, "your code panicked: TODO: move the money (in unfinishedTransfer); then 1 goroutine still waited "+
			"after 1m0s of fake time: a panic between Lock and Unlock leaves the lock locked")
		assert.NotContains(t, out, "a deadlock:")
		assert.NotContains(t, out, "goroutine leak")
		assert.Contains(t, out, "FAIL bank-transfer: 1/10 points\n")
	})
}

// creditFirstTransfer locks one account at a time, in ID order, never
// two at once, and pays to before it takes from from: for a moment the
// money is in both accounts.
func creditFirstTransfer(from, to *Account, amount int) error {
	if from == to {
		return ErrSameAccount
	}
	from.Lock()
	short := from.Balance < amount
	from.Unlock()
	if short {
		return ErrInsufficientFunds
	}
	to.Lock()
	to.Balance += amount
	to.Unlock()
	from.Lock()
	defer from.Unlock()
	from.Balance -= amount
	return nil
}

func TestBadCreditFirstTransfer(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckBankTransfer(t, creditFirstTransfer)
}

// The audit sees the moment between the two Locks whatever order the
// transfer locks in, every run: it runs inside the Unlock that leaves
// both accounts free.
func TestATransferThatPaysBeforeItTakesIsToldTheMoneyWasInBothAccounts(t *testing.T) {
	exercisetest.SaysEveryRun(t, 10, "TestBadCreditFirstTransfer",
		"an audit that locked both accounts the moment neither was locked, just after "+
			"Transfer(account 2, account 1, 10) unlocked account 1, counted 2010, want 2000: 10 was in both accounts. "+
			"Transfer let go of one account before it had changed the other; hold both locks for the whole transfer\n",
		"FAIL bank-transfer: 7/10 points\n")
}
