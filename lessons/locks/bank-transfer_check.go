package locks

import (
	"errors"
	"fmt"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// transferFunc is the learner's Transfer in the bank-transfer exercise.
type transferFunc = func(from, to *Account, amount int) error

// CheckBankTransfer checks the bank-transfer exercise: transfer moves
// amount from one account to another, both locked for the whole
// transfer, so that transfers in every direction at once neither
// deadlock nor lose money; it refuses, changing nothing, a transfer
// larger than the balance (ErrInsufficientFunds), even when another
// transfer draws on the same account at the same moment, or to the same
// account (ErrSameAccount).
//
// The audit part needs no lock order: it counts the money each time a
// transfer's Unlock leaves no account locked, without waiting for a
// lock, so any Transfer that never deadlocks against itself passes it.
//
// The accounts' Lock takes a millisecond of fake time, so transfers
// started together always interleave the same way: a transfer that
// locks its accounts in the order it was given deadlocks every run,
// and the check reports which account each transfer waits for; one
// that checks the balance under one Lock and moves the money under
// another lets two transfers both pay, every run.
func CheckBankTransfer(t *testing.T, transfer func(from, to *Account, amount int) error) {
	t.Helper()
	exercise.Check(t, "bank-transfer",
		exercise.Part{Name: "moves the amount from one account to the other", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferMoves)},
		exercise.Part{Name: "refuses more than the balance and changes nothing", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferRefuses)},
		exercise.Part{Name: "never pays out more than the balance when two transfers draw on it at once", Points: 1,
			Run: exercise.InMutexBubble(transfer, checkTransferOverdraw)},
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

// checkTransferMoves makes two transfers, one each way: from the lower
// ID to the higher, then back, all of the balance.
func checkTransferMoves(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100, 50)
	a, b := bank.accounts[0], bank.accounts[1]
	steps := []struct {
		from, to *Account
		amount   int
		want     [2]int
		why      string
	}{
		{a, b, 30, [2]int{70, 80}, ""},
		{b, a, 20, [2]int{90, 60}, ""},
		{a, b, 90, [2]int{0, 150}, ": a transfer of the whole balance is allowed; refuse only when from has less than amount"},
	}
	for _, s := range steps {
		before := bank.balances()
		m := move{s.from, s.to, s.amount}
		had := s.from.Balance
		err, ok := transferOnce(t, bank, transfer, s.from, s.to, s.amount, "")
		if !ok {
			return
		}
		if err != nil {
			t.Errorf("%v with %d in %v returned %s, want nil%s", m, had, s.from, quoted(err), s.why)
			return
		}
		if got := bank.balances(); got[0] != s.want[0] || got[1] != s.want[1] {
			t.Errorf("after %v the balances of %v and %v are %d and %d, want %d and %d (they were %d and %d)",
				m, a, b, got[0], got[1], s.want[0], s.want[1], before[0], before[1])
			return
		}
	}
}

// checkTransferRefuses asks for more than the balance, in both
// directions.
func checkTransferRefuses(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100, 50)
	a, b := bank.accounts[0], bank.accounts[1]
	for _, m := range []move{{b, a, 60}, {a, b, 101}} {
		had := m.from.Balance
		err, ok := transferOnce(t, bank, transfer, m.from, m.to, m.amount, "")
		if !ok {
			return
		}
		if !errors.Is(err, ErrInsufficientFunds) {
			t.Errorf("%v with %d in %v returned %v, want an error that wraps "+
				"locks.ErrInsufficientFunds (return it, or fmt.Errorf(\"…: %%w\", locks.ErrInsufficientFunds))",
				m, had, m.from, quoted(err))
			return
		}
		if got := bank.balances(); got[0] != 100 || got[1] != 50 {
			t.Errorf("after a refused %v the balances of %v and %v are %d and %d, want 100 and 50 unchanged",
				m, a, b, got[0], got[1])
			return
		}
	}
}

// checkTransferOverdraw starts two transfers of 60 from an account of
// 100 at the same moment: one must pay, the other be refused. A
// transfer that checks the balance under one Lock and moves the money
// under another lets both see 100, every run: each Lock takes a
// millisecond, so the two checks come one after the other, before
// either move.
func checkTransferOverdraw(t *testing.T, transfer transferFunc) {
	bank := newWatchedBank(100, 0, 0)
	a, b, c := bank.accounts[0], bank.accounts[1], bank.accounts[2]
	moves := []move{{a, b, 60}, {a, c, 60}}
	errs := make([]error, len(moves)) // goroutine i writes only errs[i]
	cr := new(crew)
	for i, m := range moves {
		cr.Go(func() { errs[i] = transfer(m.from, m.to, m.amount) })
	}
	what := fmt.Sprintf("%v and %v at the same time", moves[0], moves[1])
	if !waitTransfers(t, bank, cr, what, orderHint) || !wantUnlocked(t, bank, what) {
		return
	}
	got := bank.balances()
	paid := 0
	for _, err := range errs {
		switch {
		case err == nil:
			paid++
		case !errors.Is(err, ErrInsufficientFunds):
			t.Errorf("%s: one returned %s, want nil or an error that wraps locks.ErrInsufficientFunds", what, quoted(err))
			return
		}
	}
	switch {
	case paid == 2 || got[0] < 0:
		t.Errorf("%s, with 100 in %v: both paid, and the balances are %v, %d in %v. "+
			"Both saw 100 before either took its 60: check the balance and move the money under the same "+
			"Locks, held from before the check until after the move", what, a, got, got[0], a)
	case paid == 0:
		t.Errorf("%s, with 100 in %v: both were refused, want one to pay 60 (the balances are %v)", what, a, got)
	case sum(got) != 100 || got[0] != 40:
		t.Errorf("%s, with 100 in %v: one paid and one was refused, but the balances are %v, want 40 in %v "+
			"and 60 in the account that was paid", what, a, got, a)
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

// checkTransferAudit audits the bank while a transfer runs: every
// time the transfer unlocks an account and no account is locked, the
// audit locks them all and counts the money. It never waits for a
// lock, so it needs no lock order of its own, whatever order Transfer
// locks in; and it runs inside that Unlock, so it sees every such
// moment, every run.
func checkTransferAudit(t *testing.T, transfer transferFunc) {
	for _, dir := range [][2]int{{1, 0}, {0, 1}} {
		bank := newWatchedBank(1000, 1000)
		bank.auditing, bank.want = true, 2000
		from, to := bank.accounts[dir[0]], bank.accounts[dir[1]]
		m := move{from, to, 10}
		err, ok := transferOnce(t, bank, transfer, from, to, 10, "")
		if !ok {
			return
		}
		if err != nil {
			t.Errorf("%v returned %s, want nil", m, quoted(err))
			return
		}
		if total, at := bank.audit(); at != nil {
			where := "in neither account"
			if total > 2000 {
				where = "in both accounts"
			}
			t.Errorf("an audit that locked both accounts the moment neither was locked, just after %v "+
				"unlocked %v, counted %d, want 2000: %d was %s. Transfer let go of one account before it had "+
				"changed the other; hold both locks for the whole transfer", m, at, total, abs(total-2000), where)
			return
		}
	}
}

func abs(x int) int { return max(x, -x) }

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
