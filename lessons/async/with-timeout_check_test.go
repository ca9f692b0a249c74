package async

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lessons/exercise/exercisetest"
)

// stubWithTimeout is the exercise cell as the learner finds it.
func stubWithTimeout(ctx context.Context, d time.Duration, task task) (string, error) {
	panic("TODO: run the task in a goroutine and select on its result and ctx.Done()")
}

func TestBadStubWithTimeout(t *testing.T) {
	exercisetest.OnlyInChild(t)
	CheckWithTimeout(t, stubWithTimeout)
}

func TestTheUntouchedWithTimeoutStubScoresZeroAndSaysWhere(t *testing.T) {
	t.Parallel()
	out := exercisetest.Output(t, "TestBadStubWithTimeout")
	for _, want := range []string{
		"your code panicked: TODO: run the task in a goroutine and select on its result and ctx.Done() (in stubWithTimeout)",
		"FAIL with-timeout: 0/10 points",
	} {
		if !contains(out, want) {
			t.Errorf("the stub's check did not print %q; it printed:\n%s", want, out)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
