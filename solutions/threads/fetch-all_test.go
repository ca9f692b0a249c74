package threads

import (
	"testing"

	"github.com/goconc/goconc/lessons/threads"
)

func TestFetchAll(t *testing.T) { threads.CheckFetchAll(t, FetchAll) }
