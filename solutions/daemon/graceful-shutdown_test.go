package daemon

import (
	"testing"

	"github.com/goconc/goconc/lessons/daemon"
)

func TestGracefulShutdown(t *testing.T) { daemon.CheckGracefulShutdown(t, RunWorkers) }
