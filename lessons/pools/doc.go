// Package pools holds what the 05-pools notebook needs besides the
// learner's own code: the seed tutorials' prime-number workload, a
// local image server for the five-image download, the seed's Python
// Pool(2) program to race against, and the checks of the lesson's
// three exercises, parallel-map, executor and sum-primes.
//
// Python needs processes to use more than one core, because of its
// Global Interpreter Lock; Go does not. The lesson measures that on
// the seed's own workload: the sum of the primes up to 1, 2 and 3
// million, sequentially, with one goroutine per number, and split
// across every core (bench_test.go has the figures and the commands).
package pools
