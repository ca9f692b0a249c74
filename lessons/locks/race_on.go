//go:build race

package locks

import "runtime"

// raceEnabled is whether this binary runs under the race detector.
const raceEnabled = true

// racesSoFar is how many data races the race detector has reported in
// this process.
func racesSoFar() int { return runtime.RaceErrors() }
