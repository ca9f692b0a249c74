package locks

import (
	"testing"

	"github.com/goconc/goconc/lessons/locks"
)

func TestBankTransfer(t *testing.T) { locks.CheckBankTransfer(t, Transfer) }
