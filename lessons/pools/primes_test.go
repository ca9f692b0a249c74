package pools

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsPrimeAgreesWithTrialDivisionBelowTenThousand(t *testing.T) {
	for n := range uint32(10_000) {
		want := n >= 2
		for d := uint32(2); d*d <= n; d++ {
			if n%d == 0 {
				want = false
				break
			}
		}
		assert.Equal(t, want, IsPrime(n), "IsPrime(%d)", n)
	}
}

func TestSumPrimesBetweenGivesTheSeedsFirstSum(t *testing.T) {
	assert.Equal(t, SeedSums[0], SumPrimesBetween(2, SeedLimits[0]))
}

func TestSumPrimesBetweenAddsUpChunks(t *testing.T) {
	assert.Equal(t, 2+3+5+7, SumPrimesBetween(0, 10))
	assert.Equal(t, SumPrimesBetween(2, 1000), SumPrimesBetween(0, 500)+SumPrimesBetween(501, 1000))
	assert.Equal(t, 0, SumPrimesBetween(8, 10))
	assert.Equal(t, 0, SumPrimesBetween(10, 2), "an empty range sums to 0")
}

func TestSumPrimesBetweenRefusesNumbersBeyondItsType(t *testing.T) {
	assert.Panics(t, func() { SumPrimesBetween(0, 1<<31) })
}
