package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/pools"
)

func TestExecutor(t *testing.T) { pools.CheckExecutor(t, NewExecutor[int]) }
