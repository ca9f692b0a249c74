package async

import (
	"context"
	"testing"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// stubGather is the exercise cell as the learner finds it.
func stubGather(ctx context.Context, tasks ...task) ([]string, error) {
	panic("TODO: run every task in its own goroutine; cancel the others at the first error")
}

func TestBadStubGather(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckGather(t, stubGather)
}

func TestTheUntouchedGatherStubScoresZeroAndSaysWhere(t *testing.T) {
	t.Parallel()
	out := exercisetest.Output(t, "TestBadStubGather")
	for _, want := range []string{
		"your code panicked: TODO: run every task in its own goroutine; cancel the others at the first error (in stubGather)",
		"FAIL gather: 0/10 points",
	} {
		if !contains(out, want) {
			t.Errorf("the stub's check did not print %q; it printed:\n%s", want, out)
		}
	}
}
