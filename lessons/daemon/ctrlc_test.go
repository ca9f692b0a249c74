package daemon

import (
	"context"
	"os"
	"os/signal"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCtrlCAfterCancelsANotifyContext(t *testing.T) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	CtrlCAfter(10 * time.Millisecond)
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		require.Fail(t, "no interrupt arrived within 5s")
	}
	assert.ErrorContains(t, context.Cause(ctx), "interrupt")
}
