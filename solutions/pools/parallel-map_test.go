package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/pools"
)

func TestParallelMap(t *testing.T) { pools.CheckParallelMap(t, ParallelMap[int, string]) }
