package pools

import (
	"testing"

	"github.com/goconc/goconc/lessons/pools"
)

func TestSumPrimes(t *testing.T) { pools.CheckSumPrimes(t, SumPrimes) }
