package locks

import (
	"testing"

	"github.com/goconc/goconc/lessons/locks"
)

func TestLockWithTimeout(t *testing.T) { locks.CheckLockWithTimeout(t, NewTimeoutLock) }
