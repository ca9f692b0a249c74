package locks

import (
	"errors"
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/goconc/goconc/lessons/exercise"
)

// transferFunc is the learner's Transfer in the bank-transfer exercise.
type transferFunc = func(from, to *Account, amount int) error

// CheckBankTransfer checks the bank-transfer exercise: transfer moves
// amount from one account to another, both locked for the whole
// transfer, so that transfers in every direction at once neither
// deadlock nor lose money; it refuses, changing nothing, a transfer
// larger than the balance (ErrInsufficientFunds) or to the same
// account (ErrSameAccount).
//
// The accounts' Lock takes a millisecond of fake time, so opposite
// transfers started together always interleave: a transfer that locks
// its accounts in the order it was given deadlocks every run, and the
// check reports which account each transfer waits for.
func CheckBankTransfer(t *testing.T, transfer func(from, to *Account, amount int) error) {
	t.Helper()
	exercise.Check(t, "bank-transfer",
		exercise.Part{Name: "moves the amount from one account to the other", Points: 2,
			Run: exercise.InMutexBubble(transfer, checkTransferMoves)},
		exercise.Part{Name: "refuses more than the balance and changes nothing", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferRefuses)},
		exercise.Part{Name: "refuses a transfer to the same account instead of locking it twice", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferSelf)},
		exercise.Part{Name: "never deadlocks when transfers go both ways at once", Points: 3,
			Run: exercise.InMutexBubble(transfer, checkTransferBothWays)},
		exercise.Part{Name: "keeps the total the same at every moment", Points: 2,
			Run: exercise.InMutexBubble(transfer, checkTransferAudit)},
		exercise.Part{Name: "ends with the exact balances after many transfers at once", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferMany)},
	)
}

func checkTransferMoves(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100, 50)
	a, b := bank.accounts[0], bank.accounts[1]
	err, ok := transferOnce(t, bank, transfer, a, b, 30, "")
	if !ok {
		return
	}
	if err != nil {
		t.Errorf("Transfer(%v, %v, 30) with 100 in %v returned %q, want nil", a, b, a, err)
	}
	if got := bank.balances(); got[0] != 70 || got[1] != 80 {
		t.Errorf("after Transfer(%v, %v, 30) the balances are %d and %d, want 70 and 80 (they were 100 and 50)",
			a, b, got[0], got[1])
	}
}

func checkTransferRefuses(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100, 50)
	a, b := bank.accounts[0], bank.accounts[1]
	err, ok := transferOnce(t, bank, transfer, a, b, 150, "")
	if !ok {
		return
	}
	if !errors.Is(err, ErrInsufficientFunds) {
		t.Errorf("Transfer(%v, %v, 150) with 100 in %v returned %v, want an error that wraps "+
			"locks.ErrInsufficientFunds (return it, or fmt.Errorf(\"…: %%w\", locks.ErrInsufficientFunds))",
			a, b, a, quoted(err))
	}
	if got := bank.balances(); got[0] != 100 || got[1] != 50 {
		t.Errorf("after a refused Transfer(%v, %v, 150) the balances are %d and %d, want 100 and 50 unchanged",
			a, b, got[0], got[1])
	}
}

func checkTransferSelf(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100)
	a := bank.accounts[0]
	err, ok := transferOnce(t, bank, transfer, a, a, 10,
		"a lock is not reentrant: a goroutine that locks an account it already holds waits for itself, "+
			"forever; when from == to, return locks.ErrSameAccount before locking anything")
	if !ok {
		return
	}
	if !errors.Is(err, ErrSameAccount) {
		t.Errorf("Transfer(%v, %v, 10) returned %v, want locks.ErrSameAccount", a, a, quoted(err))
	}
	if got := bank.balances()[0]; got != 100 {
		t.Errorf("after Transfer(%v, %v, 10) the balance is %d, want 100 unchanged", a, a, got)
	}
}

// checkTransferBothWays is seed 002's deadlock: two transfers each hold
// one account and want the other. Then the same with three accounts in
// a ring, where no two transfers share both accounts.
func checkTransferBothWays(t *testing.T, transfer transferFunc) {
	for _, ring := range [][]int{{0, 1}, {0, 1, 2}} {
		bank := newWatchedBank(1000, 1000, 1000)
		var plan [][]move
		for i, from := range ring {
			to := ring[(i+1)%len(ring)]
			var moves []move
			for range 10 {
				moves = append(moves, move{bank.accounts[from], bank.accounts[to], 10})
			}
			plan = append(plan, moves)
		}
		if !runPlan(t, bank, transfer, plan, describePlan(plan)) {
			return
		}
		wantBalances(t, bank, []int{1000, 1000, 1000}, describePlan(plan))
	}
}

// checkTransferAudit runs an auditor that locks both accounts, in ID
// order, while a transfer runs: it must find all the money.
func checkTransferAudit(t *testing.T, transfer transferFunc) {
	for _, dir := range [][2]int{{1, 0}, {0, 1}} {
		bank := newWatchedBank(1000, 1000)
		from, to := bank.accounts[dir[0]], bank.accounts[dir[1]]
		cr := newCrew(2)
		var err error
		cr.Go(func() { err = transfer(from, to, 10) })
		synctest.Wait() // the transfer has locked its first account
		audited := 0
		cr.Go(func() {
			for _, a := range bank.accounts {
				a.Lock()
				defer a.Unlock()
			}
			audited = sum(bank.balances())
		})
		what := fmt.Sprintf("Transfer(%v, %v, 10) and an audit that locks both accounts in ID order", from, to)
		if !waitTransfers(t, bank, cr, what, orderHint) {
			return
		}
		if err != nil {
			t.Errorf("Transfer(%v, %v, 10) returned %q, want nil", from, to, err)
		}
		if audited != 2000 {
			t.Errorf("an audit that locked both accounts, in ID order, while Transfer(%v, %v, 10) ran "+
				"counted %d, want 2000: %d was in neither account. Transfer let go of one account before "+
				"it had changed the other; hold both locks for the whole transfer", from, to, audited, 2000-audited)
		}
		wantUnlocked(t, bank, what)
	}
}

// checkTransferMany runs six goroutines of transfers among four
// accounts. No account can run short, whatever the order, so every
// transfer succeeds and the final balances are known exactly.
func checkTransferMany(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(1000, 1000, 1000, 1000)
	plan := manyMoves(bank)
	want := planBalances(bank, plan)
	what := fmt.Sprintf("%d goroutines making %d transfers each among 4 accounts", len(plan), len(plan[0]))
	if !runPlan(t, bank, transfer, plan, what) {
		return
	}
	wantBalances(t, bank, want, what)
}
