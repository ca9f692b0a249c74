package pools

import (
	"fmt"
	"math"
)

// SeedLimits are the three numbers of seed 000's Examples 3 and 4: the
// task is the sum of the primes up to each of them.
var SeedLimits = []int{1_000_000, 2_000_000, 3_000_000}

// SeedSums are the sums the seed printed for [SeedLimits]:
// Pool(2).map(sum_prime, [1000000, 2000000, 3000000]).
var SeedSums = []int{37550402023, 142913828922, 312471072265}

// IsPrime is seed 000's is_prime, test for test: after 2, 3 and their
// multiples, it tries the divisors 6k-1 and 6k+1 up to √n.
//
// It takes a uint32 because the seed's numbers are below four billion
// and many CPUs divide 32-bit numbers several times faster than 64-bit
// ones (three times on the course's machine, a 2.5 GHz Xeon). Python has one int type for every size; in Go, picking
// the type that fits the data is part of writing fast code.
func IsPrime(n uint32) bool {
	switch {
	case n <= 1:
		return false
	case n <= 3:
		return true
	case n%2 == 0 || n%3 == 0:
		return false
	}
	for i := uint32(5); i*i <= n; i += 6 {
		if n%i == 0 || n%(i+2) == 0 {
			return false
		}
	}
	return true
}

// SumPrimesBetween adds up the primes from lo to hi, both included. It
// is seed 000's sum_prime for one stretch of numbers, so that a big
// task can be cut into chunks: SumPrimesBetween(2, n) is sum_prime(n).
// Numbers below 2 are not prime, so lo may be 0 or 1 too. The sum is
// an int: the seed's sums are far beyond what 32 bits hold. hi must
// be below 2³¹, where IsPrime's i*i still fits in 32 bits.
func SumPrimesBetween(lo, hi int) int {
	if hi > math.MaxInt32 {
		panic(fmt.Sprintf("SumPrimesBetween(%d, %d): numbers must stay below 2³¹", lo, hi))
	}
	sum := 0
	for n := max(lo, 2); n <= hi; n++ {
		if IsPrime(uint32(n)) {
			sum += n
		}
	}
	return sum
}
