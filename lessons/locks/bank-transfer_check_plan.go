package locks

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/goconc/goconc/lessons/exercise"
)

// move is one transfer a check makes.
type move struct {
	from, to *Account
	amount   int
}

func (m move) String() string { return fmt.Sprintf("Transfer(%v, %v, %d)", m.from, m.to, m.amount) }

// orderHint is the way out of a deadlock between transfers.
const orderHint = "each transfer holds one account and waits for another that a second transfer holds. " +
	"Lock the two accounts of a transfer in the same order every time, whichever way the money goes: " +
	"for instance the lower ID first"

// transferOnce makes one transfer and waits for it; hint is what to
// tell the learner if it deadlocks.
func transferOnce(t *testing.T, bank *watchedBank, transfer transferFunc,
	from, to *Account, amount int, hint string) (err error, ok bool) {
	t.Helper()
	m := move{from, to, amount}
	cr := new(crew)
	cr.Go(func() { err = transfer(from, to, amount) })
	if !waitTransfers(t, bank, cr, m.String(), hint) {
		return nil, false
	}
	return err, wantUnlocked(t, bank, m.String())
}

// runPlan runs plan[g] in goroutine g, all at once, and waits for
// them. Every transfer must succeed.
func runPlan(t *testing.T, bank *watchedBank, transfer transferFunc, plan [][]move, what string) bool {
	t.Helper()
	failed := make([]string, len(plan)) // goroutine g writes only failed[g]
	cr := new(crew)
	for g, moves := range plan {
		cr.Go(func() {
			for _, m := range moves {
				if err := transfer(m.from, m.to, m.amount); err != nil && failed[g] == "" {
					failed[g] = fmt.Sprintf("%v returned %q, want nil: %v had enough money", m, err, m.from)
				}
			}
		})
	}
	if !waitTransfers(t, bank, cr, what, orderHint) {
		return false
	}
	for _, msg := range failed {
		if msg != "" {
			t.Error(msg)
		}
	}
	return wantUnlocked(t, bank, what)
}

// waitTransfers waits for a crew making transfers. If they deadlock,
// it says which accounts they wait for and adds hint, then ends the
// goroutines still waiting.
func waitTransfers(t *testing.T, bank *watchedBank, cr *crew, what, hint string) bool {
	t.Helper()
	ended := cr.Wait()
	if p := cr.Panicked(); p != nil {
		// A panic first: the goroutines that then wait forever wait
		// for the accounts it left locked.
		stuck := cr.Running()
		t.Error(panicked(p, stuck))
		if stuck > 0 {
			bank.release()
			cr.Wait()
		}
		return false
	}
	if ended {
		return true
	}
	stuck := cr.Running()
	why := bank.deadlock()
	if why == "" {
		why = "they wait for something other than an account's lock"
	}
	verb := "was"
	if stuck > 1 {
		verb = "were"
	}
	t.Errorf("%s: %s %s still waiting after %v of fake time, a deadlock: %s",
		what, plural(stuck, "goroutine"), verb, exercise.StuckAfter, why)
	if hint != "" {
		t.Log(hint)
	}
	bank.release()
	cr.Wait()
	return false
}

// wantUnlocked fails t for every account left locked.
func wantUnlocked(t *testing.T, bank *watchedBank, what string) bool {
	t.Helper()
	ok := true
	for _, a := range bank.accounts {
		if len(a.token) > 0 {
			t.Errorf("%v is still locked after %s returned: unlock every account you lock "+
				"(defer a.Unlock() right after a.Lock())", a, what)
			ok = false
		}
	}
	return ok
}

// wantBalances fails t unless the accounts end with want.
func wantBalances(t *testing.T, bank *watchedBank, want []int, what string) {
	t.Helper()
	got := bank.balances()
	want = want[:len(got)]
	if slices.Equal(got, want) {
		return
	}
	if sum(got) == sum(want) {
		t.Errorf("after %s the balances are %v, want %v: the total is right, but the money went the wrong way. "+
			"Lock the accounts in a fixed order, but take amount from from and pay it to to, whichever you locked first", what, got, want)
		return
	}
	t.Errorf("after %s the balances are %v, want %v; the total is %d, want %d: "+
		"two transfers changed a balance at the same time, so lock both accounts before you read either balance",
		what, got, want, sum(got), sum(want))
}

// describePlan says who transfers what, for messages.
func describePlan(plan [][]move) string {
	var ways []string
	for _, moves := range plan {
		ways = append(ways, fmt.Sprintf("%v → %v", moves[0].from, moves[0].to))
	}
	return fmt.Sprintf("%d goroutines making %d transfers each (%s)", len(plan), len(plan[0]), strings.Join(ways, ", "))
}

// manyMoves is six goroutines' worth of transfers among four accounts,
// in every direction. Each account pays out at most a few hundred, so
// none can run short, whatever the order they run in.
func manyMoves(bank *watchedBank) [][]move {
	n := len(bank.accounts)
	plan := make([][]move, 6)
	for g := range plan {
		for i := range 20 {
			from := (g + i) % n
			to := (from + 1 + (g+i/4)%(n-1)) % n
			plan[g] = append(plan[g], move{bank.accounts[from], bank.accounts[to], 1 + (3*g+7*i)%10})
		}
	}
	return plan
}

// planBalances are the balances that every transfer of plan will
// leave, from the balances now.
func planBalances(bank *watchedBank, plan [][]move) []int {
	bs := bank.balances()
	for _, moves := range plan {
		for _, m := range moves {
			bs[m.from.ID-1] -= m.amount
			bs[m.to.ID-1] += m.amount
		}
	}
	return bs
}

// quoted shows an error for a message: %q of its text, or nil.
func quoted(err error) string {
	if err == nil {
		return "nil"
	}
	return fmt.Sprintf("%q", err)
}
