package daemon

import (
	"testing"

	"github.com/goconc/goconc/lessons/daemon"
)

func TestHeartbeat(t *testing.T) { daemon.CheckHeartbeat(t, Heartbeat) }
