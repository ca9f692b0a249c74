package locks

import (
	"testing"

	"github.com/goconc/goconc/lessons/locks"
)

func TestSafeCounter(t *testing.T) { locks.CheckSafeCounter(t, NewSafeCounter) }
