package threads

import (
	"testing"

	"github.com/goconc/goconc/lessons/threads"
)

func TestCopyAll(t *testing.T) { threads.CheckCopyAll(t, CopyAll) }
