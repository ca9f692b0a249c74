//go:build race

package exercise

import "runtime"

// RaceDetectorOn says whether this binary was built with -race.
const RaceDetectorOn = true

// RacesSoFar is how many data races the race detector has reported
// in this process so far.
func RacesSoFar() int { return runtime.RaceErrors() }
